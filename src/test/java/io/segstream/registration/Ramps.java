package io.segstream.registration;

import io.segstream.volume.Geometry;
import io.segstream.volume.Volume;
import java.util.Collections;

/** Volumes whose value is x + 10 y + 100 z in patient mm: trilinear reproduces them exactly. */
final class Ramps {

    private Ramps() {}

    static Geometry axial(int n, double spacing, double[] origin, String frame) {
        return new Geometry(n, n, n, origin, new double[] {1, 0, 0}, new double[] {0, 1, 0},
                new double[] {0, 0, 1}, spacing, spacing, spacing, frame);
    }

    static float valueAt(double[] p) {
        return (float) (p[0] + 10 * p[1] + 100 * p[2]);
    }

    static Volume linear(Geometry g) {
        float[] v = new float[g.voxelCount()];
        for (int s = 0; s < g.slices(); s++) {
            for (int r = 0; r < g.rows(); r++) {
                for (int c = 0; c < g.columns(); c++) {
                    v[g.index(s, r, c)] = valueAt(g.patientPosition(s, r, c));
                }
            }
        }
        return new Volume("1.2.3.4", g, v, Collections.nCopies(g.slices(), "1.2.3.5"));
    }
}
