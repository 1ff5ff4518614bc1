package io.segstream.phantom;

/**
 * One synthetic tumour: an ellipsoid whose surface is perturbed by low-frequency noise, with a
 * necrotic (or non-enhancing) core, an enhancing rim and oedema around it.
 *
 * @param centreX patient x (LPS, mm) of the centre
 * @param centreY patient y (LPS, mm)
 * @param centreZ patient z (LPS, mm)
 * @param radiusA semi-axis (mm) along the tumour's first axis, before perturbation
 * @param radiusB semi-axis (mm) along the second axis
 * @param radiusC semi-axis (mm) along the third axis
 * @param yaw rotation (radians) of the axes about z
 * @param pitch rotation (radians) about the rotated y axis
 * @param roll rotation (radians) about the rotated x axis
 * @param irregularity relative amplitude of the surface perturbation (0 = smooth ellipsoid)
 * @param shapeSeed seed of the surface and oedema noise
 * @param enhancing whether the tumour has an enhancing rim (label 4)
 * @param rimThicknessMm thickness of the enhancing rim; ignored when not enhancing
 * @param necrotic whether an enhancing tumour has a necrotic centre (label 1); without it the
 *     whole core enhances. A non-enhancing core is label 1 throughout.
 * @param oedemaExtentMm how far oedema reaches beyond the core in white matter (less in grey)
 * @param enhancement multiplier of the rim's brightness on T1c
 * @param oedemaSignal multiplier of the oedema's brightness on T2 and FLAIR
 * @param coreSignal multiplier of the label-1 core's brightness on T2 and FLAIR
 */
public record Tumour(double centreX, double centreY, double centreZ,
        double radiusA, double radiusB, double radiusC,
        double yaw, double pitch, double roll,
        double irregularity, long shapeSeed,
        boolean enhancing, double rimThicknessMm, boolean necrotic,
        double oedemaExtentMm, double enhancement, double oedemaSignal, double coreSignal) {

    /** Patient position (LPS, mm) of the centre. */
    public double[] centre() {
        return new double[] {centreX, centreY, centreZ};
    }

    /** Geometric mean of the three semi-axes (mm). */
    public double meanRadiusMm() {
        return Math.cbrt(radiusA * radiusB * radiusC);
    }

    /** Rows are the tumour's axes as unit vectors in patient coordinates. */
    double[][] axes() {
        double cy = Math.cos(yaw);
        double sy = Math.sin(yaw);
        double cp = Math.cos(pitch);
        double sp = Math.sin(pitch);
        double cr = Math.cos(roll);
        double sr = Math.sin(roll);
        return new double[][] {
            {cy * cp, sy * cp, -sp},
            {cy * sp * sr - sy * cr, sy * sp * sr + cy * cr, cp * sr},
            {cy * sp * cr + sy * sr, sy * sp * cr - cy * sr, cp * cr}
        };
    }
}
