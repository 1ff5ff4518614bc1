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
    private static final AttributeTag EFFECTIVE_ECHO_TIME = Attributes.tag("EffectiveEchoTime");
    private static final AttributeTag INVERSION_TIMES = Attributes.tag("InversionTimes");

    private SeriesAttributesReader() {}

    /**
     * Enhanced MR keeps Repetition Time, Echo Time and Inversion Time in functional groups
     * (MR Timing and Related Parameters, MR Echo, MR Modifier); those of the shared groups, else
     * of the first frame, stand for the series when the top level has none.
     */
    // TODO(#4): Enhanced MR's Contrast/Bolus Agent Sequence and pulse sequence attributes.
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
                number(header, TagFromName.RepetitionTime,
                        TagFromName.MRTimingAndRelatedParametersSequence,
                        TagFromName.RepetitionTime),
                number(header, TagFromName.EchoTime, TagFromName.MREchoSequence,
                        EFFECTIVE_ECHO_TIME),
                number(header, INVERSION_TIME, TagFromName.MRModifierSequence, INVERSION_TIMES),
                Attributes.string(header, TagFromName.ContrastBolusAgent));
    }

    private static Double number(AttributeList header, AttributeTag topLevel,
            AttributeTag macro, AttributeTag inMacro) {
        Double value = Attributes.number(header, topLevel);
        return value != null
                ? value : Attributes.number(MultiFrameHeaders.firstFrame(header, macro), inMacro);
    }
}
