package io.segstream.dicom;

import io.segstream.dicom.DicomElements.Element;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Breaks valid Explicit VR Little Endian MR files in every way {@link MalformedInputCorpusTest}
 * expects the reader to refuse: truncation, wrong value lengths, wrong VRs, absurd dimensions,
 * short Pixel Data and missing or impossible geometry. Each mutant changes one thing, at the byte
 * level, so that no toolkit repairs it on the way. The same seed gives the same corpus.
 *
 * <p>Families that need no valid input (files that are not DICOM, files that cannot be read) are
 * made here too; locations outside the storage roots are made by the test itself, which owns the
 * roots.
 */
final class DicomMutator {

    static final String TRUNCATED = "truncated";
    static final String ELEMENT_LENGTH = "element-length";
    static final String VALUE_REPRESENTATION = "value-representation";
    static final String DIMENSIONS = "dimensions";
    static final String PIXEL_DATA_SHORT = "pixel-data-short";
    static final String GEOMETRY = "geometry";
    static final String NOT_DICOM = "not-dicom";

    static final int FILE_META_INFORMATION_VERSION = 0x00020001;
    static final int TRANSFER_SYNTAX_UID = 0x00020010;
    static final int SOP_CLASS_UID = 0x00080016;
    static final int IMAGE_POSITION_PATIENT = 0x00200032;
    static final int IMAGE_ORIENTATION_PATIENT = 0x00200037;
    static final int FRAME_OF_REFERENCE_UID = 0x00200052;
    static final int NUMBER_OF_FRAMES = 0x00280008;
    static final int ROWS = 0x00280010;
    static final int COLUMNS = 0x00280011;
    static final int PIXEL_SPACING = 0x00280030;
    static final int SAMPLES_PER_PIXEL = 0x00280002;
    static final int BITS_ALLOCATED = 0x00280100;
    static final int PIXEL_DATA = 0x7FE00010;

    /** A valid file to break, and a short name for it that goes into every mutant's name. */
    record Base(String name, byte[] bytes) {}

    /** One malformed input: bytes to write as a file. */
    record Mutant(String family, String name, byte[] bytes) {

        String fileName() {
            return family + "-" + name + ".dcm";
        }

        Path writeInto(Path folder) throws IOException {
            return Files.write(folder.resolve(fileName()), bytes);
        }
    }

    private final Random random;
    private final List<Mutant> mutants = new ArrayList<>();

    DicomMutator(long seed) {
        this.random = new Random(seed);
    }

    /**
     * Every mutant of every native base, dimensions too large to decode for the compressed
     * base, then the inputs that are not DICOM at all.
     */
    List<Mutant> corpus(List<Base> bases, Base compressed) {
        oversized(compressed);
        for (Base base : bases) {
            truncations(base);
            elementLengths(base);
            valueRepresentations(base);
            dimensions(base);
            shortPixelData(base);
            geometry(base);
        }
        NotDicom.addTo(mutants, bases.get(0).bytes(), random);
        return List.copyOf(mutants);
    }

    private void add(String family, Base base, String what, byte[] bytes) {
        mutants.add(new Mutant(family, base.name() + "-" + what, bytes));
    }

    private void truncations(Base base) {
        byte[] file = base.bytes();
        Element transferSyntax = DicomElements.find(file, TRANSFER_SYNTAX_UID);
        Element sopClass = DicomElements.find(file, SOP_CLASS_UID);
        Element rows = DicomElements.find(file, ROWS);
        Element pixelData = DicomElements.find(file, PIXEL_DATA);
        List<Integer> offsets = new ArrayList<>(List.of(1, 64, 127, 128, 130, 132, 136,
                transferSyntax.offset() + 3, transferSyntax.valueOffset() + 5,
                sopClass.offset(), sopClass.valueOffset() + 3, rows.lengthOffset() + 1,
                pixelData.offset(), pixelData.offset() + 6, pixelData.valueOffset(),
                pixelData.valueOffset() + 1, pixelData.valueOffset() + 64,
                (pixelData.valueOffset() + file.length) / 2, file.length - 2, file.length - 1));
        for (int i = 0; i < 4; i++) {
            offsets.add(1 + random.nextInt(file.length - 1));
        }
        offsets.stream().filter(offset -> offset < file.length).distinct().sorted()
                .forEach(offset -> add(TRUNCATED, base,
                        String.format("at-%05d", offset), Arrays.copyOf(file, offset)));
    }

