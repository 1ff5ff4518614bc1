package io.segstream.publish;

import java.util.concurrent.CompletionStage;

/** Where the answer for a study goes; completes once the broker has it. */
public interface StudyAnswers {

    CompletionStage<Void> result(String correlationId, SegmentationResult result);

    CompletionStage<Void> failure(String correlationId, SegmentationFailure failure);
}
