package io.segstream.dicom;

import io.segstream.seg.CodedConcept;
import io.segstream.seg.SegmentDescription;
import io.segstream.seg.Segmentation;
import io.segstream.volume.Geometry;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;

/**
 * A synthetic series read back with {@link SeriesReader}, and a three-segment Segmentation on its
 * grid: a ball, a box that overlaps it, and an empty segment.
 */
final class SegmentationFixture {

    static final CodedConcept ALTERED_STRUCTURE =
            new CodedConcept("49755003", "SCT", "Morphologically Altered Structure");
    static final List<SegmentDescription> SEGMENTS = List.of(
            new SegmentDescription(1, "Necrotic core", ALTERED_STRUCTURE,
                    new CodedConcept("6574001", "SCT", "Necrosis"),
                    new int[] {21169, 47174, 38043}),
            new SegmentDescription(2, "Oedema", ALTERED_STRUCTURE,
                    new CodedConcept("79654002", "SCT", "Edema"), new int[] {45000, 30000, 50000}),
            new SegmentDescription(3, "Enhancing tumour", ALTERED_STRUCTURE,
                    new CodedConcept("108369006", "SCT", "Neoplasm"),
                    new int[] {60000, 40000, 20000}));

    final LoadedSeries source;

    private SegmentationFixture(LoadedSeries source) {
        this.source = source;
    }

    /** Writes and reads an 8-slice series of 27 x 30: frames of 810 pixels, not whole bytes. */
    static SegmentationFixture in(Path folder) throws Exception {
        return in(folder, new SyntheticSeries());
    }

    /** The same on an oblique plane whose direction cosines need all 16 characters of DS. */
    static SegmentationFixture obliqueIn(Path folder) throws Exception {
        SyntheticSeries series = new SyntheticSeries();
        double c = Math.cos(Math.toRadians(17.3));
        double s = Math.sin(Math.toRadians(17.3));
        double tilt = 0.3;
        series.orientation = new double[] {c, s, 0,
            -s * Math.cos(tilt), c * Math.cos(tilt), Math.sin(tilt)};
        series.origin = new double[] {-15.123456789, 20.987654321, -33.3333333333};
        series.sliceSpacing = 1.2345678;
        return in(folder, series);
    }

    /** The same grid written as one Enhanced MR object whose frames are stored shuffled. */
    static SegmentationFixture enhancedIn(Path folder, EnhancedMrSeries series)
            throws Exception {
        series.frames = 8;
        series.frameOrder = EnhancedMrSeries.shuffledOrder(8, 3);
        series.rows = 27;
        series.columns = 30;
        Path file = series.write(folder.resolve("enhanced.dcm"));
        return new SegmentationFixture(new SeriesReader().read(List.of(file)));
    }

    private static SegmentationFixture in(Path folder, SyntheticSeries series) throws Exception {
        series.rows = 27;
        series.columns = 30;
        return new SegmentationFixture(new SeriesReader().read(series.write(folder)));
    }

    Geometry geometry() {
        return source.volume().geometry();
    }

    List<BitSet> tumourMasks() {
        return List.of(ball(), box(), new BitSet());
    }

    List<BitSet> emptyMasks() {
        return List.of(new BitSet(), new BitSet(), new BitSet());
    }

    Segmentation segmentation(List<BitSet> masks) {
        return new Segmentation("2.25.4001", "2.25.4002", 901, "BRAIN_TUMOUR", "segstream U-Net",
                "unet-2026.12", geometry(), source.volume().sourceSopInstanceUids(), SEGMENTS,
                masks);
    }

    private BitSet ball() {
        Geometry g = geometry();
        BitSet mask = new BitSet();
        for (int s = 0; s < g.slices(); s++) {
            for (int r = 0; r < g.rows(); r++) {
                for (int c = 0; c < g.columns(); c++) {
                    double d2 = Math.pow((s - 4) * 2.5, 2) + Math.pow(r - 12, 2)
                            + Math.pow(c - 14, 2);
                    mask.set(g.index(s, r, c), d2 <= 36);
                }
            }
        }
        return mask;
    }

    private BitSet box() {
        Geometry g = geometry();
        BitSet mask = new BitSet();
        for (int s = 2; s < 6; s++) {
            for (int r = 8; r < 20; r++) {
                mask.set(g.index(s, r, 0), g.index(s, r, g.columns()));
            }
        }
        // The last voxel of the grid, so that the final frame's last bit is tested too.
        mask.set(g.voxelCount() - 1);
        return mask;
    }
}
