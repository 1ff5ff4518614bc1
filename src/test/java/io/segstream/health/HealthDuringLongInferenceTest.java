package io.segstream.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.segstream.dicom.TinySeries;
import io.segstream.storage.Sha256;
import io.segstream.testing.BrokerTestProfile;
import io.segstream.testing.ScriptedStudyProcessor;
import io.segstream.testing.Topics;
import io.segstream.tools.Announcement;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Segmenting runs on the worker's own threads, never on the Kafka polling thread or the event
 * loop: while one study takes 8 s, liveness and readiness keep answering UP, quickly.
 */
@QuarkusTest
@TestProfile(BrokerTestProfile.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HealthDuringLongInferenceTest {

    private static final String STUDY = "2.25.7300001";
    private static final Duration INFERENCE = Duration.ofSeconds(8);

    @Inject ScriptedStudyProcessor processor;

    @TestHTTPResource("/q/health/live") URL live;
    @TestHTTPResource("/q/health/ready") URL ready;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void livenessAndReadinessStayUpWhileAStudyIsSegmentedForLong() throws Exception {
        processor.slowDown(STUDY, INFERENCE);
        Topics.send(announceStudy().toArray(ProducerRecord[]::new));
        awaitProcessingStarted();

        List<String> statuses = new ArrayList<>();
        long slowest = 0;
        Instant until = Instant.now().plus(INFERENCE.minusSeconds(2));
        while (Instant.now().isBefore(until)) {
            long start = System.nanoTime();
            statuses.add(get(live) + "/" + get(ready));
            slowest = Math.max(slowest, System.nanoTime() - start);
            Thread.sleep(250);
        }

        System.out.printf("health during an %s inference: %d probes, all %s, slowest %d ms%n",
                INFERENCE, statuses.size(), statuses.stream().distinct().toList(),
                TimeUnit.NANOSECONDS.toMillis(slowest));
        assertThat(statuses).hasSizeGreaterThan(10).containsOnly("200/200");
        assertThat(TimeUnit.NANOSECONDS.toMillis(slowest)).isLessThan(2000);
        Topics.await("segmentation.results", 1, r -> STUDY.equals(r.key()),
                Duration.ofSeconds(30));
    }

    private void awaitProcessingStarted() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (processor.processed(STUDY) == null) {
            assertThat(Instant.now()).as("study handed to the processor").isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private int get(URL url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.toString()))
                .timeout(Duration.ofSeconds(5)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static List<ProducerRecord<String, String>> announceStudy() throws Exception {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        int n = 0;
        for (TinySeries kind : List.of(TinySeries.T1, TinySeries.T1C, TinySeries.T2,
                TinySeries.FLAIR)) {
            String series = STUDY + "." + ++n;
            Path folder = BrokerTestProfile.STORAGE_ROOT.resolve(series);
            List<Path> files = kind.write(folder, STUDY, series, 2);
            records.add(Announcement.record("dicom.series.ready", UUID.randomUUID().toString(),
                    Announcement.data(STUDY, series, "MR", 2, folder.toUri(), Sha256.of(files)),
                    false));
        }
        return records;
    }
}