    private void elementLengths(Base base) {
        for (int tag : List.of(FILE_META_INFORMATION_VERSION, TRANSFER_SYNTAX_UID,
                SOP_CLASS_UID, ROWS, IMAGE_POSITION_PATIENT, PIXEL_DATA)) {
            Element element = DicomElements.find(base.bytes(), tag);
            String name = keyword(tag);
            long remaining = base.bytes().length - element.valueOffset();
            long largest = element.lengthBytes() == 2 ? 0xFFFF : 0xFFFFFFF0L;
            add(ELEMENT_LENGTH, base, name + "-odd",
                    withLength(base.bytes(), element, element.valueLength() + 1));
            add(ELEMENT_LENGTH, base, name + "-huge", withLength(base.bytes(), element, largest));
            add(ELEMENT_LENGTH, base, name + "-past-end-of-file",
                    withLength(base.bytes(), element, Math.min(largest, remaining + 2)));
            if (element.lengthBytes() == 4) {
                add(ELEMENT_LENGTH, base, name + "-undefined", withLength(base.bytes(),
                        element, DicomElements.UNDEFINED_LENGTH));
            }
        }
        // Only a group length that misplaces the dataset: the reader, like most toolkits,
        // tolerates a wrong one when the File Meta Information itself is intact.
        Element groupLength = DicomElements.find(base.bytes(), 0x00020000);
        add(ELEMENT_LENGTH, base, "FileMetaInformationGroupLength-value-huge",
                withUnsignedInt(base.bytes(), groupLength, 0x7FFFFFF0));
    }

    /**
     * VRs that cannot be read as the one they replace: unknown codes, and codes whose length
     * field has the other size, which shifts every byte after them.
     */
    private void valueRepresentations(Base base) {
        for (int tag : List.of(TRANSFER_SYNTAX_UID, SOP_CLASS_UID, ROWS,
                IMAGE_POSITION_PATIENT, PIXEL_DATA)) {
            Element element = DicomElements.find(base.bytes(), tag);
            boolean longLength = DicomElements.hasLongLength(element.vr());
            List<String> replacements = longLength
                    ? List.of("ZZ", "\0\0", "US", "DS") : List.of("ZZ", "\0\0", "OB", "SQ");
            for (String vr : replacements) {
                String label = vr.equals("\0\0") ? "NUL" : vr;
                add(VALUE_REPRESENTATION, base, keyword(tag) + "-as-" + label,
                        withVr(base.bytes(), element, vr));
            }
        }
    }

    private void dimensions(Base base) {
        byte[] file = base.bytes();
        addUnsigned(base, ROWS, 0);
        addUnsigned(base, COLUMNS, 0);
        addUnsigned(base, ROWS, 65535);
        addUnsigned(base, COLUMNS, 65535);
        add(DIMENSIONS, base, "Rows-and-Columns-65535",
                withValue(withValue(file, ROWS, unsignedShort(65535)), COLUMNS,
                        unsignedShort(65535)));
        add(DIMENSIONS, base, "Rows-and-Columns-16384",
                withValue(withValue(file, ROWS, unsignedShort(16384)), COLUMNS,
                        unsignedShort(16384)));
        for (int bits : List.of(0, 3, 64)) {
            addUnsigned(base, BITS_ALLOCATED, bits);
        }
        addUnsigned(base, SAMPLES_PER_PIXEL, 0);
        addUnsigned(base, SAMPLES_PER_PIXEL, 3);
        for (String frames : List.of("2147483647", "99999999", "0", "-1", "many")) {
            add(DIMENSIONS, base, "NumberOfFrames-" + frames, insertBefore(file, ROWS,
                    element(NUMBER_OF_FRAMES, "IS", text(frames))));
        }
    }

