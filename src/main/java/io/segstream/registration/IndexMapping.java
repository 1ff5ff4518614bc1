package io.segstream.registration;

import io.segstream.volume.Geometry;
import java.util.function.UnaryOperator;

/**
 * An affine map onto the continuous (slice, row, column) index of a source grid. Grids and rigid
 * transforms are affine, so the whole chain is folded into one 3x4 matrix once, and the loops
 * over millions of voxels do twelve multiply-adds per point instead of allocating.
 */
final class IndexMapping {

    private final double[] matrix = new double[12];

    private IndexMapping(UnaryOperator<double[]> affine) {
        double[] base = affine.apply(new double[3]);
        for (int axis = 0; axis < 3; axis++) {
            double[] unit = new double[3];
            unit[axis] = 1;
            double[] image = affine.apply(unit);
            for (int i = 0; i < 3; i++) {
                matrix[4 * i + axis] = image[i] - base[i];
            }
        }
        for (int i = 0; i < 3; i++) {
            matrix[4 * i + 3] = base[i];
        }
    }

    /** From a patient position in the fixed frame through {@code transform} into {@code source}. */
    static IndexMapping patientToIndex(RigidTransform transform, Geometry source) {
        return new IndexMapping(p -> source.continuousIndex(transform.apply(p)));
    }

    /** From a voxel index of {@code target}, through {@code transform}, into {@code source}. */
    static IndexMapping voxelToVoxel(Geometry target, RigidTransform transform, Geometry source) {
        return new IndexMapping(v -> source.continuousIndex(
                transform.apply(target.patientPosition(v[0], v[1], v[2]))));
    }

    void map(double x, double y, double z, double[] out) {
        for (int i = 0; i < 3; i++) {
            out[i] = matrix[4 * i] * x + matrix[4 * i + 1] * y + matrix[4 * i + 2] * z
                    + matrix[4 * i + 3];
        }
    }
}
