package io.segstream.phantom;

/**
 * A 3-D NIfTI-1 image as stored: values in file order (i fastest, then j, then k), with the
 * voxel-to-world affine in NIfTI's RAS+ convention.
 *
 * @param dimensions voxel counts along i, j and k
 * @param datatype the NIfTI datatype code of the file (2 uint8, 4 int16, 16 float32, ...)
 * @param affine the first three rows of the 4x4 voxel-to-RAS matrix, row-major (12 values)
 * @param values voxel values after scl_slope and scl_inter were applied
 */
public record NiftiImage(int[] dimensions, int datatype, double[] affine, float[] values) {

    public NiftiImage {
        if (dimensions.length != 3 || affine.length != 12) {
            throw new IllegalArgumentException("NiftiImage needs 3 dimensions and 12 affine "
                    + "values, got " + dimensions.length + " and " + affine.length);
        }
    }

    public int voxelCount() {
        return dimensions[0] * dimensions[1] * dimensions[2];
    }
}
