package io.segstream.phantom;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One synthetic study: four co-registered images and their tumour labels on one grid.
 *
 * @param seed the seed it was generated from
 * @param images stored values (integers 0..4095 held as float; 0 exactly in the air), flat
 *     layout of {@link Grid}
 * @param labels BraTS labels ({@link Labels}), same layout
 * @param tumours the tumours painted in, possibly none
 */
public record PhantomStudy(long seed, Grid grid, Map<Sequence, float[]> images, byte[] labels,
        List<Tumour> tumours) {

    public PhantomStudy {
        for (Sequence sequence : Sequence.values()) {
            float[] image = images.get(sequence);
            if (image == null || image.length != grid.voxelCount()) {
                throw new IllegalArgumentException("Study needs a " + sequence + " image of "
                        + grid.voxelCount() + " voxels");
            }
        }
        if (labels.length != grid.voxelCount()) {
            throw new IllegalArgumentException("Study labels have " + labels.length
                    + " voxels, grid has " + grid.voxelCount());
        }
        images = Collections.unmodifiableMap(new EnumMap<>(images));
        tumours = List.copyOf(tumours);
    }

    /** The image of one sequence (not a copy: do not modify). */
    public float[] image(Sequence sequence) {
        return images.get(sequence);
    }

    /** Volume (mL) of the voxels carrying a label. */
    public double volumeMl(byte label) {
        return Labels.count(labels, label) * grid.voxelVolumeMl();
    }
}
