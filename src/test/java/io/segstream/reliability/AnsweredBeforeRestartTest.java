package io.segstream.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.segstream.dicom.TinySeries;
import io.segstream.storage.Sha256;
import io.segstream.testing.AdjustableClock;
import io.segstream.testing.KafkaBrokerResource;
import io.segstream.testing.ScriptedStudyProcessor;
import io.segstream.testing.Topics;
import io.segstream.tools.Announcement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A worker that starts on a broker holding answers from before a crash: records of studies
 * already answered are redelivered to it (nothing was committed) and must not be answered again,
 * while a study answered only by another model version is segmented anew.
 */
@QuarkusTest
@TestProfile(AnsweredBeforeRestartTest.Profile.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class AnsweredBeforeRestartTest {

    static final String ANSWERED = "2.25.5200001";
    static final String FAILED = "2.25.5200002";
    static final String OTHER_MODEL = "2.25.5200003";

    /** The scripted pipeline, plus answers and uncommitted announcements already on the broker. */
    public static class Profile implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("segstream.storage.allowed-roots", Earlier.ROOT.toString(),
                    "mp.messaging.incoming.series-ready.auto.commit.interval.ms", "200",
                    "quarkus.arc.exclude-types",
                    "io.segstream.inference.**,io.segstream.pipeline.SegmentationPipeline");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(ScriptedStudyProcessor.class, AdjustableClock.class);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Earlier.class));
        }
    }

    /** The test broker, filled before the worker starts as a crashed worker would leave it. */
    public static class Earlier extends KafkaBrokerResource {

        static final Path ROOT = temporaryRoot();

        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            try {
                List<ProducerRecord<String, String>> records = new ArrayList<>();
                records.add(answer("segmentation.results", ANSWERED, "scripted", "1.0.0"));
                records.add(answer("segmentation.failures", FAILED, null, null));
                records.add(answer("segmentation.results", OTHER_MODEL, "scripted", "0.9.0"));
                for (String study : List.of(ANSWERED, FAILED, OTHER_MODEL)) {
                    records.addAll(announcements(study));
                }
                Topics.send(records.toArray(ProducerRecord[]::new));
            } catch (Exception e) {
                throw new IllegalStateException("cannot fill the test broker", e);
            }
            return config;
        }

        private static ProducerRecord<String, String> answer(String topic, String study,
                String model, String version) {
            String value = model == null
                    ? "{\"studyInstanceUid\":\"" + study + "\",\"reason\":\"MISSING_SEQUENCE\"}"
                    : "{\"studyInstanceUid\":\"" + study + "\",\"model\":{\"name\":\"" + model
                            + "\",\"version\":\"" + version + "\"}}";
            return new ProducerRecord<>(topic, study, value);
        }

        private static List<ProducerRecord<String, String>> announcements(String study)
                throws Exception {
            List<ProducerRecord<String, String>> records = new ArrayList<>();
            int n = 0;
            for (TinySeries kind : List.of(TinySeries.T1, TinySeries.T1C, TinySeries.T2,
                    TinySeries.FLAIR)) {
                String series = study + "." + ++n;
                Path folder = ROOT.resolve(series);
                List<Path> files = kind.write(folder, study, series, 2);
                records.add(Announcement.record("dicom.series.ready",
                        UUID.randomUUID().toString(), Announcement.data(study, series, "MR", 2,
                                folder.toUri(), Sha256.of(files)), false));
            }
            return records;
        }

        private static Path temporaryRoot() {
            try {
                return Files.createTempDirectory("segstream-restart").toRealPath();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void acknowledgesRedeliveredSeriesOfAnsweredStudiesWithoutAnsweringThemAgain()
            throws Exception {
        awaitEverySeriesCommitted();

        Map<String, Integer> results = Topics.countByKey("segmentation.results");
        Map<String, Integer> failures = Topics.countByKey("segmentation.failures");
        assertThat(results).containsEntry(ANSWERED, 1).containsEntry(OTHER_MODEL, 2)
                .doesNotContainKey(FAILED);
        assertThat(failures).containsEntry(FAILED, 1).hasSize(1);
    }

    private static void awaitEverySeriesCommitted() throws Exception {
        Map<String, Object> properties = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaBrokerResource.bootstrapServers());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        try (Admin admin = Admin.create(properties)) {
            Map<TopicPartition, OffsetSpec> latest = Map.of(
                    new TopicPartition("dicom.series.ready", 0), OffsetSpec.latest(),
                    new TopicPartition("dicom.series.ready", 1), OffsetSpec.latest());
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets("segstream").partitionsToOffsetAndMetadata()
                        .get();
                boolean done = true;
                for (TopicPartition partition : latest.keySet()) {
                    long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).all()
                            .get().get(partition).offset();
                    OffsetAndMetadata offset = committed.get(partition);
                    done &= end == 0 || (offset != null && offset.offset() >= end);
                }
                if (done) {
                    return;
                }
                assertThat(Instant.now()).as("every series committed").isBefore(deadline);
                Thread.sleep(200);
            }
        }
    }
}
