package io.segstream.reliability;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The packaged worker as a separate process on a real broker, killed with SIGKILL while studies
 * are in flight and after it has published answers whose records it had not committed yet,
 * stopped with SIGTERM, and restarted each time: every study still gets exactly one result.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class CrashRecoveryIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration START = Duration.ofMinutes(3);
    private static final Duration ANSWERS = Duration.ofMinutes(5);

    private static final KafkaBrokerResource BROKER = new KafkaBrokerResource();
    private static Map<String, String> settings;
    private static Path root;
    private static Path logs;

    @BeforeAll
    static void startBroker() throws Exception {
        String bootstrap = BROKER.start().get("kafka.bootstrap.servers");
        root = Files.createTempDirectory("segstream-crash-storage").toRealPath();
        logs = Path.of("target/crash-recovery-it").toAbsolutePath();
        settings = Map.of(
                "kafka.bootstrap.servers", bootstrap,
                "segstream.storage.allowed-roots", root.toString(),
                "segstream.output.folder", root.resolve("output").toString(),
                "segstream.registration.mode", "patient-coordinates",
                // A killed member leaves the group after its session, not after the default 45 s.
                "mp.messaging.incoming.series-ready.session.timeout.ms", "6000",
                "mp.messaging.incoming.series-ready.heartbeat.interval.ms", "1000",
                "quarkus.log.category.\"io.segstream.study\".level", "DEBUG");
    }

    @AfterAll
    static void stopBroker() {
        BROKER.stop();
    }

    @Test
    void answersEveryStudyExactlyOnceThroughKillsAndRestarts() throws Exception {
        List<String> studies = new ArrayList<>();
        announce(studies, 6);

        WorkerProcess first = start(1);
        awaitResults(studies, 1);
        first.kill();
        System.out.printf("crash test: worker 1 killed (SIGKILL) with %d of %d answered%n",
                results(studies), studies.size());

        WorkerProcess second = start(2);
        awaitResults(studies, results(studies) + 1);
        announce(studies, 4);
        awaitResults(studies, results(studies) + 1);
        second.kill();
        System.out.printf("crash test: worker 2 killed (SIGKILL) with %d of %d answered%n",
                results(studies), studies.size());

        WorkerProcess third = start(3);
        awaitResults(studies, results(studies) + 1);
        int exit = third.terminate(Duration.ofSeconds(60));
        System.out.printf("crash test: worker 3 stopped (SIGTERM, exit %d) with %d of %d "
                + "answered%n", exit, results(studies), studies.size());

        WorkerProcess fourth = start(4);
        awaitResults(studies, studies.size());
        Thread.sleep(5000);
        fourth.terminate(Duration.ofSeconds(60));

        Map<String, Integer> counts = Topics.countByKey("segmentation.results");
        Map<String, Integer> failures = Topics.countByKey("segmentation.failures");
        long ignored = 0;
        for (int n = 1; n <= 4; n++) {
            ignored += Files.readString(logs.resolve("worker-" + n + ".log")).lines()
                    .filter(line -> line.contains("study already answered")).count();
        }
        System.out.println("crash test: results per study:");
        studies.forEach(study -> System.out.printf("  %s  %d%n", study,
                counts.getOrDefault(study, 0)));
        System.out.printf("crash test: %d studies, %d results, %d failures, %d redelivered "
                + "series acknowledged and ignored as already answered%n", studies.size(),
                counts.values().stream().mapToInt(Integer::intValue).sum(), failures.size(),
                ignored);

        assertThat(exit).as("exit status after SIGTERM").isIn(0, 143);
        assertThat(failures).isEmpty();
        assertThat(counts).containsOnlyKeys(studies);
        assertThat(counts.values()).allMatch(count -> count == 1);
    }

    private static WorkerProcess start(int number) throws Exception {
        WorkerProcess worker = WorkerProcess.start(settings,
                logs.resolve("worker-" + number + ".log"));
        worker.awaitHttpPort(START);
        return worker;
    }

    private static void announce(List<String> studies, int count) throws Exception {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String uid = "2.25." + new BigInteger(96, RANDOM).add(BigInteger.ONE);
            SmallStudy study = new SmallStudy(uid, 8, 32, SmallStudy.NOBODY);
            records.addAll(study.announcements(study.write(root.resolve(uid))));
            studies.add(uid);
        }
        Topics.send(records.toArray(ProducerRecord[]::new));
    }

    private static int results(List<String> studies) {
        Map<String, Integer> counts = Topics.countByKey("segmentation.results");
        return (int) studies.stream().filter(counts::containsKey).count();
    }

    private static void awaitResults(List<String> studies, int answered) throws Exception {
        Instant deadline = Instant.now().plus(ANSWERS);
        while (results(studies) < Math.min(answered, studies.size())) {
            assertThat(Instant.now()).as("%d studies answered", answered).isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
