package io.segstream.registration;

/** How the voxels of one sequence came onto the reference grid, as reported in the result. */
public enum RegistrationMethod {
    /** Already on the reference grid: copied without interpolation. */
    SAME_GRID,
    /** Resampled through patient coordinates shared by one Frame of Reference. */
    PATIENT_COORDINATES,
    /** Resampled through a rigid transform found by maximising mutual information. */
    RIGID
}