    /**
     * Compressed Pixel Data may be smaller than what it decodes to, so only the voxel limit
     * stands between such a header and a huge volume: just over it, and far over it.
     */
    private void oversized(Base compressed) {
        byte[] file = compressed.bytes();
        add(DIMENSIONS, compressed, "Rows-65535-Columns-8193", withValue(withValue(file, ROWS,
                unsignedShort(65535)), COLUMNS, unsignedShort(8193)));
        add(DIMENSIONS, compressed, "Rows-and-Columns-65535", withValue(withValue(file, ROWS,
                unsignedShort(65535)), COLUMNS, unsignedShort(65535)));
    }

    private void addUnsigned(Base base, int tag, int value) {
        add(DIMENSIONS, base, keyword(tag) + "-" + value,
                withValue(base.bytes(), tag, unsignedShort(value)));
    }

    private void shortPixelData(Base base) {
        Element pixelData = DicomElements.find(base.bytes(), PIXEL_DATA);
        int length = (int) pixelData.valueLength();
        for (int kept : List.of(0, 2, length / 2, length - 2, length - 1)) {
            byte[] value = Arrays.copyOfRange(base.bytes(), pixelData.valueOffset(),
                    pixelData.valueOffset() + kept);
            add(PIXEL_DATA_SHORT, base, String.format("%d-of-%d-bytes", kept, length),
                    withValue(base.bytes(), PIXEL_DATA, value));
        }
    }

    private void geometry(Base base) {
        for (int tag : List.of(IMAGE_POSITION_PATIENT, IMAGE_ORIENTATION_PATIENT,
                PIXEL_SPACING, FRAME_OF_REFERENCE_UID)) {
            add(GEOMETRY, base, keyword(tag) + "-removed", without(base.bytes(), tag));
            add(GEOMETRY, base, keyword(tag) + "-empty", withValue(base.bytes(), tag,
                    new byte[0]));
        }
        addText(base, IMAGE_POSITION_PATIENT, "non-numeric", "left\\up\\far");
        addText(base, IMAGE_POSITION_PATIENT, "two-values", "1\\2");
        addText(base, IMAGE_POSITION_PATIENT, "NaN", "NaN\\0\\0");
        addText(base, IMAGE_POSITION_PATIENT, "Infinity", "0\\Infinity\\0");
        addText(base, IMAGE_POSITION_PATIENT, "minus-Infinity", "0\\0\\-Infinity");
        addText(base, IMAGE_ORIENTATION_PATIENT, "non-numeric", "x\\0\\0\\0\\1\\0");
        addText(base, IMAGE_ORIENTATION_PATIENT, "five-values", "1\\0\\0\\0\\1");
        addText(base, IMAGE_ORIENTATION_PATIENT, "parallel", "1\\0\\0\\1\\0\\0");
        addText(base, IMAGE_ORIENTATION_PATIENT, "zero-row", "0\\0\\0\\0\\1\\0");
        addText(base, IMAGE_ORIENTATION_PATIENT, "NaN", "NaN\\0\\0\\0\\1\\0");
        addText(base, IMAGE_ORIENTATION_PATIENT, "Infinity", "1\\0\\0\\0\\Infinity\\0");
        addText(base, PIXEL_SPACING, "non-numeric", "fine\\fine");
        addText(base, PIXEL_SPACING, "one-value", "1");
        addText(base, PIXEL_SPACING, "zero", "0\\1");
        addText(base, PIXEL_SPACING, "negative", "1\\-1");
        addText(base, PIXEL_SPACING, "NaN", "NaN\\1");
        addText(base, PIXEL_SPACING, "Infinity", "1\\Infinity");
    }

