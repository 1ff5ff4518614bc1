package io.segstream.ingest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The attributes of a CloudEvent 1.0 that the worker uses, and its JSON data.
 *
 * @param id event id
 * @param source event source
 * @param type event type, e.g. {@code io.segstream.dicom.series.ready.v1}
 * @param data the event data, parsed as JSON
 */
public record CloudEvent(String id, String source, String type, JsonNode data) {

    /** Omits the data, which is never logged. */
    @Override
    public String toString() {
        return "CloudEvent[id=" + id + ", source=" + source + ", type=" + type + "]";
    }
}
