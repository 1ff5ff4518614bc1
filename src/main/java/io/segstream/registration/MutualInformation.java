package io.segstream.registration;

import io.segstream.volume.Geometry;
import io.segstream.volume.Volume;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Mutual information between a fixed volume and a moving volume seen through a rigid transform,
 * estimated from a joint histogram over a seeded random subset of the fixed head.
 *
 * <p>Two choices keep the measure smooth enough for line searches. Each moving intensity is
 * shared linearly between its two nearest bins (a first-order Parzen window, in the spirit of
 * Mattes et al. 2003), so the histogram changes continuously with the transform. And the fixed
 * samples are jittered off the voxel centres, because samples that all land on the moving grid's
 * nodes at once make the measure jump at whole-voxel shifts.
 */
final class MutualInformation {

    /** Below this many samples the histogram is too noisy to steer by; take more of the head. */
    static final int MIN_SAMPLES = 2000;

    /**
     * Intensities above this quantile share the top bin, so a few bright voxels cannot squeeze
     * the rest of the head into a handful of bins.
     */
    static final double ROBUST_QUANTILE = 0.995;

    /** Mutual information (nats) and Studholme's normalised form, (H(F) + H(M)) / H(F, M). */
    record Value(double mutualInformation, double normalised) {}

    private final double[] positions;
    private final int[] fixedBins;
    private final Volume moving;
    private final int bins;
    private final double movingBinsPerUnit;

    private MutualInformation(double[] positions, int[] fixedBins, Volume moving, int bins) {
        this.positions = positions;
        this.fixedBins = fixedBins;
        this.moving = moving;
        this.bins = bins;
        this.movingBinsPerUnit = (bins - 1) / robustMaximum(moving.voxels(), 0);
    }

    /**
     * Samples about {@code fraction} of the head voxels of {@code fixed}, at least
     * {@link #MIN_SAMPLES} where the head has them, the same ones for the same {@code seed}.
     */
    static MutualInformation sampled(
            Volume fixed, Volume moving, int bins, double fraction, long seed) {
        Samples samples = Samples.draw(fixed, fraction, seed);
        double binsPerUnit = bins / robustMaximum(samples.values, 0);
        int[] fixedBins = new int[samples.values.length];
        for (int i = 0; i < fixedBins.length; i++) {
            fixedBins[i] = (int) Math.min(bins - 1, Math.max(0, samples.values[i] * binsPerUnit));
        }
        return new MutualInformation(samples.positions, fixedBins, moving, bins);
    }

    int sampleCount() {
        return fixedBins.length;
    }

    Value at(RigidTransform fixedToMoving) {
        double[] joint = jointHistogram(fixedToMoving);
        double[] fixedMarginal = new double[bins];
        double[] movingMarginal = new double[bins];
        for (int f = 0; f < bins; f++) {
            for (int m = 0; m < bins; m++) {
                fixedMarginal[f] += joint[f * bins + m];
                movingMarginal[m] += joint[f * bins + m];
            }
        }
        double total = fixedBins.length;
        double fixedEntropy = entropy(fixedMarginal, total);
        double movingEntropy = entropy(movingMarginal, total);
        double jointEntropy = entropy(joint, total);
        return new Value(fixedEntropy + movingEntropy - jointEntropy,
                (fixedEntropy + movingEntropy) / jointEntropy);
    }

    private double[] jointHistogram(RigidTransform fixedToMoving) {
        Geometry g = moving.geometry();
        float[] voxels = moving.voxels();
        IndexMapping mapping = IndexMapping.patientToIndex(fixedToMoving, g);
        double[] joint = new double[bins * bins];
        double[] idx = new double[3];
        for (int i = 0; i < fixedBins.length; i++) {
            mapping.map(positions[3 * i], positions[3 * i + 1], positions[3 * i + 2], idx);
            double value = GridResampler.trilinear(voxels, g, idx[0], idx[1], idx[2]);
            double bin = Math.min(bins - 1, Math.max(0, value * movingBinsPerUnit));
            int lower = Math.min((int) bin, bins - 2);
            double upperShare = bin - lower;
            int row = fixedBins[i] * bins;
            joint[row + lower] += 1 - upperShare;
            joint[row + lower + 1] += upperShare;
        }
        return joint;
    }

    private static double entropy(double[] counts, double total) {
        double entropy = 0;
        for (double count : counts) {
            if (count > 0) {
                double p = count / total;
                entropy -= p * Math.log(p);
            }
        }
        return entropy;
    }

    /** The {@link #ROBUST_QUANTILE} of the values above {@code floor}, from a strided subset. */
    static double robustMaximum(float[] values, double floor) {
        int stride = Math.max(1, values.length / 200_000);
        float[] kept = new float[values.length / stride + 1];
        int n = 0;
        for (int i = 0; i < values.length; i += stride) {
            if (values[i] > floor) {
                kept[n++] = values[i];
            }
        }
        if (n == 0) {
            return 1;
        }
        Arrays.sort(kept, 0, n);
        return Math.max(kept[(int) (ROBUST_QUANTILE * (n - 1))], Float.MIN_NORMAL);
    }

    /** Jittered sample positions (patient mm, x y z triples) and the fixed values there. */
    private record Samples(double[] positions, float[] values) {

        static Samples draw(Volume fixed, double fraction, long seed) {
            Geometry g = fixed.geometry();
            float[] voxels = fixed.voxels();
            double threshold = HeadExtent.threshold(voxels);
            int[] head = IntStream.range(0, voxels.length)
                    .filter(v -> voxels[v] > threshold).toArray();
            double chance = Math.min(1, Math.max(fraction, (double) MIN_SAMPLES / head.length));
            SplittableRandom random = new SplittableRandom(seed);
            int[] chosen = IntStream.of(head).filter(v -> random.nextDouble() < chance).toArray();
            double[] positions = new double[3 * chosen.length];
            float[] values = new float[chosen.length];
            for (int i = 0; i < chosen.length; i++) {
                double s = chosen[i] / g.sliceSize() + random.nextDouble() - 0.5;
                double r = chosen[i] / g.columns() % g.rows() + random.nextDouble() - 0.5;
                double c = chosen[i] % g.columns() + random.nextDouble() - 0.5;
                System.arraycopy(g.patientPosition(s, r, c), 0, positions, 3 * i, 3);
                values[i] = GridResampler.trilinear(voxels, g, s, r, c);
            }
            return new Samples(positions, values);
        }
    }
}
