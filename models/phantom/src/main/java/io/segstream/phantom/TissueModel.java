package io.segstream.phantom;

/**
 * Fuzzy memberships of brain voxels in cerebrospinal fluid, grey matter and white matter, from
 * a fuzzy c-means fit (fuzziness 2) to the histogram of the lightly smoothed T1 inside the brain
 * mask. Memberships come from the smoothed image so that the residual of the real T1 around
 * the tissue model keeps its fine texture.
 */
final class TissueModel {

    static final int CSF = 0;
    static final int GREY_MATTER = 1;
    static final int WHITE_MATTER = 2;

    private static final int BINS = 512;
    private static final int ITERATIONS = 200;

    private final double[] centres;
    private final byte[][] memberships;

    private TissueModel(double[] centres, byte[][] memberships) {
        this.centres = centres;
        this.memberships = memberships;
    }

    static TissueModel fit(Grid grid, float[] t1, boolean[] brain) {
        float[] smoothed = Volumes.smooth(grid, t1);
        double[] centres = fitCentres(smoothed, brain);
        byte[][] memberships = new byte[3][t1.length];
        double[] u = new double[3];
        for (int i = 0; i < t1.length; i++) {
            if (brain[i]) {
                memberships(smoothed[i], centres, u);
                for (int k = 0; k < 3; k++) {
                    memberships[k][i] = (byte) Math.round(u[k] * 255);
                }
            }
        }
        return new TissueModel(centres, memberships);
    }

    /** T1 intensity at the centre of a tissue class (CSF, GREY_MATTER, WHITE_MATTER). */
    double centre(int tissue) {
        return centres[tissue];
    }

    /** Membership in [0, 1] of voxel i in a tissue class; 0 outside the brain. */
    float membership(int tissue, int i) {
        return (memberships[tissue][i] & 0xff) / 255f;
    }

    private static double[] fitCentres(float[] values, boolean[] brain) {
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (int i = 0; i < values.length; i++) {
            if (brain[i]) {
                min = Math.min(min, values[i]);
                max = Math.max(max, values[i]);
            }
        }
        double width = Math.max(max - min, 1e-6) / BINS;
        double[] counts = new double[BINS];
        for (int i = 0; i < values.length; i++) {
            if (brain[i]) {
                counts[Math.min(BINS - 1, (int) ((values[i] - min) / width))]++;
            }
        }
        double[] x = new double[BINS];
        for (int b = 0; b < BINS; b++) {
            x[b] = min + (b + 0.5) * width;
        }
        return iterate(x, counts, new double[] {
            min + 0.25 * (max - min), min + 0.55 * (max - min), min + 0.8 * (max - min)});
    }

    private static double[] iterate(double[] x, double[] counts, double[] centres) {
        double[] u = new double[3];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] sum = new double[3];
            double[] weight = new double[3];
            for (int b = 0; b < x.length; b++) {
                memberships(x[b], centres, u);
                for (int k = 0; k < 3; k++) {
                    double w = counts[b] * u[k] * u[k];
                    sum[k] += w * x[b];
                    weight[k] += w;
                }
            }
            for (int k = 0; k < 3; k++) {
                centres[k] = weight[k] > 0 ? sum[k] / weight[k] : centres[k];
            }
        }
        java.util.Arrays.sort(centres);
        return centres;
    }

    /** Fuzzy c-means memberships (fuzziness 2) of one value. */
    static void memberships(double value, double[] centres, double[] out) {
        double total = 0;
        for (int k = 0; k < 3; k++) {
            double d = value - centres[k];
            if (d == 0) {
                java.util.Arrays.fill(out, 0);
                out[k] = 1;
                return;
            }
            out[k] = 1 / (d * d);
            total += out[k];
        }
        for (int k = 0; k < 3; k++) {
            out[k] /= total;
        }
    }
}
