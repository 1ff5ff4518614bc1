package io.segstream.registration;

import io.segstream.volume.Geometry;
import io.segstream.volume.Volume;

/**
 * Where the head lies in a volume: the centre of its head voxels and their root-mean-square
 * distance from it, which is the lever arm that turns a small rotation into millimetres.
 *
 * @param threshold the value above which a voxel counts as head
 * @param centre centre of the head voxels in patient coordinates (LPS, mm)
 * @param radiusMm root-mean-square distance of the head voxels from the centre
 */
record HeadExtent(double threshold, double[] centre, double radiusMm) {

    /**
     * Air is 0 in masked or synthetic series but carries noise in raw ones; a tenth of the mean
     * of the positive voxels keeps the noise out and every tissue of the head in.
     */
    static final double FRACTION_OF_POSITIVE_MEAN = 0.1;

    HeadExtent {
        centre = centre.clone();
    }

    /** @throws IllegalArgumentException when the volume has no voxel above 0 */
    static HeadExtent of(Volume volume) {
        double threshold = threshold(volume.voxels());
        Geometry g = volume.geometry();
        double[] sum = new double[3];
        double sumOfSquares = 0;
        long count = 0;
        float[] voxels = volume.voxels();
        for (int s = 0; s < g.slices(); s++) {
            for (int r = 0; r < g.rows(); r++) {
                for (int c = 0; c < g.columns(); c++) {
                    if (voxels[g.index(s, r, c)] > threshold) {
                        double[] p = g.patientPosition(s, r, c);
                        for (int i = 0; i < 3; i++) {
                            sum[i] += p[i];
                        }
                        sumOfSquares += dot(p, p);
                        count++;
                    }
                }
            }
        }
        double[] centre = {sum[0] / count, sum[1] / count, sum[2] / count};
        double meanSquare = sumOfSquares / count - dot(centre, centre);
        return new HeadExtent(threshold, centre, Math.sqrt(Math.max(meanSquare, 1e-6)));
    }

    static double threshold(float[] voxels) {
        double sum = 0;
        long positive = 0;
        for (float v : voxels) {
            if (v > 0) {
                sum += v;
                positive++;
            }
        }
        if (positive == 0) {
            throw new IllegalArgumentException("the volume has no voxel above 0");
        }
        return FRACTION_OF_POSITIVE_MEAN * sum / positive;
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
}
