package io.segstream.registration;

/** How sequences are brought onto the reference grid: {@code segstream.registration.mode}. */
public enum RegistrationMode {
    /**
     * Patient coordinates within one Frame of Reference unless the alignment check finds the
     * series misaligned; rigid registration across Frames of Reference.
     */
    AUTO,
    /** Patient coordinates only; a series in another Frame of Reference fails the study. */
    PATIENT_COORDINATES,
    /** Rigid registration for every series not already on the reference grid. */
    RIGID
}
