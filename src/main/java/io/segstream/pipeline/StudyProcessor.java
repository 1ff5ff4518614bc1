package io.segstream.pipeline;

import io.segstream.StudyFailedException;
import io.segstream.publish.ModelInfo;
import io.segstream.publish.SegmentationResult;
import io.segstream.study.AssembledStudy;
import java.util.Optional;

/**
 * Segments a study once every required sequence has arrived. Called on a processing thread,
 * never on the Kafka polling thread. A {@link StudyFailedException} is answered with a failure
 * event of its reason; a {@link io.segstream.TransientFailureException} is retried.
 */
public interface StudyProcessor {

    SegmentationResult process(AssembledStudy study) throws StudyFailedException;

    /**
     * The model whose results count as answers: a result of another model (or version) on the
     * broker does not stop a study from being segmented again. Empty when any result counts.
     */
    default Optional<ModelInfo> model() {
        return Optional.empty();
    }
}
