package io.segstream.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where each data element of a valid Part 10 file in Explicit VR Little Endian lies, so that
 * {@link DicomMutator} can break one element at a time at the byte level. Written for the
 * mutator's own valid inputs only: it trusts the lengths it reads.
 */
final class DicomElements {

    static final int PREAMBLE_AND_PREFIX = 132;
    static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;

    /** VRs whose explicit encoding has two reserved bytes and a 4-byte length (PS3.5 7.1.2). */
    private static final Set<String> LONG_LENGTH_VRS = Set.of("OB", "OD", "OF", "OL", "OV",
            "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV");

    /**
     * One element.
     *
     * @param tag group in the high 16 bits, element in the low
     * @param vr the two VR characters; empty for items and delimiters
     * @param offset where the tag starts
     * @param lengthOffset where the value length field starts
     * @param lengthBytes size of the value length field: 2 or 4
     * @param valueOffset where the value starts
     * @param valueLength the value length as written
     */
    record Element(int tag, String vr, int offset, int lengthOffset, int lengthBytes,
            int valueOffset, long valueLength) {

        /** The first byte after the value; for undefined lengths, the start of the content. */
        int end() {
            return valueLength == UNDEFINED_LENGTH ? valueOffset
                    : valueOffset + (int) valueLength;
        }
    }

    private DicomElements() {}

    static boolean hasLongLength(String vr) {
        return LONG_LENGTH_VRS.contains(vr);
    }

    /**
     * Every element in file order up to Pixel Data, descending into sequences and items of any
     * length; encapsulated Pixel Data is not walked.
     */
    static List<Element> of(byte[] file) {
        ByteBuffer buffer = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        List<Element> elements = new ArrayList<>();
        int position = PREAMBLE_AND_PREFIX;
        while (position + 8 <= file.length) {
            Element element = at(buffer, position);
            elements.add(element);
            if (element.tag() == 0x7FE00010) {
                break;
            }
            boolean descends = element.vr().isEmpty() || element.vr().equals("SQ");
            position = descends && element.tag() != 0xFFFEE0DD && element.tag() != 0xFFFEE00D
                    ? element.valueOffset() : element.end();
        }
        return elements;
    }

    /** The first element with {@code tag} at any depth. */
    static Element find(byte[] file, int tag) {
        return of(file).stream().filter(e -> e.tag() == tag).findFirst().orElseThrow(
                () -> new IllegalArgumentException(String.format("no element (%04X,%04X)",
                        tag >>> 16, tag & 0xFFFF)));
    }

    private static Element at(ByteBuffer buffer, int position) {
        int tag = (Short.toUnsignedInt(buffer.getShort(position)) << 16)
                | Short.toUnsignedInt(buffer.getShort(position + 2));
        if (tag >>> 16 == 0xFFFE) {
            long length = Integer.toUnsignedLong(buffer.getInt(position + 4));
            return new Element(tag, "", position, position + 4, 4, position + 8, length);
        }
        byte[] vrBytes = {buffer.get(position + 4), buffer.get(position + 5)};
        String vr = new String(vrBytes, StandardCharsets.US_ASCII);
        if (hasLongLength(vr)) {
            long length = Integer.toUnsignedLong(buffer.getInt(position + 8));
            return new Element(tag, vr, position, position + 8, 4, position + 12, length);
        }
        int length = Short.toUnsignedInt(buffer.getShort(position + 6));
        return new Element(tag, vr, position, position + 6, 2, position + 8, length);
    }
}
