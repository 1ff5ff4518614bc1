package io.segstream.registration;

import java.util.Optional;

/**
 * One sequence on the reference grid and how it got there.
 *
 * @param voxels the sequence's values on the reference grid, index {@code reference.index(s,r,c)}
 * @param method how the voxels were brought onto the grid
 * @param referenceToMoving maps a patient position in the reference's frame to the same anatomy
 *     in the moving series' frame; identity unless {@code method} is {@link
 *     RegistrationMethod#RIGID}
 * @param quality the fit of the rigid registration when one ran (also when the alignment check
 *     ran and found the series aligned); empty otherwise
 */
public record RegistrationOutcome(
        float[] voxels,
        RegistrationMethod method,
        RigidTransform referenceToMoving,
        Optional<RegistrationQuality> quality) {}
