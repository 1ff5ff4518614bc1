package io.segstream.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Publishes the answer for a study as a binary-mode CloudEvent: attributes in {@code ce_}
 * headers, the JSON payload as the record value, the Study Instance UID as the record key.
 * Event ids are derived from the content (see {@link EventIds}) so that an answer published
 * twice after a redelivery can be recognised downstream.
 */
@Singleton
public class SegmentationPublisher implements StudyAnswers {

    /** CloudEvents type of result events. */
    public static final String RESULT_TYPE = "io.segstream.segmentation.result.v1";
    /** CloudEvents type of failure events. */
    public static final String FAILURE_TYPE = "io.segstream.segmentation.failure.v1";
    /** CloudEvents source of every event the worker writes. */
    public static final URI SOURCE = URI.create("segstream");

    private final Emitter<String> results;
    private final Emitter<String> failures;
    private final ObjectMapper json;

    @Inject
    public SegmentationPublisher(@Channel("segmentation-results") Emitter<String> results,
            @Channel("segmentation-failures") Emitter<String> failures, ObjectMapper json) {
        this.results = results;
        this.failures = failures;
        this.json = json;
    }

    @Override
    public CompletionStage<Void> result(String correlationId, SegmentationResult result) {
        return send(results, result.studyInstanceUid(), EventIds.result(result), RESULT_TYPE,
                result);
    }

    @Override
    public CompletionStage<Void> failure(String correlationId, SegmentationFailure failure) {
        return send(failures, failure.studyInstanceUid(), EventIds.failure(failure),
                FAILURE_TYPE, failure);
    }

    private CompletionStage<Void> send(Emitter<String> emitter, String key, String id,
            String type, Object payload) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        try {
            Metadata metadata = Metadata.of(
                    OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build(),
                    OutgoingCloudEventMetadata.builder().withId(id).withType(type)
                            .withSource(SOURCE).withDataContentType("application/json")
                            .build());
            Message<String> message = Message.of(json.writeValueAsString(payload), metadata,
                    () -> {
                        written.complete(null);
                        return CompletableFuture.completedFuture(null);
                    },
                    error -> {
                        written.completeExceptionally(error);
                        return CompletableFuture.completedFuture(null);
                    });
            emitter.send(message);
        } catch (JsonProcessingException | RuntimeException e) {
            written.completeExceptionally(e);
        }
        return written;
    }
}
