package io.segstream.dicom;

import io.segstream.dicom.DicomMutator.Mutant;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * Files a sender might put where an instance belongs that are no DICOM Part 10 file: empty,
 * text, an image in another format, random bytes, an archive holding a DICOM file, a dataset
 * without its preamble, or a preamble and prefix with nothing sensible after them.
 */
final class NotDicom {

    /** 2026-01-01T00:00:00Z: the zip entry's time, so that the corpus is the same each run. */
    private static final long FIXED_TIME = 1_767_225_600_000L;

    private NotDicom() {}

    static void addTo(List<Mutant> mutants, byte[] dicom, Random random) {
        add(mutants, "empty", new byte[0]);
        add(mutants, "text", "not an image\n".getBytes(StandardCharsets.US_ASCII));
        add(mutants, "long-text", "Rows,Columns\n".repeat(40)
                .getBytes(StandardCharsets.US_ASCII));
        add(mutants, "png", png());
        for (int size : List.of(16, 131, 132, 600, 4096)) {
            add(mutants, "random-" + size + "-bytes", randomBytes(random, size));
        }
        add(mutants, "zip-of-dicom", zipOf(dicom));
        add(mutants, "gzip-of-dicom", gzipOf(dicom));
        add(mutants, "dataset-without-preamble",
                Arrays.copyOfRange(dicom, DicomElements.PREAMBLE_AND_PREFIX, dicom.length));
        add(mutants, "preamble-and-prefix-only",
                Arrays.copyOf(dicom, DicomElements.PREAMBLE_AND_PREFIX));
        byte[] prefixThenRandom = randomBytes(random, 700);
        System.arraycopy(dicom, 0, prefixThenRandom, 0, DicomElements.PREAMBLE_AND_PREFIX);
        add(mutants, "prefix-then-random-bytes", prefixThenRandom);
    }

    private static void add(List<Mutant> mutants, String name, byte[] bytes) {
        mutants.add(new Mutant(DicomMutator.NOT_DICOM, name, bytes));
    }

    private static byte[] randomBytes(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] png() {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] zipOf(byte[] dicom) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry = new ZipEntry("IM0.dcm");
            entry.setTime(FIXED_TIME);
            zip.putNextEntry(entry);
            zip.write(dicom);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gzipOf(byte[] dicom) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(dicom);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
