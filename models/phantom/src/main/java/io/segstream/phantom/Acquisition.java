package io.segstream.phantom;

import java.util.Random;
import java.util.SplittableRandom;

/**
 * What the scanner adds: a smooth multiplicative bias field and Rician noise, inside the head
 * only, then rounding to stored 12-bit values. Air stays exactly 0; head voxels are at least 1,
 * so that "non-zero" and "head" are the same mask.
 */
final class Acquisition {

    static final int MAX_STORED_VALUE = 4095;

    /** Bias field: each axis contributes a quadratic with coefficients up to this size. */
    private static final double BIAS_AMPLITUDE = 0.025;

    /**
     * Standard normal samples drawn once with a fixed seed; per-voxel noise indexes into them,
     * which is several times faster than drawing Gaussians and just as good for a phantom.
     */
    private static final float[] GAUSSIAN = gaussianTable(1 << 16);

    private Acquisition() {
    }

    static void apply(Grid grid, boolean[] head, float[] image, double sigma,
            SplittableRandom random) {
        double[][] bias = {axisBias(grid.columns(), random), axisBias(grid.rows(), random),
            axisBias(grid.slices(), random)};
        int mask = GAUSSIAN.length - 1;
        for (int s = 0, i = 0; s < grid.slices(); s++) {
            for (int r = 0; r < grid.rows(); r++) {
                double slab = bias[2][s] * bias[1][r];
                for (int c = 0; c < grid.columns(); c++, i++) {
                    if (!head[i]) {
                        image[i] = 0;
                        continue;
                    }
                    int bits = random.nextInt();
                    double real = image[i] * slab * bias[0][c] + sigma * GAUSSIAN[bits & mask];
                    double imaginary = sigma * GAUSSIAN[(bits >>> 16) & mask];
                    double magnitude = Math.sqrt(real * real + imaginary * imaginary);
                    image[i] = Math.max(1, Math.min(MAX_STORED_VALUE, Math.round(magnitude)));
                }
            }
        }
    }

    /** 1 + a t + b t^2 along one axis, t in [-1, 1]. */
    private static double[] axisBias(int length, SplittableRandom random) {
        double a = BIAS_AMPLITUDE * (2 * random.nextDouble() - 1);
        double b = BIAS_AMPLITUDE * (2 * random.nextDouble() - 1);
        double[] values = new double[length];
        for (int k = 0; k < length; k++) {
            double t = length == 1 ? 0 : 2.0 * k / (length - 1) - 1;
            values[k] = 1 + a * t + b * (t * t - 1.0 / 3);
        }
        return values;
    }

    private static float[] gaussianTable(int size) {
        // java.util.Random's Gaussian algorithm is fixed by its specification, so the table,
        // and with it every study, is the same on every JVM.
        Random random = new Random(0x5e65_7265_616dL);
        float[] table = new float[size];
        for (int k = 0; k < size; k++) {
            table[k] = (float) random.nextGaussian();
        }
        return table;
    }
}
