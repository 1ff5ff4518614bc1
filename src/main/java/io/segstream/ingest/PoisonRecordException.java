package io.segstream.ingest;

/**
 * A record that cannot be read as a series-ready event (not JSON, not a CloudEvent, unknown
 * type, schema violation). It goes to the dead-letter topic with this message as its reason;
 * retrying will not help. Messages name the rule and where it failed, never the payload.
 */
public class PoisonRecordException extends Exception {

    public PoisonRecordException(String message) {
        super(message);
    }
}
