package io.segstream.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.TagFromName;

/** Takes the {@link SeriesAttributes} out of a classic image header. */
final class SeriesAttributesReader {

    // Missing from this PixelMed version's TagFromName.
    private static final AttributeTag SCANNING_SEQUENCE = Attributes.tag("ScanningSequence");
    private static final AttributeTag SEQUENCE_VARIANT = Attributes.tag("SequenceVariant");
    private static final AttributeTag SCAN_OPTIONS = Attributes.tag("ScanOptions");
    private static final AttributeTag INVERSION_TIME = Attributes.tag("InversionTime");

    private SeriesAttributesReader() {}

    // TODO(#4): Enhanced MR keeps Repetition Time, Echo Time etc. in functional groups.
    static SeriesAttributes of(AttributeList header) {
        return new SeriesAttributes(
                Attributes.string(header, TagFromName.StudyInstanceUID),
                Attributes.string(header, TagFromName.SeriesInstanceUID),
                Attributes.string(header, TagFromName.SOPClassUID),
                Attributes.string(header, TagFromName.Modality),
                Attributes.string(header, TagFromName.SeriesDescription),
                Attributes.strings(header, TagFromName.ImageType),
                Attributes.strings(header, SCANNING_SEQUENCE),
                Attributes.strings(header, SEQUENCE_VARIANT),
                Attributes.strings(header, SCAN_OPTIONS),
                Attributes.number(header, TagFromName.RepetitionTime),
                Attributes.number(header, TagFromName.EchoTime),
                Attributes.number(header, INVERSION_TIME),
                Attributes.string(header, TagFromName.ContrastBolusAgent));
    }
}
