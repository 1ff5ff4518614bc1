package io.segstream.phantom;

/** The README.md written next to each study, saying plainly what is real and what is not. */
final class StudyReadme {

    private StudyReadme() {
    }

    static String text(StudyManifest manifest) {
        return """
                # Synthetic brain tumour MRI study (seed %d)

                **The anatomy is real; everything else is synthetic.** This is a test fixture of
                the segstream project, not a patient and not a clinical image.

                - Anatomy: the Colin27 T1 head template (`ch2.nii.gz`) and its brain-extracted
                  version (`ch2bet.nii.gz`) from Debian's `mricron-data` package, BSD-3 licence.
                  Grid: 181 columns x 217 rows x 181 axial slices, 1 mm, patient LPS.
                - T1 is the real T1 intensity, scaled. T1c, T2 and FLAIR are made by remapping
                  fuzzy tissue memberships (CSF, grey and white matter, fitted to the real T1)
                  to each sequence's tissue intensities, keeping the real T1's fine texture;
                  head tissue outside the brain is remapped by T1 intensity. T1c adds mild
                  dura, sulcal-vessel and choroid uptake.
                - Tumours (%d here) are noise-perturbed ellipsoids painted into the brain with
                  a necrotic core (label 1), enhancing rim (label 4) and oedema (label 2) that
                  reaches further along white matter. Their parameters are in `study.json`.
                - Each sequence has its own smooth bias field and Rician noise inside the head;
                  the air is exactly 0.
                - Patient `%s`, name `%s`, birth date %s: made up.

                Files: `T1/`, `T1C/`, `T2/`, `FLAIR/` (MR Image Storage, one file per slice,
                IM0001 = most inferior), `ground-truth.nii.gz` (uint8 BraTS labels 0/1/2/4,
                RAS+ affine), `study.json` (UIDs, series, tumour parameters, label volumes).
                Regenerate with `java -jar segstream-phantom.jar --seed %d --out DIR` (plus the
                same `--tumours` option).
                """.formatted(manifest.seed(), manifest.tumours().size(), manifest.patientId(),
                DicomSeriesWriter.PATIENT_NAME, DicomSeriesWriter.PATIENT_BIRTH_DATE,
                manifest.seed());
    }
}
