package io.segstream.phantom;

/** Voxel values in the flat layout of {@link Grid}. */
public record GridImage(Grid grid, float[] values) {

    public GridImage {
        if (values.length != grid.voxelCount()) {
            throw new IllegalArgumentException("GridImage has " + values.length
                    + " values but its grid has " + grid.voxelCount() + " voxels");
        }
    }
}
