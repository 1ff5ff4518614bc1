package io.segstream.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Reads a CloudEvent from a Kafka record in either content mode of the Kafka protocol binding:
 * structured (content type {@code application/cloudevents+json}, the whole event in the value)
 * or binary ({@code ce_} headers, the data in the value).
 *
 * <p>The connector's own CloudEvents support is switched off for the incoming channel because it
 * parses structured records before the application sees them, and a record that is not JSON then
 * fails the channel instead of reaching the dead-letter topic.
 */
public final class CloudEventReader {

    private static final String SPEC_VERSION = "1.0";

    private final ObjectMapper json;

    public CloudEventReader(ObjectMapper json) {
        this.json = json;
    }

    public CloudEvent read(Headers headers, String value) throws PoisonRecordException {
        String contentType = header(headers, "content-type");
        if (contentType != null && contentType.toLowerCase(Locale.ROOT)
                .startsWith("application/cloudevents")) {
            return structured(value);
        }
        if (header(headers, "ce_specversion") != null) {
            return binary(headers, value);
        }
        throw new PoisonRecordException("not a CloudEvent: the record has neither a "
                + "ce_specversion header (binary mode) nor content-type "
                + "application/cloudevents+json (structured mode)");
    }

    private CloudEvent structured(String value) throws PoisonRecordException {
        JsonNode event = parse(value, "structured CloudEvent");
        if (!event.isObject()) {
            throw new PoisonRecordException("a structured CloudEvent must be a JSON object, "
                    + "found " + event.getNodeType());
        }
        if (event.has("data_base64")) {
            throw new PoisonRecordException("data_base64 is not supported; send the data as "
                    + "JSON in the data attribute");
        }
        return checked(text(event, "specversion"), text(event, "id"), text(event, "source"),
                text(event, "type"), event.path("data"));
    }

    private CloudEvent binary(Headers headers, String value) throws PoisonRecordException {
        JsonNode data = parse(value, "CloudEvent data");
        return checked(header(headers, "ce_specversion"), header(headers, "ce_id"),
                header(headers, "ce_source"), header(headers, "ce_type"), data);
    }

    private static CloudEvent checked(String specVersion, String id, String source, String type,
            JsonNode data) throws PoisonRecordException {
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new PoisonRecordException("CloudEvents specversion must be 1.0, found "
                    + (specVersion == null ? "none" : "'" + specVersion + "'"));
        }
        for (String[] attribute : new String[][] {{"id", id}, {"source", source},
                {"type", type}}) {
            if (attribute[1] == null || attribute[1].isEmpty()) {
                throw new PoisonRecordException("the CloudEvent has no " + attribute[0]
                        + " attribute, which is required");
            }
        }
        if (data == null || data.isMissingNode()) {
            throw new PoisonRecordException("the CloudEvent has no data");
        }
        return new CloudEvent(id, source, type, data);
    }

    /** Parses JSON; the error names the position only, because parser messages quote input. */
    private JsonNode parse(String value, String what) throws PoisonRecordException {
        if (value == null || value.isBlank()) {
            throw new PoisonRecordException("the record value is empty; expected a " + what);
        }
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new PoisonRecordException("the record value is not JSON (" + what
                    + "): parse error at line " + (at == null ? "?" : at.getLineNr())
                    + ", column " + (at == null ? "?" : at.getColumnNr()));
        }
    }

    private static String text(JsonNode event, String attribute) {
        JsonNode node = event.get(attribute);
        return node != null && node.isTextual() ? node.asText() : null;
    }

    private static String header(Headers headers, String key) {
        Header header = headers == null ? null : headers.lastHeader(key);
        return header == null || header.value() == null
                ? null
                : new String(header.value(), StandardCharsets.UTF_8);
    }
}
