package io.segstream.study;

import static org.assertj.core.api.Assertions.assertThat;

import io.segstream.dicom.SmallStudy;
import io.segstream.testing.KafkaBrokerResource;
import io.segstream.testing.Topics;
import io.segstream.testing.WorkerProcess;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Studies whose series arrive in two halves, with the packaged worker stopped between the halves
 * or a second worker joining the consumer group: every study is still assembled whole and
 * answered exactly once, and no worker answers a study it handed over with MISSING_SEQUENCE.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class StudyAssemblyAcrossWorkersIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration QUIET_PERIOD = Duration.ofSeconds(20);
    private static final KafkaBrokerResource BROKER = new KafkaBrokerResource();

    private static Map<String, String> settings;
    private static Path root;
    private static Path logs;

    @BeforeAll
    static void startBroker() throws Exception {
        String bootstrap = BROKER.start().get("kafka.bootstrap.servers");
        root = Files.createTempDirectory("segstream-assembly-storage").toRealPath();
        logs = Path.of("target/study-assembly-it").toAbsolutePath();
        settings = Map.of(
                "kafka.bootstrap.servers", bootstrap,
                "segstream.storage.allowed-roots", root.toString(),
                "segstream.output.folder", root.resolve("output").toString(),
                "segstream.registration.mode", "patient-coordinates",
                "segstream.study.quiet-period", "PT" + QUIET_PERIOD.toSeconds() + "S",
                "segstream.study.sweep-interval", "PT1S",
                "mp.messaging.incoming.series-ready.session.timeout.ms", "6000",
                "mp.messaging.incoming.series-ready.heartbeat.interval.ms", "1000");
    }

    @AfterAll
    static void stopBroker() {
        BROKER.stop();
    }

    @Test
    void aStudyWaitingWhenItsWorkerIsKilledIsAssembledByTheNextWorker() throws Exception {
        Map<String, List<ProducerRecord<String, String>>> studies = studies(3);
        send(studies, 0, 2);
        WorkerProcess first = start("killed-while-waiting-1");
        Thread.sleep(8000);

        first.kill();
        WorkerProcess second = start("killed-while-waiting-2");
        send(studies, 2, 4);

        awaitAnswers(studies.keySet(), Duration.ofMinutes(4));
        second.terminate(Duration.ofSeconds(60));
        assertEachAnsweredOnceWithoutFailure(studies.keySet());
    }

    @Test
    void twoWorkersInOneGroupAssembleEveryStudyOnceAcrossARebalance() throws Exception {
        Map<String, List<ProducerRecord<String, String>>> studies = studies(6);
        WorkerProcess first = start("rebalance-1");
        send(studies, 0, 2);
        Thread.sleep(8000);

        WorkerProcess second = start("rebalance-2");
        Thread.sleep(8000);
        send(studies, 2, 4);

        awaitAnswers(studies.keySet(), Duration.ofMinutes(4));
        Thread.sleep(QUIET_PERIOD.plusSeconds(5).toMillis());
        first.terminate(Duration.ofSeconds(60));
        second.terminate(Duration.ofSeconds(60));
        assertEachAnsweredOnceWithoutFailure(studies.keySet());
    }

    private static Map<String, List<ProducerRecord<String, String>>> studies(int count)
            throws Exception {
        Map<String, List<ProducerRecord<String, String>>> studies = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String uid = "2.25." + new BigInteger(96, RANDOM).add(BigInteger.ONE);
            SmallStudy study = new SmallStudy(uid, 8, 32, SmallStudy.NOBODY);
            studies.put(uid, study.announcements(study.write(root.resolve(uid))));
        }
        return studies;
    }

    /** Sends series {@code from} (inclusive) to {@code to} (exclusive) of every study. */
    private static void send(Map<String, List<ProducerRecord<String, String>>> studies, int from,
            int to) throws Exception {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        studies.values().forEach(series -> records.addAll(series.subList(from, to)));
        Topics.send(records.toArray(ProducerRecord[]::new));
    }

    private static WorkerProcess start(String name) throws Exception {
        WorkerProcess worker = WorkerProcess.start(settings, logs.resolve(name + ".log"));
        worker.awaitHttpPort(Duration.ofMinutes(3));
        return worker;
    }

    private static void awaitAnswers(Iterable<String> studies, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Map<String, Integer> results = Topics.countByKey("segmentation.results");
            Map<String, Integer> failures = Topics.countByKey("segmentation.failures");
            boolean all = true;
            for (String study : studies) {
                all &= results.containsKey(study) || failures.containsKey(study);
            }
            if (all) {
                return;
            }
            assertThat(Instant.now()).as("every study answered").isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private static void assertEachAnsweredOnceWithoutFailure(Iterable<String> studies) {
        Map<String, Integer> results = Topics.countByKey("segmentation.results");
        Map<String, Integer> failures = Topics.countByKey("segmentation.failures");
        for (String study : studies) {
            System.out.printf("study assembly: %s results %d failures %d%n", study,
                    results.getOrDefault(study, 0), failures.getOrDefault(study, 0));
            assertThat(failures.getOrDefault(study, 0)).as("failures of a study").isZero();
            assertThat(results.getOrDefault(study, 0)).as("results of a study").isEqualTo(1);
        }
    }
}