    private void addText(Base base, int tag, String what, String value) {
        add(GEOMETRY, base, keyword(tag) + "-" + what, withValue(base.bytes(), tag, text(value)));
    }

    static String keyword(int tag) {
        return switch (tag) {
            case FILE_META_INFORMATION_VERSION -> "FileMetaInformationVersion";
            case TRANSFER_SYNTAX_UID -> "TransferSyntaxUID";
            case SOP_CLASS_UID -> "SOPClassUID";
            case IMAGE_POSITION_PATIENT -> "ImagePositionPatient";
            case IMAGE_ORIENTATION_PATIENT -> "ImageOrientationPatient";
            case FRAME_OF_REFERENCE_UID -> "FrameOfReferenceUID";
            case NUMBER_OF_FRAMES -> "NumberOfFrames";
            case ROWS -> "Rows";
            case COLUMNS -> "Columns";
            case PIXEL_SPACING -> "PixelSpacing";
            case SAMPLES_PER_PIXEL -> "SamplesPerPixel";
            case BITS_ALLOCATED -> "BitsAllocated";
            case PIXEL_DATA -> "PixelData";
            default -> String.format("%08X", tag);
        };
    }

    // Byte-level edits; each returns a new array.

    static byte[] withLength(byte[] file, Element element, long length) {
        byte[] copy = file.clone();
        ByteBuffer buffer = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
        if (element.lengthBytes() == 2) {
            buffer.putShort(element.lengthOffset(), (short) length);
        } else {
            buffer.putInt(element.lengthOffset(), (int) length);
        }
        return copy;
    }

    static byte[] withUnsignedInt(byte[] file, Element element, int value) {
        byte[] copy = file.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(element.valueOffset(), value);
        return copy;
    }

    static byte[] withVr(byte[] file, Element element, String vr) {
        byte[] copy = file.clone();
        byte[] code = vr.getBytes(StandardCharsets.ISO_8859_1);
        copy[element.offset() + 4] = code[0];
        copy[element.offset() + 5] = code[1];
        return copy;
    }

    /** Replaces the value of a dataset element (not of File Meta Information) and its length. */
    static byte[] withValue(byte[] file, int tag, byte[] value) {
        Element element = DicomElements.find(file, tag);
        byte[] encoded = element(tag, element.vr(), value);
        return splice(file, element.offset(), element.end(), encoded);
    }

    static byte[] without(byte[] file, int tag) {
        Element element = DicomElements.find(file, tag);
        return splice(file, element.offset(), element.end(), new byte[0]);
    }

    static byte[] insertBefore(byte[] file, int anchorTag, byte[] element) {
        int offset = DicomElements.find(file, anchorTag).offset();
        return splice(file, offset, offset, element);
    }

    /** An element in Explicit VR Little Endian; the value is written as given, odd or not. */
    static byte[] element(int tag, String vr, byte[] value) {
        boolean longLength = DicomElements.hasLongLength(vr);
        ByteBuffer buffer = ByteBuffer.allocate((longLength ? 12 : 8) + value.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        buffer.putShort((short) (tag >>> 16)).putShort((short) tag);
        buffer.put(vr.getBytes(StandardCharsets.US_ASCII));
        if (longLength) {
            buffer.putShort((short) 0).putInt(value.length);
        } else {
            buffer.putShort((short) value.length);
        }
        return buffer.put(value).array();
    }

    /** A string value padded with a space to even length, as PS3.5 6.2 asks. */
    static byte[] text(String value) {
        String padded = value.length() % 2 == 0 ? value : value + " ";
        return padded.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] unsignedShort(int value) {
        return new byte[] {(byte) value, (byte) (value >>> 8)};
    }

    private static byte[] splice(byte[] file, int from, int to, byte[] replacement) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length + replacement.length);
        out.write(file, 0, from);
        out.write(replacement, 0, replacement.length);
        out.write(file, to, file.length - to);
        return out.toByteArray();
    }
}
