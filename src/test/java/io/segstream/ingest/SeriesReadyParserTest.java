package io.segstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.segstream.tools.Announcement;
import java.net.URI;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class SeriesReadyParserTest {

    private static final String STUDY = "1.2.826.0.1.3680043.2.1125.1";
    private static final String SERIES = "1.2.826.0.1.3680043.2.1125.2";
    private static final String SHA = "ab".repeat(32);

    private final SeriesReadyParser parser = new SeriesReadyParser(new ObjectMapper());

    @Test
    void readsABinaryModeEvent() throws Exception {
        ProducerRecord<String, String> record = Announcement.record("t", "id-1", data(), false);

        SeriesReadyEvent event = parse(record);

        assertThat(event).isEqualTo(new SeriesReadyEvent("id-1", STUDY, SERIES, "MR", 3,
                List.of(), URI.create("file:/data/study/T1/"), SHA));
    }

    @Test
    void readsAStructuredModeEvent() throws Exception {
        ProducerRecord<String, String> record = Announcement.record("t", "id-2", data(), true);

        assertThat(parse(record).eventId()).isEqualTo("id-2");
    }

    @Test
    void readsAListOfInstances() throws Exception {
        ObjectNode data = data();
        data.remove("folder");
        data.putArray("instances").add("file:/data/a.dcm").add("file:/data/b.dcm")
                .add("file:/data/c.dcm");

        SeriesReadyEvent event = parse(Announcement.record("t", "id-3", data, false));

        assertThat(event.instances()).hasSize(3);
        assertThat(event.folder()).isNull();
    }

    @Test
    void refusesBothInstancesAndFolder() {
        ObjectNode data = data();
        data.putArray("instances").add("file:/data/a.dcm");

        assertPoison(Announcement.record("t", "id", data, false), "/: rule 'oneOf'");
    }

    @Test
    void namesThePointerAndRuleButNotTheValue() {
        ObjectNode data = data().put("seriesInstanceUid", "1.2.03.PATIENT-NAME");

        assertThatThrownBy(() -> parse(Announcement.record("t", "id", data, false)))
                .hasMessageContaining("/seriesInstanceUid: rule 'pattern'")
                .hasMessageNotContaining("PATIENT-NAME");
    }

    @Test
    void refusesARecordKeyOtherThanTheStudy() {
        ProducerRecord<String, String> record = Announcement.record("t", "id", data(), false);

        assertThatThrownBy(() -> parser.parse("other", record.headers(), record.value()))
                .isInstanceOf(PoisonRecordException.class).hasMessageContaining("record key");
    }

    @Test
    void refusesRecordsThatAreNoCloudEvent() {
        assertPoison(new ProducerRecord<>("t", STUDY, "{}"), "not a CloudEvent");
    }

    private SeriesReadyEvent parse(ProducerRecord<String, String> record) throws Exception {
        return parser.parse(record.key(), record.headers(), record.value());
    }

    private void assertPoison(ProducerRecord<String, String> record, String expected) {
        assertThatThrownBy(() -> parse(record)).isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining(expected);
    }

    private static ObjectNode data() {
        return Announcement.data(STUDY, SERIES, "MR", 3, URI.create("file:/data/study/T1/"),
                SHA);
    }
}
