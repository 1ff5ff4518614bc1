package io.segstream.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.segstream.dicom.TinySeries;
import io.segstream.storage.Sha256;
import io.segstream.testing.BrokerTestProfile;
import io.segstream.testing.KafkaBrokerResource;
import io.segstream.testing.Topics;
import io.segstream.tools.Announcement;
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
 * The broker goes away under a running worker and comes back: readiness goes down while it is
 * unreachable and up again after, and a study announced after the restart gets one result.
 */
@QuarkusTest
@TestProfile(BrokerTestProfile.class)
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class BrokerRestartTest {

    private static final String STUDY = "2.25.7400001";

    @TestHTTPResource("/q/health/ready") URL ready;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void survivesABrokerRestartAndAnswersAStudyAnnouncedAfterIt() throws Exception {
        awaitReadiness(200, Duration.ofSeconds(60));

        KafkaBrokerResource.shutDownBroker();
        Instant down = Instant.now();
        awaitReadiness(503, Duration.ofSeconds(180));
        System.out.printf("broker restart: readiness down %d s after the broker stopped%n",
                Duration.between(down, Instant.now()).toSeconds());
        KafkaBrokerResource.startBrokerAgain();
        Instant up = Instant.now();
        awaitReadiness(200, Duration.ofSeconds(120));
        System.out.printf("broker restart: readiness up %d s after the broker restarted%n",
                Duration.between(up, Instant.now()).toSeconds());

        Topics.send(announceStudy().toArray(ProducerRecord[]::new));

        Topics.await("segmentation.results", 1, r -> STUDY.equals(r.key()),
                Duration.ofSeconds(90));
        Thread.sleep(3000);
        assertThat(Topics.countByKey("segmentation.results")).containsEntry(STUDY, 1);
    }

    private void awaitReadiness(int status, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (status(ready) != status) {
            assertThat(Instant.now()).as("readiness %d", status).isBefore(deadline);
            Thread.sleep(500);
        }
    }

    /**
     * The status of one probe. The Kafka health check waits for the admin client's API timeout
     * (60 s by default) before it reports an unreachable broker as down.
     */
    private int status(URL url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.toString()))
                .timeout(Duration.ofSeconds(90)).build();
        long start = System.nanoTime();
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        System.out.printf("broker restart: readiness %d in %d ms%n", status,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        return status;
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
