package io.segstream.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import io.segstream.phantom.Anatomy;
import io.segstream.phantom.Grid;
import io.segstream.phantom.PhantomGenerator;
import io.segstream.phantom.PhantomStudy;
import io.segstream.phantom.SampleStudyWriter;
import io.segstream.phantom.Sequence;
import io.segstream.phantom.StudyManifest;
import io.segstream.phantom.TumourOptions;
import io.segstream.seg.Segmentation;
import io.segstream.volume.Geometry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample study of segstream-phantom (real Colin27 T1 anatomy; T1c, T2, FLAIR and the tumour
 * synthetic): four 181-slice series read into volumes, and a Segmentation of its ground truth.
 */
class PhantomStudyTest {

    /** BraTS label values of the ground truth, in segment order. */
    private static final byte[] LABELS = {1, 2, 4};

    @TempDir
    static Path folder;

    private static PhantomStudy study;
    private static StudyManifest manifest;
    private static final Map<Sequence, LoadedSeries> LOADED = new EnumMap<>(Sequence.class);

    @BeforeAll
    static void writeAndReadTheSampleStudy() throws Exception {
        assumeTrue(Files.exists(Anatomy.COLIN27_HEAD), "Debian mricron-data is not installed");
        study = new PhantomGenerator(Anatomy.loadColin27()).generate(7,
                TumourOptions.sampleStudy());
        manifest = SampleStudyWriter.write(study, folder);
        for (StudyManifest.Series series : manifest.series()) {
            try (Stream<Path> files = Files.list(folder.resolve(series.folder()))) {
                LOADED.put(series.sequence(), new SeriesReader().read(files.toList()));
            }
        }
    }

    @Test
    void readsEverySeriesOntoThePhantomGrid() {
        for (StudyManifest.Series series : manifest.series()) {
            Geometry geometry = LOADED.get(series.sequence()).volume().geometry();

            assertThat(geometry.slices()).isEqualTo(series.instanceCount());
            assertThat(geometry.rows()).isEqualTo(study.grid().rows());
            assertThat(geometry.columns()).isEqualTo(study.grid().columns());
            assertThat(geometry.sliceSpacing()).isCloseTo(study.grid().sliceSpacing(),
                    within(1e-4));
            assertThat(geometry.origin()).containsExactly(study.grid().origin(), within(1e-3));
            assertThat(geometry.frameOfReferenceUid()).isEqualTo(manifest.frameOfReferenceUid());
        }
    }

    @Test
    void tellsTheContrastEnhancedSeriesByItsAttributes() {
        SeriesAttributes t1 = LOADED.get(Sequence.T1).attributes();
        SeriesAttributes t1c = LOADED.get(Sequence.T1C).attributes();

        assertThat(t1.contrastBolusAgent()).isEmpty();
        assertThat(t1c.contrastBolusAgent()).isNotEmpty();
    }

    @Test
    void encodesTheGroundTruthAsASegmentationThatDciodvfyAccepts() throws Exception {
        LoadedSeries t1 = LOADED.get(Sequence.T1);
        Segmentation segmentation = groundTruthOn(t1);
        Path file = folder.resolve("ground-truth-seg.dcm");

        new SegmentationWriter("segstream worker", "test", Clock.systemUTC())
                .write(segmentation, t1.header(), file);

        ExternalTool.Result result = ExternalTool.dciodvfy(file);
        System.out.println("dciodvfy (phantom ground truth):\n" + result.output());
        assertThat(result.output().lines().filter(l -> l.startsWith("Error"))).isEmpty();
        AttributeList seg = new AttributeList();
        seg.read(file.toFile());
        int slices = t1.volume().geometry().slices();
        assertThat(Attributes.integer(seg, TagFromName.NumberOfFrames, 0)).isEqualTo(3 * slices);
        assertThat(setBits(seg.getPixelData().getByteValues())).isEqualTo(
                manifest.labelVoxelCounts().values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void readsTheT1WrittenAsOneShuffledEnhancedMrObjectOntoThePhantomGrid() throws Exception {
        float[] t1 = study.image(Sequence.T1);
        EnhancedMrSeries enhanced = enhancedMrOf(t1);
        Path file = enhanced.write(folder.resolve("t1-enhanced.dcm"));

        LoadedSeries loaded = new SeriesReader().read(List.of(file));

        double error = HeaderPositions.maxErrorMm(loaded, HeaderPositions.read(List.of(file)));
        System.out.printf("phantom T1 as Enhanced MR: max slice position error %.3g mm%n", error);
        assertThat(error).isLessThan(0.01);
        assertThat(loaded.volume().geometry().origin())
                .containsExactly(study.grid().origin(), within(1e-3));
        double slope = enhanced.rescaleSlope.applyAsDouble(0);
        float[] voxels = loaded.volume().voxels();
        double largest = 0;
        for (int i = 0; i < t1.length; i++) {
            largest = Math.max(largest, Math.abs(voxels[i] - t1[i]));
        }
        assertThat(largest).isLessThanOrEqualTo(slope / 2 + 1e-3);
    }

    /** The phantom's T1 in one Enhanced MR object on its grid, frames stored shuffled. */
    private static EnhancedMrSeries enhancedMrOf(float[] image) {
        Grid grid = study.grid();
        double[] origin = grid.origin();
        double[] row = direction(origin, grid.patientPosition(0, 0, 1));
        double[] column = direction(origin, grid.patientPosition(0, 1, 0));
        double minimum = Double.MAX_VALUE;
        double maximum = -Double.MAX_VALUE;
        for (float v : image) {
            minimum = Math.min(minimum, v);
            maximum = Math.max(maximum, v);
        }
        double intercept = minimum;
        double slope = Math.max(maximum - minimum, 1) / 60000;

        EnhancedMrSeries series = new EnhancedMrSeries();
        series.frames = grid.slices();
        series.rows = grid.rows();
        series.columns = grid.columns();
        series.origin = origin;
        series.orientation = new double[] {row[0], row[1], row[2], column[0], column[1],
            column[2]};
        series.pixelSpacing = new double[] {grid.rowSpacing(), grid.columnSpacing()};
        series.sliceSpacing = grid.sliceSpacing();
        series.sliceThickness = grid.sliceSpacing();
        series.frameOrder = EnhancedMrSeries.shuffledOrder(grid.slices(), 27);
        series.rescaleSlope = slice -> slope;
        series.rescaleIntercept = slice -> intercept;
        series.stored = (slice, r, c) ->
                (int) Math.round((image[grid.index(slice, r, c)] - intercept) / slope);
        return series;
    }

    private static double[] direction(double[] from, double[] to) {
        double[] d = {to[0] - from[0], to[1] - from[1], to[2] - from[2]};
        double length = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
        return new double[] {d[0] / length, d[1] / length, d[2] / length};
    }

    private static Segmentation groundTruthOn(LoadedSeries series) {
        byte[] labels = study.labels();
        List<BitSet> masks = new ArrayList<>();
        for (byte label : LABELS) {
            BitSet mask = new BitSet(labels.length);
            for (int i = 0; i < labels.length; i++) {
                mask.set(i, labels[i] == label);
            }
            masks.add(mask);
        }
        return new Segmentation("2.25.5001", "2.25.5002", 901, "BRAIN_TUMOUR", "ground truth",
                "phantom-seed-7", series.volume().geometry(),
                series.volume().sourceSopInstanceUids(), SegmentationFixture.SEGMENTS, masks);
    }

    private static long setBits(byte[] bytes) {
        long count = 0;
        for (byte b : bytes) {
            count += Integer.bitCount(b & 0xFF);
        }
        return count;
    }
}
