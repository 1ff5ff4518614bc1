package io.segstream;

/**
 * The study cannot be segmented and retrying will not help: the caller answers it with a
 * failure event carrying {@link #reason()} and the message. Messages name the rule broken and
 * the offending value, never a patient's identity.
 */
public class StudyFailedException extends Exception {

    private final FailureReason reason;
    private String stage;

    public StudyFailedException(FailureReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public StudyFailedException(FailureReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public FailureReason reason() {
        return reason;
    }

    /** The pipeline stage that failed, e.g. "load" or "inference"; null until one is known. */
    public String stage() {
        return stage;
    }

    /** Records the failing stage unless an inner stage already did. */
    public StudyFailedException inStage(String name) {
        if (stage == null) {
            stage = name;
        }
        return this;
    }
}
