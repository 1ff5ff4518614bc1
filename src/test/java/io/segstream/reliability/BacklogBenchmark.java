package io.segstream.reliability;

import io.segstream.dicom.SmallStudy;
import io.segstream.testing.KafkaBrokerResource;
import io.segstream.testing.Topics;
import io.segstream.testing.WorkerProcess;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A backlog: STUDIES small four-sequence studies (8 slices of 32 x 32) announced at once to a
 * running broker, worked off by the packaged worker started afterwards. Prints the events, the
 * wall time until every study has its answer, the answers per study, and the worker's peak
 * resident memory (VmHWM) sampled from /proc. Run by scripts/backlog-benchmark.sh; not a test.
 *
 * <pre>BacklogBenchmark BOOTSTRAP WORK_DIR [STUDIES] [HEAP]</pre>
 */
public final class BacklogBenchmark {

    private BacklogBenchmark() {}

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        Path work = Path.of(args[1]).toAbsolutePath();
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 250;
        String heap = args.length > 3 ? args[3] : "1g";
        KafkaBrokerResource.useExternalBroker(bootstrap);
        Path root = Files.createDirectories(work.resolve("studies")).toRealPath();

        List<String> studies = new ArrayList<>();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < count; i++) {
            String uid = "2.25." + new BigInteger(96, random).add(BigInteger.ONE);
            SmallStudy study = new SmallStudy(uid, 8, 32, SmallStudy.NOBODY);
            records.addAll(study.announcements(study.write(root.resolve(uid))));
            studies.add(uid);
        }
        Topics.send(records.toArray(ProducerRecord[]::new));
        System.out.printf("backlog: %d studies, %d series-ready events on the topic%n", count,
                records.size());

        long started = System.nanoTime();
        WorkerProcess worker = WorkerProcess.start(Map.of(
                "kafka.bootstrap.servers", bootstrap,
                "segstream.storage.allowed-roots", root.toString(),
                "segstream.output.folder", work.resolve("output").toString(),
                "segstream.registration.mode", "patient-coordinates"),
                work.resolve("worker.log"), heap);
        long peak = 0;
        int answered = 0;
        while (answered < count) {
            peak = Math.max(peak, WorkerProcess.peakRssKib(worker.pid()));
            if (!worker.isAlive()) {
                throw new IllegalStateException("the worker exited; see " + work
                        .resolve("worker.log"));
            }
            Map<String, Integer> results = Topics.countByKey("segmentation.results");
            Map<String, Integer> failures = Topics.countByKey("segmentation.failures");
            answered = (int) studies.stream()
                    .filter(s -> results.containsKey(s) || failures.containsKey(s)).count();
            Thread.sleep(1000);
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        peak = Math.max(peak, WorkerProcess.peakRssKib(worker.pid()));
        int exit = worker.terminate(Duration.ofSeconds(60));

        Map<String, Integer> results = Topics.countByKey("segmentation.results");
        Map<String, Integer> failures = Topics.countByKey("segmentation.failures");
        long once = studies.stream().filter(s -> results.getOrDefault(s, 0) == 1).count();
        System.out.printf("backlog: events %d, studies %d, wall time %.1f s from worker start "
                + "(start-up included), %.2f studies/s%n", records.size(), count,
                wall.toMillis() / 1000.0, count / (wall.toMillis() / 1000.0));
        System.out.printf("backlog: results %d (%d studies with exactly one), failures %d%n",
                results.values().stream().mapToInt(Integer::intValue).sum(), once,
                failures.size());
        System.out.printf("backlog: worker heap -Xmx%s, peak RSS (VmHWM) %d MiB; SIGTERM exit "
                + "%d%n", heap, peak / 1024, exit);
    }
}
