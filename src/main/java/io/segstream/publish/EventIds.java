package io.segstream.publish;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * CloudEvent ids derived from what the event says (name-based UUIDs), so that the same answer
 * published twice, after a redelivery, carries the same id and consumers can drop the copy.
 */
public final class EventIds {

    private EventIds() {}

    /** From the study and the model that segmented it. */
    public static String result(SegmentationResult result) {
        return nameBased("segmentation.result", result.studyInstanceUid(),
                result.model().name(), result.model().version());
    }

    /** From the study, the reason and the series it was given. */
    public static String failure(SegmentationFailure failure) {
        return nameBased("segmentation.failure", failure.studyInstanceUid(),
                failure.reason().name(), String.join(",", failure.seriesInstanceUids()));
    }

    private static String nameBased(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("\n", parts).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
