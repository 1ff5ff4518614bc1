package io.segstream.publish;

import io.segstream.FailureReason;
import java.util.List;

/**
 * Payload of a {@code segmentation.failures} event; see
 * {@code schemas/segmentation-failure.json}.
 *
 * @param studyInstanceUid the study that could not be segmented
 * @param seriesInstanceUids the series received for it
 * @param reason machine-readable cause
 * @param message what was wrong, the offending value and what to do; no patient identity
 * @param stage the pipeline stage that failed, e.g. "load" or "inference"
 */
public record SegmentationFailure(
        String studyInstanceUid,
        List<String> seriesInstanceUids,
        FailureReason reason,
        String message,
        String stage) {

    @Override
    public String toString() {
        return "SegmentationFailure[reason=" + reason + ", stage=" + stage + ", message=" + message
                + "]";
    }
}
