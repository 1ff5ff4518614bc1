package io.segstream.dicom;

import java.util.List;

/**
 * The attributes of one series that identify its MR sequence, read from its first image.
 * Absent values are {@code null} (numbers) or empty (strings and lists).
 *
 * @param studyInstanceUid Study Instance UID
 * @param seriesInstanceUid Series Instance UID
 * @param sopClassUid SOP Class UID of the instance read
 * @param modality Modality
 * @param seriesDescription Series Description
 * @param imageType Image Type values
 * @param scanningSequence Scanning Sequence values (SE, GR, IR, EP, RM)
 * @param sequenceVariant Sequence Variant values (SK, MTC, SS, TRSS, SP, MP, OSP, NONE)
 * @param scanOptions Scan Options values
 * @param repetitionTime Repetition Time in ms
 * @param echoTime Echo Time in ms
 * @param inversionTime Inversion Time in ms
 * @param contrastBolusAgent Contrast/Bolus Agent
 */
public record SeriesAttributes(
        String studyInstanceUid,
        String seriesInstanceUid,
        String sopClassUid,
        String modality,
        String seriesDescription,
        List<String> imageType,
        List<String> scanningSequence,
        List<String> sequenceVariant,
        List<String> scanOptions,
        Double repetitionTime,
        Double echoTime,
        Double inversionTime,
        String contrastBolusAgent) {

    public SeriesAttributes {
        imageType = List.copyOf(imageType);
        scanningSequence = List.copyOf(scanningSequence);
        sequenceVariant = List.copyOf(sequenceVariant);
        scanOptions = List.copyOf(scanOptions);
    }

    /** Omits UIDs, which are sensitive, so that the record may appear in debug logs. */
    @Override
    public String toString() {
        return "SeriesAttributes[description=" + seriesDescription + ", modality=" + modality
                + ", scanningSequence=" + scanningSequence + ", sequenceVariant=" + sequenceVariant
                + ", scanOptions=" + scanOptions + ", TR=" + repetitionTime + ", TE=" + echoTime
                + ", TI=" + inversionTime + ", contrast=" + (contrastBolusAgent.isEmpty() ? "none"
                : "present") + "]";
    }
}
