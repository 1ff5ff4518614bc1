package io.segstream;

/**
 * Why a study could not be segmented. Carried in the {@code reason} field of a failure event,
 * so integration engines can route on it; add values, never rename them.
 */
public enum FailureReason {
    /** An instance location is not a {@code file:} URI under an allowed storage root. */
    LOCATION_NOT_ALLOWED,
    /** An instance could not be read from storage (missing, unreadable, I/O error). */
    INSTANCE_UNREADABLE,
    /** The instances do not match the checksum announced in the event. */
    CHECKSUM_MISMATCH,
    /** The announced instance count does not match what was found. */
    INSTANCE_COUNT_MISMATCH,
    /** A file is not DICOM, is truncated or breaks the encoding rules. */
    MALFORMED_DICOM,
    /** Pixel data in a transfer syntax the toolkit cannot decode. */
    UNSUPPORTED_TRANSFER_SYNTAX,
    /** The instances are not an MR image series the models can take. */
    UNSUPPORTED_SERIES,
    /** Slices cannot form one volume: positions, orientation, matrix or spacing disagree. */
    INCONSISTENT_GEOMETRY,
    /** A required sequence (T1, T1c, T2, FLAIR) is missing or ambiguous in the study. */
    MISSING_SEQUENCE,
    /** The sequences cannot be brought onto one grid. */
    REGISTRATION_FAILED,
    /** The model could not run on the study. */
    INFERENCE_FAILED,
    /** The DICOM Segmentation could not be encoded. */
    ENCODING_FAILED,
    /** The Segmentation could not be stored. */
    STORAGE_FAILED,
    /** Transient faults persisted through every retry. */
    RETRIES_EXHAUSTED,
    /** Anything else; the message says what. */
    INTERNAL_ERROR
}
