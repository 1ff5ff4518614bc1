package io.segstream.phantom;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@link SampleStudyWriter} wrote, as also recorded in {@code study.json}.
 *
 * @param directory the study folder
 * @param series one entry per sequence, in {@link Sequence} order
 * @param groundTruth the label image ({@code ground-truth.nii.gz})
 * @param labelVoxelCounts voxels per BraTS label value (1, 2, 4)
 */
public record StudyManifest(Path directory, long seed, String patientId, String studyInstanceUid,
        String frameOfReferenceUid, List<Series> series, Path groundTruth,
        Map<Integer, Long> labelVoxelCounts, List<Tumour> tumours) {

    public StudyManifest {
        series = List.copyOf(series);
        labelVoxelCounts = Map.copyOf(labelVoxelCounts);
        tumours = List.copyOf(tumours);
    }

    /**
     * One written series.
     *
     * @param folder folder name inside the study folder, e.g. {@code T1C}
     */
    public record Series(Sequence sequence, String seriesInstanceUid, int seriesNumber,
            String seriesDescription, String folder, int instanceCount) {
    }

    /** The entry of one sequence. */
    public Series series(Sequence sequence) {
        return series.stream().filter(s -> s.sequence() == sequence).findFirst().orElseThrow();
    }
}
