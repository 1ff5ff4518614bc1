package io.segstream.registration;

import io.segstream.volume.Geometry;
import io.segstream.volume.Volume;
import java.util.ArrayList;
import java.util.List;

/**
 * Block averages for the coarse levels of a registration. Averaging smooths as it shrinks, so
 * the measure has fewer local maxima at the coarse level and the optimiser a wider capture range.
 */
final class Downsampling {

    /** A level keeps at least this many voxels along each axis, so tiny volumes stay usable. */
    static final int MIN_VOXELS_PER_AXIS = 8;

    private Downsampling() {}

    /** {@code volume} averaged in blocks about {@code spacingMm} wide; itself when already so. */
    static Volume toSpacing(Volume volume, double spacingMm) {
        Geometry g = volume.geometry();
        int[] factors = {
            factor(g.sliceSpacing(), g.slices(), spacingMm),
            factor(g.rowSpacing(), g.rows(), spacingMm),
            factor(g.columnSpacing(), g.columns(), spacingMm)
        };
        if (factors[0] == 1 && factors[1] == 1 && factors[2] == 1) {
            return volume;
        }
        Geometry coarse = coarseGeometry(g, factors);
        float[] voxels = blockAverages(volume.voxels(), g, coarse, factors);
        return new Volume(volume.seriesInstanceUid(), coarse, voxels,
                everyNth(volume.sourceSopInstanceUids(), factors[0], coarse.slices()));
    }

    private static int factor(double spacing, int count, double targetMm) {
        int wanted = (int) Math.max(1, Math.round(targetMm / spacing));
        return Math.max(1, Math.min(wanted, count / MIN_VOXELS_PER_AXIS));
    }

    private static Geometry coarseGeometry(Geometry g, int[] f) {
        double[] blockCentre =
                g.patientPosition((f[0] - 1) / 2.0, (f[1] - 1) / 2.0, (f[2] - 1) / 2.0);
        return new Geometry(g.slices() / f[0], g.rows() / f[1], g.columns() / f[2], blockCentre,
                g.rowDirection(), g.columnDirection(), g.normal(), g.rowSpacing() * f[1],
                g.columnSpacing() * f[2], g.sliceSpacing() * f[0], g.frameOfReferenceUid());
    }

    private static float[] blockAverages(float[] in, Geometry fine, Geometry coarse, int[] f) {
        float[] out = new float[coarse.voxelCount()];
        for (int s = 0; s < coarse.slices() * f[0]; s++) {
            for (int r = 0; r < coarse.rows() * f[1]; r++) {
                for (int c = 0; c < coarse.columns() * f[2]; c++) {
                    out[coarse.index(s / f[0], r / f[1], c / f[2])] += in[fine.index(s, r, c)];
                }
            }
        }
        float blockSize = f[0] * f[1] * f[2];
        for (int i = 0; i < out.length; i++) {
            out[i] /= blockSize;
        }
        return out;
    }

    private static List<String> everyNth(List<String> uids, int n, int count) {
        List<String> kept = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            kept.add(uids.get(i * n));
        }
        return kept;
    }
}
