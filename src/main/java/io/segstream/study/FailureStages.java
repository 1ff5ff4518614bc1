package io.segstream.study;

import io.segstream.FailureReason;

/** The pipeline stage a failure reason belongs to, for the {@code stage} of failure events. */
public final class FailureStages {

    private FailureStages() {}

    public static String of(FailureReason reason) {
        return switch (reason) {
            case LOCATION_NOT_ALLOWED, INSTANCE_UNREADABLE, CHECKSUM_MISMATCH,
                    INSTANCE_COUNT_MISMATCH -> "ingest";
            case MISSING_SEQUENCE -> "assembly";
            case MALFORMED_DICOM, UNSUPPORTED_TRANSFER_SYNTAX, UNSUPPORTED_SERIES,
                    INCONSISTENT_GEOMETRY -> "load";
            case REGISTRATION_FAILED -> "register";
            case INFERENCE_FAILED -> "inference";
            case ENCODING_FAILED -> "encode";
            case STORAGE_FAILED -> "store";
            case RETRIES_EXHAUSTED, INTERNAL_ERROR -> "pipeline";
        };
    }
}
