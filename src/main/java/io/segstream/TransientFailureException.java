package io.segstream;

/** A fault that may pass (storage hiccup, broker away): the caller retries with backoff. */
public class TransientFailureException extends RuntimeException {

    public TransientFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
