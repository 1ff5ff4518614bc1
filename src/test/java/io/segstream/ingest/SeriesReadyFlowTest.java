package io.segstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.segstream.FailureReason;
import io.segstream.StudyFailedException;
import io.segstream.dicom.TinySeries;
import io.segstream.publish.SegmentationPublisher;
import io.segstream.storage.Sha256;
import io.segstream.study.StudyAssembler;
import io.segstream.testing.AdjustableClock;
import io.segstream.testing.BrokerTestProfile;
import io.segstream.testing.ScriptedStudyProcessor;
import io.segstream.testing.Topics;
import io.segstream.tools.Announcement;
import io.segstream.volume.Sequence;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Series-ready events in, answers out, on a real broker, with the pipeline scripted. */
@QuarkusTest
@TestProfile(BrokerTestProfile.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SeriesReadyFlowTest {

    private static final String SERIES_READY = "dicom.series.ready";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final PayloadSchemas RESULT_SCHEMA =
            PayloadSchemas.load(PayloadSchemas.SEGMENTATION_RESULT);
    private static final PayloadSchemas FAILURE_SCHEMA =
            PayloadSchemas.load(PayloadSchemas.SEGMENTATION_FAILURE);

    @Inject ScriptedStudyProcessor processor;
    @Inject AdjustableClock clock;
    @Inject StudyAssembler assembler;

    @Test
    void publishesOneResultWhenAllFourSequencesHaveArrived() throws Exception {
        String study = newUid();

        Topics.send(announce(study, TinySeries.T1, false), announce(study, TinySeries.T1C, true),
                announce(study, TinySeries.T2, false), announce(study, TinySeries.FLAIR, true));

        ConsumerRecord<String, String> result = answer("segmentation.results", study);
        assertThat(Topics.header(result, "ce_type")).isEqualTo(SegmentationPublisher.RESULT_TYPE);
        assertThat(Topics.header(result, "ce_source")).isEqualTo("segstream");
        JsonNode payload = JSON.readTree(result.value());
        assertThat(RESULT_SCHEMA.violations(payload)).isEmpty();
        assertThat(payload.get("studyInstanceUid").asText()).isEqualTo(study);
        assertThat(processor.processed(study).series().keySet())
                .containsExactlyInAnyOrder(Sequence.values());
    }

    @Test
    void answersAStudyFailedExceptionWithATypedFailureEvent() throws Exception {
        String study = newUid();
        processor.failWith(study, new StudyFailedException(FailureReason.INCONSISTENT_GEOMETRY,
                "slice spacing varies from 5.0 to 7.5 mm"));

        Topics.send(announce(study, TinySeries.T1, false), announce(study, TinySeries.T1C, false),
                announce(study, TinySeries.T2, false), announce(study, TinySeries.FLAIR, false));

        JsonNode failure = failurePayload(study);
        assertThat(failure.get("reason").asText()).isEqualTo("INCONSISTENT_GEOMETRY");
        assertThat(failure.get("stage").asText()).isEqualTo("load");
        assertThat(failure.get("message").asText()).contains("slice spacing varies");
        assertThat(failure.get("seriesInstanceUids")).hasSize(4);
    }

    @Test
    void sendsPoisonRecordsToTheDeadLetterTopicAndKeepsConsuming() throws Exception {
        String poisonKey = newUid();
        ProducerRecord<String, String> notJson = binary(poisonKey, SeriesReadyParser.TYPE,
                "{this is not json");
        ProducerRecord<String, String> structuredNotJson =
                new ProducerRecord<>(SERIES_READY, poisonKey, "<not-json/>");
        structuredNotJson.headers().add("content-type",
                "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        ObjectNode noChecksum = data(poisonKey, newUid(), Path.of("/x"), "0".repeat(64));
        noChecksum.remove("checksum");
        ProducerRecord<String, String> schemaViolation = binary(poisonKey,
                SeriesReadyParser.TYPE, noChecksum.toString());
        ProducerRecord<String, String> unknownType = binary(poisonKey,
                "com.example.something.else", "{}");
        String study = newUid();

        Topics.send(notJson, structuredNotJson, schemaViolation, unknownType,
                announce(study, TinySeries.T1, false), announce(study, TinySeries.T1C, false),
                announce(study, TinySeries.T2, false), announce(study, TinySeries.FLAIR, false));

        List<String> reasons = Topics.await("segstream.dead-letter", 4,
                r -> poisonKey.equals(r.key()), WAIT).stream()
                .map(r -> Topics.header(r, "dead-letter-reason")).toList();
        assertThat(reasons).satisfiesExactly(
                reason -> assertThat(reason).contains("not JSON"),
                reason -> assertThat(reason).contains("not JSON"),
                reason -> assertThat(reason).contains("checksum").contains("required"),
                reason -> assertThat(reason).contains("unknown CloudEvent type"));
        assertThat(reasons).noneMatch(reason -> reason.contains("this is not json"));
        answer("segmentation.results", study);
    }

    @Test
    void refusesAFolderReachedThroughDotDotOutsideTheAllowedRoots() throws Exception {
        String study = newUid();
        String series = newUid();
        Path outside = Files.createTempDirectory("segstream-outside");
        TinySeries.T1.write(outside, study, series, 2);
        Path traversal = BrokerTestProfile.STORAGE_ROOT.resolve("..")
                .resolve(outside.getFileName());

        Topics.send(Announcement.record(SERIES_READY, UUID.randomUUID().toString(),
                data(study, series, traversal, "0".repeat(64)), false));

        assertThat(failurePayload(study).get("reason").asText())
                .isEqualTo("LOCATION_NOT_ALLOWED");
    }

    @Test
    void refusesASymbolicLinkLeadingOutsideTheAllowedRoots() throws Exception {
        String study = newUid();
        String series = newUid();
        Path outside = Files.createTempDirectory("segstream-outside");
        List<Path> files = TinySeries.T1.write(outside, study, series, 2);
        Path link = Files.createSymbolicLink(BrokerTestProfile.STORAGE_ROOT.resolve(study),
                outside);

        Topics.send(Announcement.record(SERIES_READY, UUID.randomUUID().toString(),
                data(study, series, link, Sha256.of(files)), false));

        assertThat(failurePayload(study).get("reason").asText())
                .isEqualTo("LOCATION_NOT_ALLOWED");
    }

    @Test
    void refusesASeriesWhoseChecksumDoesNotMatch() throws Exception {
        String study = newUid();
        String series = newUid();
        Path folder = BrokerTestProfile.STORAGE_ROOT.resolve(study).resolve("T1");
        TinySeries.T1.write(folder, study, series, 2);

        Topics.send(Announcement.record(SERIES_READY, UUID.randomUUID().toString(),
                data(study, series, folder, "ab".repeat(32)), false));

        JsonNode failure = failurePayload(study);
        assertThat(failure.get("reason").asText()).isEqualTo("CHECKSUM_MISMATCH");
        assertThat(failure.get("stage").asText()).isEqualTo("ingest");
    }

    @Test
    void answersAnIncompleteStudyWithMissingSequenceAfterTheQuietPeriod() throws Exception {
        String study = newUid();
        Topics.send(announce(study, TinySeries.T1, false), announce(study, TinySeries.T1C, false),
                announce(study, TinySeries.T2, false));
        awaitWaiting(study, Set.of(Sequence.T1, Sequence.T1C, Sequence.T2));

        clock.advance(Duration.ofMinutes(11));

        JsonNode failure = failurePayload(study);
        assertThat(failure.get("reason").asText()).isEqualTo("MISSING_SEQUENCE");
        assertThat(failure.get("stage").asText()).isEqualTo("assembly");
        assertThat(failure.get("message").asText()).contains("[FLAIR]");
        assertThat(processor.processed(study)).isNull();
    }

    @Test
    void commitsTheRecordsOfAStudyOnlyOnceItIsAnswered() throws Exception {
        String study = newUid();
        List<RecordMetadata> waiting = Topics.send(announce(study, TinySeries.T1, false),
                announce(study, TinySeries.T1C, false), announce(study, TinySeries.T2, false));
        awaitWaiting(study, Set.of(Sequence.T1, Sequence.T1C, Sequence.T2));
        Thread.sleep(1000);

        assertThat(Topics.committed("segstream", waiting.get(0)))
                .isLessThanOrEqualTo(waiting.get(0).offset());

        RecordMetadata last = Topics.send(announce(study, TinySeries.FLAIR, false)).get(0);
        answer("segmentation.results", study);
        Instant deadline = Instant.now().plus(WAIT);
        while (Topics.committed("segstream", last) <= last.offset()) {
            assertThat(Instant.now()).as("offset committed past the study").isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private void awaitWaiting(String study, Set<Sequence> expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!assembler.waiting(study).equals(Optional.of(expected))) {
            assertThat(Instant.now()).as("series taken in").isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private static ConsumerRecord<String, String> answer(String topic, String study) {
        return Topics.await(topic, 1, r -> study.equals(r.key()), WAIT).get(0);
    }

    private static JsonNode failurePayload(String study) throws Exception {
        ConsumerRecord<String, String> record = answer("segmentation.failures", study);
        assertThat(Topics.header(record, "ce_type"))
                .isEqualTo(SegmentationPublisher.FAILURE_TYPE);
        JsonNode payload = JSON.readTree(record.value());
        assertThat(FAILURE_SCHEMA.violations(payload)).isEmpty();
        return payload;
    }

    /** Writes a two-instance series of the study under the storage root and announces it. */
    private static ProducerRecord<String, String> announce(String study, TinySeries kind,
            boolean structured) throws Exception {
        String series = newUid();
        Path folder = BrokerTestProfile.STORAGE_ROOT.resolve(study).resolve(series);
        List<Path> files = kind.write(folder, study, series, 2);
        return Announcement.record(SERIES_READY, UUID.randomUUID().toString(),
                data(study, series, folder, Sha256.of(files)), structured);
    }

    private static ObjectNode data(String study, String series, Path folder, String sha256) {
        return Announcement.data(study, series, "MR", 2, folder.toUri(), sha256);
    }

    private static ProducerRecord<String, String> binary(String key, String type, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(SERIES_READY, key, value);
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", UUID.randomUUID().toString()
                .getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "test".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static String newUid() {
        return "2.25." + new BigInteger(96, RANDOM).add(BigInteger.ONE);
    }
}
