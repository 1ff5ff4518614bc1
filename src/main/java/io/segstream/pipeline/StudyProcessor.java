package io.segstream.pipeline;

import io.segstream.StudyFailedException;
import io.segstream.publish.SegmentationResult;
import io.segstream.study.AssembledStudy;

/**
 * Segments a study once every required sequence has arrived. Called on a processing thread,
 * never on the Kafka polling thread. A {@link StudyFailedException} is answered with a failure
 * event of its reason; a {@link io.segstream.TransientFailureException} is retried.
 */
public interface StudyProcessor {

    SegmentationResult process(AssembledStudy study) throws StudyFailedException;
}
