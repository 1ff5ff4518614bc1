package io.segstream.registration;

import java.time.Duration;

/**
 * How well a rigid registration fits, for the result event and for deciding to trust it.
 *
 * @param mutualInformation mutual information (nats) between reference and moving series at
 *     the found transform, on the finest level's samples
 * @param normalisedMutualInformation Studholme's (H(F) + H(M)) / H(F, M): 1 for independent
 *     images, 2 for identical ones; comparable across studies where the plain value is not
 * @param iterations optimiser iterations, all levels together
 * @param evaluations evaluations of the measure, all levels together
 * @param converged false when the iteration limit or the time budget stopped the search
 * @param elapsed wall time of the registration
 */
public record RegistrationQuality(
        double mutualInformation,
        double normalisedMutualInformation,
        int iterations,
        int evaluations,
        boolean converged,
        Duration elapsed) {}
