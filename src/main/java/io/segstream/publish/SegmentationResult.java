package io.segstream.publish;

import java.util.List;
import java.util.Map;

/**
 * Payload of a {@code segmentation.results} event; see {@code schemas/segmentation-result.json}.
 *
 * @param studyInstanceUid the study segmented
 * @param referenceSeriesInstanceUid the series whose grid the SEG is written on
 * @param sourceSeries Series Instance UID per sequence (T1, T1C, T2, FLAIR)
 * @param registration per sequence, how it was brought onto the reference grid and how well
 * @param segmentation the SEG that was stored
 * @param segments per segment: number, label, voxels, millilitres
 * @param model the model and device that produced it
 * @param timingsMs wall time per stage in milliseconds, in pipeline order, plus "total"
 */
public record SegmentationResult(
        String studyInstanceUid,
        String referenceSeriesInstanceUid,
        Map<String, String> sourceSeries,
        Map<String, RegistrationReport> registration,
        StoredSegmentation segmentation,
        List<SegmentResult> segments,
        ModelInfo model,
        Map<String, Long> timingsMs) {

    /**
     * @param sopInstanceUid SOP Instance UID of the SEG
     * @param seriesInstanceUid Series Instance UID of the SEG
     * @param location where it was stored, a {@code file:} URI
     */
    public record StoredSegmentation(String sopInstanceUid, String seriesInstanceUid,
            String location) {}

    @Override
    public String toString() {
        return "SegmentationResult[segments=" + segments + ", model=" + model + ", timingsMs="
                + timingsMs + "]";
    }
}
