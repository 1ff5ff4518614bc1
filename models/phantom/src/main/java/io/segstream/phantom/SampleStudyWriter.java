package io.segstream.phantom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a study to a folder: one DICOM series per sequence ({@code T1/}, {@code T1C/},
 * {@code T2/}, {@code FLAIR/}), the labels as {@code ground-truth.nii.gz}, a {@code study.json}
 * manifest and a {@code README.md} on where the data comes from.
 */
public final class SampleStudyWriter {

    public static final String GROUND_TRUTH = "ground-truth.nii.gz";
    public static final String MANIFEST = "study.json";

    private SampleStudyWriter() {
    }

    public static StudyManifest write(PhantomStudy study, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        List<StudyManifest.Series> series = new ArrayList<>();
        for (Sequence sequence : Sequence.values()) {
            series.add(writeSeries(study, sequence, outDir));
        }
        Path groundTruth = outDir.resolve(GROUND_TRUTH);
        Nifti.writeLabels(groundTruth, study.grid(), study.labels());
        StudyManifest manifest = new StudyManifest(outDir, study.seed(),
                DicomSeriesWriter.patientId(study.seed()), Uids.study(study.seed()),
                Uids.frameOfReference(study.seed()), series, groundTruth,
                labelCounts(study.labels()), study.tumours());
        Files.writeString(outDir.resolve(MANIFEST), Json.write(manifestJson(manifest, study)),
                StandardCharsets.UTF_8);
        Files.writeString(outDir.resolve("README.md"), StudyReadme.text(manifest),
                StandardCharsets.UTF_8);
        return manifest;
    }

    /** The labels of {@code ground-truth.nii.gz} in the flat layout of {@link Grid}. */
    public static byte[] readGroundTruth(Path niftiGz) throws IOException {
        return Nifti.readGroundTruth(niftiGz);
    }

    private static StudyManifest.Series writeSeries(PhantomStudy study, Sequence sequence,
            Path outDir) throws IOException {
        SeriesProtocol protocol = SeriesProtocol.of(sequence);
        String folder = sequence.name();
        int count = new DicomSeriesWriter(study, sequence).write(outDir.resolve(folder));
        return new StudyManifest.Series(sequence, Uids.series(study.seed(), sequence),
                protocol.seriesNumber, protocol.seriesDescription, folder, count);
    }

    private static Map<Integer, Long> labelCounts(byte[] labels) {
        Map<Integer, Long> counts = new LinkedHashMap<>();
        for (byte label : Labels.TUMOUR_LABELS) {
            counts.put((int) label, Labels.count(labels, label));
        }
        return counts;
    }

    private static Map<String, Object> manifestJson(StudyManifest manifest, PhantomStudy study) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("synthetic", "Anatomy is the real Colin27 T1 (Debian mricron-data, BSD-3); "
                + "T1c, T2, FLAIR, noise, bias and tumours are synthetic.");
        json.put("seed", manifest.seed());
        json.put("patientId", manifest.patientId());
        json.put("studyInstanceUid", manifest.studyInstanceUid());
        json.put("frameOfReferenceUid", manifest.frameOfReferenceUid());
        json.put("grid", study.grid());
        json.put("series", manifest.series());
        json.put("groundTruth", GROUND_TRUTH);
        json.put("labels", labelsJson(manifest, study.grid()));
        json.put("tumours", manifest.tumours());
        return json;
    }

    private static Map<String, Object> labelsJson(StudyManifest manifest, Grid grid) {
        Map<String, Object> labels = new LinkedHashMap<>();
        String[] names = {"necrotic or non-enhancing tumour core", "oedema", "enhancing tumour"};
        for (int k = 0; k < Labels.TUMOUR_LABELS.length; k++) {
            int label = Labels.TUMOUR_LABELS[k];
            long voxels = manifest.labelVoxelCounts().get(label);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", names[k]);
            entry.put("voxels", voxels);
            entry.put("volumeMl", Math.round(voxels * grid.voxelVolumeMl() * 100) / 100.0);
            labels.put(Integer.toString(label), entry);
        }
        return labels;
    }
}
