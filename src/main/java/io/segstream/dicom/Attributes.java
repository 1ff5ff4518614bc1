package io.segstream.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import io.segstream.seg.CodedConcept;
import java.util.Arrays;
import java.util.List;

/** Reads and puts attribute values by tag, hiding PixelMed's checked exceptions and nulls. */
final class Attributes {

    private Attributes() {}

    /**
     * The tag of a keyword from PixelMed's standard dictionary. Used for keywords that
     * {@code TagFromName} lacks in this PixelMed version (e.g. SegmentAlgorithmName).
     */
    static AttributeTag tag(String keyword) {
        AttributeTag tag = AttributeList.getDictionary().getTagFromName(keyword);
        if (tag == null) {
            throw new IllegalStateException("keyword " + keyword + " is not in the dictionary");
        }
        return tag;
    }

    /** The first value, trimmed, or "" when absent or empty. */
    static String string(AttributeList list, AttributeTag tag) {
        return Attribute.getSingleStringValueOrEmptyString(list, tag).trim();
    }

    /** All values, trimmed; empty when absent. */
    static List<String> strings(AttributeList list, AttributeTag tag) {
        String[] values = Attribute.getStringValues(list, tag);
        if (values == null) {
            return List.of();
        }
        return Arrays.stream(values).map(String::trim).toList();
    }

    /** The first value as a number, or null when absent, empty or not a number. */
    static Double number(AttributeList list, AttributeTag tag) {
        String value = string(list, tag);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Double.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** All values as numbers, or an empty array when absent or any value is not a number. */
    static double[] numbers(AttributeList list, AttributeTag tag) {
        List<String> values = strings(list, tag);
        double[] numbers = new double[values.size()];
        try {
            for (int i = 0; i < numbers.length; i++) {
                numbers[i] = Double.parseDouble(values.get(i));
            }
        } catch (NumberFormatException e) {
            return new double[0];
        }
        return numbers;
    }

    static int integer(AttributeList list, AttributeTag tag, int absent) {
        return Attribute.getSingleIntegerValueOrDefault(list, tag, absent);
    }

    /** A new attribute with the VR of the standard dictionary, holding the given values. */
    static Attribute of(AttributeTag tag, String... values) throws DicomException {
        Attribute attribute = AttributeFactory.newAttribute(tag);
        for (String value : values) {
            attribute.addValue(value);
        }
        return attribute;
    }

    static void put(AttributeList list, AttributeTag tag, String... values)
            throws DicomException {
        list.put(of(tag, values));
    }

    static void putIntegers(AttributeList list, AttributeTag tag, int... values)
            throws DicomException {
        Attribute attribute = AttributeFactory.newAttribute(tag);
        for (int value : values) {
            attribute.addValue(value);
        }
        list.put(attribute);
    }

    static void putDecimals(AttributeList list, AttributeTag tag, double... values)
            throws DicomException {
        Attribute attribute = AttributeFactory.newAttribute(tag);
        for (double value : values) {
            attribute.addValue(value);
        }
        list.put(attribute);
    }

    /** Puts a sequence whose items are the given lists, in order. */
    static SequenceAttribute putSequence(AttributeList list, AttributeTag tag,
            AttributeList... items) {
        SequenceAttribute sequence = new SequenceAttribute(tag);
        for (AttributeList item : items) {
            sequence.addItem(item);
        }
        list.put(sequence);
        return sequence;
    }

    /** Puts a code sequence with a single item for the concept. */
    static void putCode(AttributeList list, AttributeTag tag, CodedConcept concept)
            throws DicomException {
        putSequence(list, tag, codeItem(concept));
    }

    static AttributeList codeItem(CodedConcept concept) throws DicomException {
        AttributeList item = new AttributeList();
        put(item, com.pixelmed.dicom.TagFromName.CodeValue, concept.codeValue());
        put(item, com.pixelmed.dicom.TagFromName.CodingSchemeDesignator,
                concept.codingSchemeDesignator());
        put(item, com.pixelmed.dicom.TagFromName.CodeMeaning, concept.codeMeaning());
        return item;
    }
}
