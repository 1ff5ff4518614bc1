package io.segstream.registration;

import io.segstream.volume.Geometry;
import io.segstream.volume.Volume;
import java.util.Collections;

/**
 * A small made-up head for fast tests: an ellipsoid of textured tissue in air (0), with no
 * symmetry that a shift or a turn could map onto itself.
 */
final class SyntheticHeads {

    private SyntheticHeads() {}

    static Volume head(int voxelsPerAxis, double spacingMm, String frameOfReferenceUid) {
        double half = (voxelsPerAxis - 1) * spacingMm / 2;
        Geometry g = new Geometry(voxelsPerAxis, voxelsPerAxis, voxelsPerAxis,
                new double[] {-half, -half, -half}, new double[] {1, 0, 0},
                new double[] {0, 1, 0}, new double[] {0, 0, 1}, spacingMm, spacingMm, spacingMm,
                frameOfReferenceUid);
        float[] voxels = new float[g.voxelCount()];
        for (int s = 0; s < g.slices(); s++) {
            for (int r = 0; r < g.rows(); r++) {
                for (int c = 0; c < g.columns(); c++) {
                    voxels[g.index(s, r, c)] = tissue(g.patientPosition(s, r, c), half);
                }
            }
        }
        return new Volume("2.25.400", g, voxels, Collections.nCopies(g.slices(), "2.25.401"));
    }

    private static float tissue(double[] p, double half) {
        double x = p[0] / (0.7 * half);
        double y = (p[1] - 0.1 * half) / (0.85 * half);
        double z = p[2] / (0.6 * half);
        if (x * x + y * y + z * z > 1) {
            return 0;
        }
        return (float) (800 + 300 * Math.sin(p[0] / 6 + 0.4) + 200 * Math.cos(p[1] / 5)
                * Math.sin(p[2] / 7 + 1) + 150 * Math.signum(p[0] + 0.5 * p[1] - 4));
    }
}
