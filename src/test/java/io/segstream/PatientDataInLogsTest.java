package io.segstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.segstream.dicom.SmallStudy;
import io.segstream.testing.KafkaBrokerResource;
import io.segstream.testing.Topics;
import io.segstream.volume.Sequence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs studies of a made-up patient through the real pipeline and model, on the success path
 * and on failures at every stage that reads the files, with every segstream logger at ALL, and
 * checks that no log line (of any category, stack traces included) names the patient.
 */
@QuarkusTest
@TestProfile(PatientDataInLogsTest.Profile.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PatientDataInLogsTest {

    static final SmallStudy.Patient PATIENT =
            new SmallStudy.Patient("ZZTESTNAME^LOGSCAN", "LOGSCAN-4711", "19510203");
    /** The identity as it could appear in a log, in any case. */
    static final List<String> FORBIDDEN = List.of("zztestname", "logscan", "19510203",
            "1951-02-03", "03.02.1951", "02/03/1951", "03/02/1951", "1951/02/03");

    public static class Profile implements QuarkusTestProfile {

        static final Path STORAGE_ROOT = temporaryFolder("segstream-privacy-storage");
        static final Path LOG = temporaryFolder("segstream-privacy-log").resolve("worker.log");

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("segstream.storage.allowed-roots", STORAGE_ROOT.toString()),
                    Map.entry("segstream.output.folder", STORAGE_ROOT.resolve("out").toString()),
                    Map.entry("segstream.study.quiet-period", "PT2S"),
                    Map.entry("segstream.study.sweep-interval", "PT0.5S"),
                    Map.entry("quarkus.log.min-level", "TRACE"),
                    Map.entry("quarkus.log.category.\"io.segstream\".min-level", "TRACE"),
                    Map.entry("quarkus.log.category.\"io.segstream\".level", "ALL"),
                    Map.entry("quarkus.log.file.enabled", "true"),
                    Map.entry("quarkus.log.file.path", LOG.toString()),
                    Map.entry("quarkus.log.file.level", "ALL"),
                    Map.entry("quarkus.log.console.level", "INFO"));
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KafkaBrokerResource.class));
        }

        private static Path temporaryFolder(String prefix) {
            try {
                return Files.createTempDirectory(prefix).toRealPath();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void noLogLineNamesThePatientOnTheSuccessOrFailurePaths() throws Exception {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        records.addAll(segmentable("2.25.9100001"));
        records.addAll(withWrongChecksum("2.25.9100002"));
        records.addAll(missingFlair("2.25.9100003"));
        records.addAll(withATruncatedSlice("2.25.9100004"));
        records.addAll(withASliceOfAnotherMatrix("2.25.9100005"));

        Topics.send(records.toArray(ProducerRecord[]::new));

        Topics.await("segmentation.results", 1, r -> r.key().equals("2.25.9100001"),
                Duration.ofMinutes(3));
        Topics.await("segmentation.failures", 4, r -> r.key().startsWith("2.25.91000"),
                Duration.ofMinutes(3));
        List<String> lines = Files.readAllLines(Profile.LOG);
        System.out.printf("log scan: %d lines, %d from io.segstream, at levels %s%n",
                lines.size(), lines.stream().filter(l -> l.contains("[io.seg")).count(),
                levels(lines));
        assertThat(lines).as("the worker's log").isNotEmpty();
        assertThat(lines.stream().filter(l -> l.contains("DEBUG") || l.contains("TRACE")))
                .as("debug lines of io.segstream were captured").isNotEmpty();
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            assertThat(FORBIDDEN).as("log line: %s", line).noneMatch(lower::contains);
        }
    }

    private static List<String> levels(List<String> lines) {
        return List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR").stream()
                .filter(level -> lines.stream().anyMatch(l -> l.contains(" " + level + " ")))
                .toList();
    }

    private static List<ProducerRecord<String, String>> segmentable(String uid)
            throws IOException {
        SmallStudy study = new SmallStudy(uid, 8, 32, PATIENT);
        return study.announcements(study.write(Profile.STORAGE_ROOT.resolve(uid)));
    }

    private static List<ProducerRecord<String, String>> withWrongChecksum(String uid)
            throws IOException {
        SmallStudy study = new SmallStudy(uid, 8, 32, PATIENT);
        Map<Sequence, Path> series = study.write(Profile.STORAGE_ROOT.resolve(uid));
        List<ProducerRecord<String, String>> records = study.announcements(series);
        Files.writeString(series.get(Sequence.T2).resolve("IM000.dcm"), "changed",
                StandardOpenOption.APPEND);
        return records;
    }

    private static List<ProducerRecord<String, String>> missingFlair(String uid)
            throws IOException {
        SmallStudy study = new SmallStudy(uid, 8, 32, PATIENT);
        Map<Sequence, Path> series = study.write(Profile.STORAGE_ROOT.resolve(uid));
        series.remove(Sequence.FLAIR);
        return study.announcements(series);
    }

    private static List<ProducerRecord<String, String>> withATruncatedSlice(String uid)
            throws IOException {
        SmallStudy study = new SmallStudy(uid, 8, 32, PATIENT);
        Map<Sequence, Path> series = study.write(Profile.STORAGE_ROOT.resolve(uid));
        Path last = series.get(Sequence.FLAIR).resolve("IM007.dcm");
        byte[] bytes = Files.readAllBytes(last);
        Files.write(last, java.util.Arrays.copyOf(bytes, bytes.length - 700));
        return study.announcements(series);
    }

    private static List<ProducerRecord<String, String>> withASliceOfAnotherMatrix(String uid)
            throws IOException {
        SmallStudy study = new SmallStudy(uid, 8, 32, PATIENT);
        Map<Sequence, Path> series = study.write(Profile.STORAGE_ROOT.resolve(uid));
        Path other = Files.createTempDirectory("segstream-privacy-other");
        new SmallStudy(uid, 8, 48, PATIENT).write(other);
        Files.copy(other.resolve("T2").resolve("IM003.dcm"),
                series.get(Sequence.T2).resolve("IM003.dcm"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return study.announcements(series);
    }
}
