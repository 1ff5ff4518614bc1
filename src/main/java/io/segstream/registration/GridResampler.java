package io.segstream.registration;

import io.segstream.volume.Geometry;
import io.segstream.volume.Volume;

/**
 * Resamples a volume onto another grid through patient coordinates (trilinear; outside the
 * source volume is 0), optionally through a rigid transform between the two frames.
 */
public final class GridResampler {

    private GridResampler() {}

    /** Valid only when both grids share a Frame of Reference. */
    public static float[] resample(Volume source, Geometry target) {
        return resample(source, target, RigidTransform.identity());
    }

    /**
     * The voxels of {@code source} on {@code target}'s grid, where {@code targetToSource} maps a
     * patient position in the target's frame to the same anatomy in the source's frame.
     */
    public static float[] resample(Volume source, Geometry target, RigidTransform targetToSource) {
        Geometry from = source.geometry();
        IndexMapping mapping = IndexMapping.voxelToVoxel(target, targetToSource, from);
        float[] in = source.voxels();
        float[] out = new float[target.voxelCount()];
        double[] idx = new double[3];
        int i = 0;
        for (int s = 0; s < target.slices(); s++) {
            for (int r = 0; r < target.rows(); r++) {
                for (int c = 0; c < target.columns(); c++) {
                    mapping.map(s, r, c, idx);
                    out[i++] = trilinear(in, from, idx[0], idx[1], idx[2]);
                }
            }
        }
        return out;
    }

    static float trilinear(float[] in, Geometry g, double s, double r, double c) {
        int s0 = (int) Math.floor(s);
        int r0 = (int) Math.floor(r);
        int c0 = (int) Math.floor(c);
        double fs = s - s0;
        double fr = r - r0;
        double fc = c - c0;
        double sum = 0;
        for (int ds = 0; ds <= 1; ds++) {
            for (int dr = 0; dr <= 1; dr++) {
                for (int dc = 0; dc <= 1; dc++) {
                    double w = (ds == 0 ? 1 - fs : fs) * (dr == 0 ? 1 - fr : fr)
                            * (dc == 0 ? 1 - fc : fc);
                    if (w > 0) {
                        sum += w * at(in, g, s0 + ds, r0 + dr, c0 + dc);
                    }
                }
            }
        }
        return (float) sum;
    }

    private static float at(float[] in, Geometry g, int s, int r, int c) {
        if (s < 0 || r < 0 || c < 0 || s >= g.slices() || r >= g.rows() || c >= g.columns()) {
            return 0f;
        }
        return in[g.index(s, r, c)];
    }
}
