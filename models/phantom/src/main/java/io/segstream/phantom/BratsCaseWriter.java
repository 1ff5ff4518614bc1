package io.segstream.phantom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a study as one case of a BraTS-layout dataset: {@code <root>/<case>/<case>_t1.nii.gz},
 * {@code _t1ce}, {@code _t2}, {@code _flair} (float32) and {@code _seg} (BraTS labels 0, 1, 2,
 * 4), all on the study's grid. It lets the trainer's BraTS path be tried without BraTS data.
 */
public final class BratsCaseWriter {

    /** File-name suffix of each sequence, as BraTS names them. */
    public static final Map<Sequence, String> SUFFIXES = Map.of(
            Sequence.T1, "_t1", Sequence.T1C, "_t1ce", Sequence.T2, "_t2",
            Sequence.FLAIR, "_flair");
    public static final String LABEL_SUFFIX = "_seg";

    private BratsCaseWriter() {
    }

    /** The case name of a seed: {@code phantom_<seed>}, a minus sign written as {@code m}. */
    public static String caseName(long seed) {
        return "phantom_" + (seed < 0 ? "m" + -seed : Long.toString(seed));
    }

    /** Writes the case folder under root and returns it. */
    public static Path write(PhantomStudy study, Path root) throws IOException {
        String name = caseName(study.seed());
        Path folder = Files.createDirectories(root.resolve(name));
        for (Sequence sequence : Sequence.values()) {
            Nifti.writeFloat32(folder.resolve(name + SUFFIXES.get(sequence) + ".nii.gz"),
                    study.grid(), study.image(sequence));
        }
        Nifti.writeLabels(folder.resolve(name + LABEL_SUFFIX + ".nii.gz"), study.grid(),
                study.labels());
        return folder;
    }
}
