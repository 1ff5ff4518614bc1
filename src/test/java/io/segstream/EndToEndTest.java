package io.segstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.segstream.dicom.ExternalTool;
import io.segstream.dicom.LoadedSeries;
import io.segstream.dicom.SeriesReader;
import io.segstream.ingest.PayloadSchemas;
import io.segstream.phantom.Anatomy;
import io.segstream.phantom.PhantomGenerator;
import io.segstream.phantom.SampleStudyWriter;
import io.segstream.phantom.StudyManifest;
import io.segstream.phantom.TumourOptions;
import io.segstream.postprocess.Region;
import io.segstream.storage.Sha256;
import io.segstream.testing.KafkaBrokerResource;
import io.segstream.testing.Topics;
import io.segstream.tools.Announcement;
import io.segstream.volume.Geometry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The whole path on the sample study (seed 7: the real Colin27 T1 with synthetic T1c, T2, FLAIR
 * and tumour): four series-ready events on a real broker, the shipped U-Net, a SEG checked by
 * dciodvfy, read back by pydicom, and compared with the ground truth.
 */
@QuarkusTest
@TestProfile(EndToEndTest.Profile.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class EndToEndTest {

    /** Dice each region must reach against the sample study's ground truth. */
    static final double MINIMUM_DICE = 0.90;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path STUDY = Profile.STORAGE_ROOT.resolve("sample-study");

    public static class Profile implements QuarkusTestProfile {

        static final Path STORAGE_ROOT = temporaryFolder("segstream-e2e-storage");
        static final Path OUTPUT = temporaryFolder("segstream-e2e-output");

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("segstream.storage.allowed-roots", STORAGE_ROOT.toString(),
                    "segstream.output.folder", OUTPUT.toString());
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KafkaBrokerResource.class));
        }

        static Path temporaryFolder(String prefix) {
            try {
                return Files.createTempDirectory(prefix).toRealPath();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static StudyManifest manifest;

    @BeforeAll
    static void writeSampleStudy() throws IOException {
        PhantomGenerator generator = new PhantomGenerator(Anatomy.loadColin27());
        manifest = SampleStudyWriter.write(generator.generate(7, TumourOptions.sampleStudy()),
                STUDY);
    }

    @Test
    void segmentsTheSampleStudyIntoAConformantSegThatMatchesTheGroundTruth() throws Exception {
        announceEverySeries();

        JsonNode result = awaitResult();
        Path seg = Path.of(URI.create(result.path("segmentation").path("location").asText()));
        LoadedSeries reference = new SeriesReader().read(files(STUDY.resolve("T1C")));
        JsonNode readBack = readWithPydicom(seg);

        assertThat(PayloadSchemas.load(PayloadSchemas.SEGMENTATION_RESULT).violations(result))
                .isEmpty();
        assertThat(result.path("registration").path("T1C").path("method").asText())
                .isEqualTo("SAME_GRID");
        assertThat(result.path("registration").size()).isEqualTo(4);
        assertConformant(seg);
        assertFramesReferenceTheSourceSlices(readBack, reference);
        assertThat(result.path("model").path("name").asText()).isEqualTo(expectedModelName());
        assertDiceAtLeast(MINIMUM_DICE, readBack, reference.volume().geometry());
    }

    /** The model the profile configures, as the result event must name it. */
    String expectedModelName() {
        return "segstream-unet";
    }

    private void announceEverySeries() throws Exception {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (StudyManifest.Series series : manifest.series()) {
            Path folder = STUDY.resolve(series.folder());
            List<Path> files = files(folder);
            records.add(Announcement.record("dicom.series.ready", "e2e-" + series.sequence(),
                    Announcement.data(manifest.studyInstanceUid(), series.seriesInstanceUid(),
                            "MR", files.size(), folder.toUri(), Sha256.of(files)),
                    false));
        }
        Topics.send(records.toArray(ProducerRecord[]::new));
    }

    private JsonNode awaitResult() throws IOException {
        String study = manifest.studyInstanceUid();
        List<ConsumerRecord<String, String>> answers = Topics.await("segmentation.results", 1,
                r -> study.equals(r.key()), Duration.ofMinutes(8));
        JsonNode result = JSON.readTree(answers.get(0).value());
        System.out.println("Result event: " + result.toPrettyString());
        return result;
    }

    private static void assertConformant(Path seg) throws Exception {
        assertThat(Path.of("/usr/bin/dciodvfy")).as("scripts/setup.sh installs dicom3tools")
                .isExecutable();

        ExternalTool.Result verdict = ExternalTool.dciodvfy(seg);

        System.out.println("dciodvfy " + seg.getFileName() + ":\n" + verdict.output());
        assertThat(verdict.output().lines().filter(l -> l.startsWith("Error"))).isEmpty();
        assertThat(verdict.exitCode()).isZero();
    }

    private static void assertFramesReferenceTheSourceSlices(JsonNode seg, LoadedSeries reference) {
        Geometry grid = reference.volume().geometry();
        JsonNode frames = seg.path("frames");
        assertThat(seg.path("segmentNumbers").toString()).isEqualTo("[1,2,3]");
        assertThat(seg.path("numberOfFrames").asInt()).isEqualTo(3 * grid.slices());

        for (int i = 0; i < frames.size(); i++) {
            JsonNode frame = frames.get(i);
            int slice = i % grid.slices();
            double[] expected = grid.slicePosition(slice);
            assertThat(frame.path("segment").asInt()).isEqualTo(i / grid.slices() + 1);
            assertThat(frame.path("segmentItems").asInt()).isEqualTo(1);
            assertThat(frame.path("hasPlanePosition").asBoolean()).isTrue();
            for (int axis = 0; axis < 3; axis++) {
                assertThat(frame.path("position").get(axis).asDouble())
                        .isCloseTo(expected[axis], org.assertj.core.data.Offset.offset(1e-3));
            }
            assertThat(frame.path("source").asText())
                    .isEqualTo(reference.volume().sourceSopInstanceUids().get(slice));
        }
    }

    private static void assertDiceAtLeast(double bar, JsonNode seg, Geometry grid)
            throws IOException {
        byte[] truth = SampleStudyWriter.readGroundTruth(STUDY.resolve("ground-truth.nii.gz"));
        double[] dice = new double[Region.values().length];
        for (Region region : Region.values()) {
            BitSet predicted = mask(seg, region.ordinal() + 1, grid);
            BitSet expected = new BitSet(truth.length);
            for (int v = 0; v < truth.length; v++) {
                expected.set(v, region.contains(truth[v]));
            }
            dice[region.ordinal()] = dice(expected, predicted);
            System.out.printf("Dice %-16s %.4f (truth %d voxels, SEG %d voxels)%n",
                    region.label(), dice[region.ordinal()], expected.cardinality(),
                    predicted.cardinality());
        }

        for (Region region : Region.values()) {
            assertThat(dice[region.ordinal()]).as(region.label()).isGreaterThanOrEqualTo(bar);
        }
    }

    private static BitSet mask(JsonNode seg, int segmentNumber, Geometry grid) {
        BitSet mask = new BitSet(grid.voxelCount());
        JsonNode frames = seg.path("frames");
        for (int i = 0; i < frames.size(); i++) {
            if (frames.get(i).path("segment").asInt() != segmentNumber) {
                continue;
            }
            int offset = (i % grid.slices()) * grid.sliceSize();
            frames.get(i).path("set").forEach(index -> mask.set(offset + index.asInt()));
        }
        return mask;
    }

    private static double dice(BitSet expected, BitSet predicted) {
        BitSet overlap = (BitSet) expected.clone();
        overlap.and(predicted);
        int sum = expected.cardinality() + predicted.cardinality();
        return sum == 0 ? 1.0 : 2.0 * overlap.cardinality() / sum;
    }

    private static JsonNode readWithPydicom(Path seg) throws Exception {
        Path script = Path.of("src/test/resources/dicom/seg_summary.py").toAbsolutePath();
        ExternalTool.Result summary = ExternalTool.pydicom(script, seg.toString());
        assertThat(summary.exitCode()).as(summary.output()).isZero();
        return JSON.readTree(summary.output());
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
