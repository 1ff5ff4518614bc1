package io.segstream.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import io.segstream.FailureReason;
import io.segstream.StudyFailedException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads DICOM Part 10 files with PixelMed and turns what PixelMed tolerates silently into
 * typed failures.
 *
 * <p>PixelMed logs and swallows a parse error part-way through a file and returns what it read so
 * far, so a truncated file looks like a shorter, valid one. The checks here catch that: a header
 * read of an image must reach Pixel Data, and a complete read must consume the whole file.
 */
final class DicomFiles {

    private static final int PREAMBLE_LENGTH = 128;
    private static final byte[] PREFIX = "DICM".getBytes(StandardCharsets.US_ASCII);

    private DicomFiles() {}

    /**
     * Reads every attribute before Pixel Data, and checks that an image's native Pixel Data can
     * hold what Rows, Columns and Number of Frames declare before anything is allocated for it.
     */
    static AttributeList readHeader(Path file) throws StudyFailedException {
        requirePart10Prefix(file);
        AttributeList list = new AttributeList();
        boolean[] reachedPixelData = {false};
        long[] pixelDataTagEnd = {-1};
        try {
            list.read(file.toFile(), (attributes, tag, offset) -> {
                reachedPixelData[0] = isPixelDataOrLater(tag);
                pixelDataTagEnd[0] = offset;
                return reachedPixelData[0];
            });
        } catch (IOException | DicomException | RuntimeException e) {
            throw malformed(file, "header cannot be parsed: " + e.getMessage(), e);
        }
        String sopClassUid = Attributes.string(list, TagFromName.SOPClassUID);
        if (sopClassUid.isEmpty()) {
            throw malformed(file, "no SOP Class UID (0008,0016) in the header", null);
        }
        if (SOPClass.isImageStorage(sopClassUid) && !reachedPixelData[0]) {
            throw malformed(file, "the header of an image ends before Pixel Data (7FE0,0010): "
                    + "the file is truncated or corrupt", null);
        }
        if (reachedPixelData[0]) {
            ImageSize.requireNativePixelDataFits(file, list, size(file) - pixelDataTagEnd[0]);
        }
        return list;
    }

    /** Reads the whole file, decoding compressed Pixel Data into native values. */
    static AttributeList readComplete(Path file) throws StudyFailedException {
        requirePart10Prefix(file);
        AttributeList list = new AttributeList();
        long stoppedAt;
        try {
            stoppedAt = list.read(file.toFile());
        } catch (IOException | DicomException | RuntimeException e) {
            throw decodingFailure(file, list, e);
        }
        long length = size(file);
        if (stoppedAt < length) {
            throw malformed(file, "parsing stopped at byte " + stoppedAt + " of " + length
                    + ": the file is truncated or corrupt", null);
        }
        return list;
    }

    private static boolean isPixelDataOrLater(AttributeTag tag) {
        return tag.getGroup() > 0x7FE0
                || (tag.getGroup() == 0x7FE0 && tag.getElement() >= 0x0010)
                || tag.equals(TagFromName.FloatPixelData)
                || tag.equals(TagFromName.DoubleFloatPixelData);
    }

    /**
     * Stricter than PixelMed, which also reads bare datasets: every file we are handed comes from
     * a PACS or DICOMweb export and must be Part 10, so a missing prefix means "not DICOM".
     */
    private static void requirePart10Prefix(Path file) throws StudyFailedException {
        requireRegularFile(file);
        byte[] head = new byte[PREAMBLE_LENGTH + PREFIX.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new StudyFailedException(FailureReason.INSTANCE_UNREADABLE,
                    "cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
        boolean hasPrefix = read == head.length;
        for (int i = 0; hasPrefix && i < PREFIX.length; i++) {
            hasPrefix = head[PREAMBLE_LENGTH + i] == PREFIX[i];
        }
        if (!hasPrefix) {
            throw malformed(file, "not a DICOM Part 10 file: no 'DICM' prefix after the "
                    + "128-byte preamble (file holds " + size(file) + " bytes)", null);
        }
        EncodingCheck.require(file, head.length);
    }

    /** Checked before opening: opening a FIFO would block until something writes to it. */
    private static void requireRegularFile(Path file) throws StudyFailedException {
        if (Files.isRegularFile(file)) {
            return;
        }
        String found = !Files.exists(file) ? "it does not exist"
                : Files.isDirectory(file) ? "it is a folder"
                : "it is not a regular file (a pipe, socket or device)";
        throw new StudyFailedException(FailureReason.INSTANCE_UNREADABLE, "cannot read "
                + file.getFileName() + ": an instance must be a regular file, but " + found);
    }

    private static StudyFailedException decodingFailure(Path file, AttributeList list,
            Exception e) {
        String transferSyntaxUid = Attributes.string(list, TagFromName.TransferSyntaxUID);
        if (!transferSyntaxUid.isEmpty()
                && new TransferSyntax(transferSyntaxUid).isEncapsulated()) {
            return new StudyFailedException(FailureReason.UNSUPPORTED_TRANSFER_SYNTAX,
                    "Pixel Data of " + file.getFileName() + " in Transfer Syntax "
                            + transferSyntaxUid + " cannot be decoded (" + e.getMessage()
                            + "); " + TransferSyntaxes.whatToDo(), e);
        }
        return malformed(file, "cannot be parsed: " + e.getMessage(), e);
    }

    static StudyFailedException malformed(Path file, String what, Throwable cause) {
        return new StudyFailedException(FailureReason.MALFORMED_DICOM,
                file.getFileName() + ": " + what, cause);
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
