package io.segstream.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.segstream.ingest.SeriesReadyParser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Builds series-ready records the way a sender should: keyed by study, as a CloudEvent. */
public final class Announcement {

    /** CloudEvents source of announcements made with these tools. */
    public static final String SOURCE = "segstream-demo-client";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Announcement() {}

    /** The data of a series-ready event for a folder holding the series. */
    public static ObjectNode data(String studyInstanceUid, String seriesInstanceUid,
            String modality, int instanceCount, URI folder, String sha256) {
        ObjectNode data = JSON.createObjectNode()
                .put("studyInstanceUid", studyInstanceUid)
                .put("seriesInstanceUid", seriesInstanceUid);
        if (modality != null && !modality.isEmpty()) {
            data.put("modality", modality);
        }
        data.put("instanceCount", instanceCount).put("folder", folder.toString());
        data.putObject("checksum").put("algorithm", "SHA-256").put("value", sha256);
        return data;
    }

    /**
     * A record in binary content mode ({@code ce_} headers, data as the value) or, when
     * {@code structured}, in structured mode (the whole event as the value).
     */
    public static ProducerRecord<String, String> record(String topic, String eventId,
            ObjectNode data, boolean structured) {
        String key = data.path("studyInstanceUid").asText();
        if (structured) {
            ObjectNode event = JSON.createObjectNode().put("specversion", "1.0")
                    .put("id", eventId).put("source", SOURCE)
                    .put("type", SeriesReadyParser.TYPE)
                    .put("datacontenttype", "application/json");
            event.set("data", data);
            ProducerRecord<String, String> record =
                    new ProducerRecord<>(topic, key, write(event));
            header(record, "content-type", "application/cloudevents+json; charset=UTF-8");
            return record;
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, write(data));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", eventId);
        header(record, "ce_source", SOURCE);
        header(record, "ce_type", SeriesReadyParser.TYPE);
        header(record, "content-type", "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String key, String value) {
        record.headers().add(key, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }
}
