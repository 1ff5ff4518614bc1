package io.segstream.volume;

import java.util.List;

/**
 * Voxels of one MR series on its own grid, with the SOP Instance UID each slice came from.
 *
 * @param seriesInstanceUid the series the voxels were read from
 * @param geometry where the voxels lie in patient coordinates
 * @param voxels modality values (rescale applied), index {@code geometry.index(s, r, c)}
 * @param sourceSopInstanceUids per slice, the SOP Instance UID it came from, in slice order
 */
public record Volume(
        String seriesInstanceUid,
        Geometry geometry,
        float[] voxels,
        List<String> sourceSopInstanceUids) {

    public Volume {
        if (voxels.length != geometry.voxelCount()) {
            throw new IllegalArgumentException("voxel array holds " + voxels.length
                    + " values but the geometry needs " + geometry.voxelCount());
        }
        if (sourceSopInstanceUids.size() != geometry.slices()) {
            throw new IllegalArgumentException("expected one SOP Instance UID per slice ("
                    + geometry.slices() + "), got " + sourceSopInstanceUids.size());
        }
        sourceSopInstanceUids = List.copyOf(sourceSopInstanceUids);
    }

    @Override
    public String toString() {
        return "Volume[" + geometry + "]";
    }
}
