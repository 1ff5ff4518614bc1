package io.segstream.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.kafka.common.header.Headers;

/** Turns a record of {@code dicom.series.ready} into a {@link SeriesReadyEvent}, or refuses it. */
@Singleton
public class SeriesReadyParser {

    /** CloudEvents type of the records this worker consumes. */
    public static final String TYPE = "io.segstream.dicom.series.ready.v1";

    private final CloudEventReader reader;
    private final PayloadSchemas schema = PayloadSchemas.load(PayloadSchemas.SERIES_READY);

    public SeriesReadyParser(ObjectMapper json) {
        this.reader = new CloudEventReader(json);
    }

    public SeriesReadyEvent parse(String key, Headers headers, String value)
            throws PoisonRecordException {
        CloudEvent event = reader.read(headers, value);
        if (!TYPE.equals(event.type())) {
            throw new PoisonRecordException("unknown CloudEvent type '" + event.type()
                    + "'; this topic carries " + TYPE);
        }
        List<String> violations = schema.violations(event.data());
        if (!violations.isEmpty()) {
            throw new PoisonRecordException("event " + event.id() + " breaks "
                    + schema.name() + ": " + String.join("; ", violations));
        }
        SeriesReadyEvent series = toEvent(event.id(), event.data());
        if (!Objects.equals(key, series.studyInstanceUid())) {
            throw new PoisonRecordException("event " + event.id() + ": the record key must be "
                    + "the Study Instance UID of the data, so that a study stays on one partition");
        }
        return series;
    }

    private static SeriesReadyEvent toEvent(String id, JsonNode data)
            throws PoisonRecordException {
        List<URI> instances = new ArrayList<>();
        for (JsonNode instance : data.path("instances")) {
            instances.add(uri(id, instance.asText()));
        }
        URI folder = data.hasNonNull("folder") ? uri(id, data.get("folder").asText()) : null;
        return new SeriesReadyEvent(id, data.get("studyInstanceUid").asText(),
                data.get("seriesInstanceUid").asText(), data.path("modality").asText(""),
                data.get("instanceCount").asInt(), instances, folder,
                data.get("checksum").get("value").asText().toLowerCase(Locale.ROOT));
    }

    private static URI uri(String id, String text) throws PoisonRecordException {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new PoisonRecordException("event " + id + ": a location is not a valid URI ("
                    + e.getReason() + " at index " + e.getIndex() + ")");
        }
    }
}
