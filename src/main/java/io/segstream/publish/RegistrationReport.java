package io.segstream.publish;

/**
 * How one sequence was brought onto the reference grid, for the result event.
 *
 * @param method SAME_GRID, PATIENT_COORDINATES or RIGID
 * @param normalisedMutualInformation Studholme's normalised mutual information at the transform
 *     used (1 independent, 2 identical); null when no registration ran
 * @param mutualInformation mutual information in nats; null when no registration ran
 * @param converged whether the optimiser converged; null when no registration ran
 * @param rotationDegrees rotation about x, y, z applied to the reference grid to reach the
 *     sequence; zeros unless the method is RIGID
 * @param translationMm translation in millimetres, about the reference grid's centre
 */
public record RegistrationReport(
        String method,
        Double normalisedMutualInformation,
        Double mutualInformation,
        Boolean converged,
        double[] rotationDegrees,
        double[] translationMm) {}
