package io.segstream.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.segstream.StudyFailedException;
import io.segstream.dicom.SeriesAttributes;
import io.segstream.dicom.SeriesReader;
import io.segstream.storage.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Command-line client for demos, outside the worker's JVM.
 *
 * <pre>
 * DemoClient announce DIR [--structured]    one series-ready event per series folder in DIR
 * DemoClient await-result STUDY_UID [--timeout SECONDS]
 * </pre>
 *
 * The broker is {@code $KAFKA_BOOTSTRAP_SERVERS}, default {@code localhost:9092}. await-result
 * prints the answer's data as pretty JSON and exits 0 for a result, 2 for a failure, 1 when none
 * arrived in time.
 */
public final class DemoClient {

    static final String SERIES_READY_TOPIC = "dicom.series.ready";
    static final List<String> ANSWER_TOPICS =
            List.of("segmentation.results", "segmentation.failures");

    /** Held so the level sticks: the Kafka clients log every configuration at INFO. */
    private static final Logger KAFKA_LOGS = Logger.getLogger("org.apache.kafka");

    private final String bootstrapServers;

    private DemoClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public static void main(String[] args) throws Exception {
        KAFKA_LOGS.setLevel(Level.WARNING);
        String bootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS",
                "localhost:9092");
        DemoClient client = new DemoClient(bootstrap);
        if (args.length >= 2 && args[0].equals("announce")) {
            boolean structured = List.of(args).contains("--structured");
            System.exit(client.announce(Path.of(args[1]), structured));
        } else if (args.length >= 2 && args[0].equals("await-result")) {
            long seconds = 600;
            for (int i = 2; i + 1 < args.length; i++) {
                if (args[i].equals("--timeout")) {
                    seconds = Long.parseLong(args[i + 1]);
                }
            }
            System.exit(client.awaitResult(args[1], Duration.ofSeconds(seconds)));
        } else {
            System.err.println("usage: DemoClient announce DIR [--structured]\n"
                    + "       DemoClient await-result STUDY_UID [--timeout SECONDS]");
            System.exit(64);
        }
    }

    /** Announces every sub-folder of {@code dir} that holds a DICOM series. */
    int announce(Path dir, boolean structured) throws Exception {
        List<Path> folders;
        try (Stream<Path> entries = Files.list(dir)) {
            folders = entries.filter(Files::isDirectory).sorted().toList();
        }
        SeriesReader reader = new SeriesReader();
        int announced = 0;
        try (KafkaProducer<String, String> producer = producer()) {
            for (Path folder : folders) {
                List<Path> files = regularFiles(folder);
                if (files.isEmpty()) {
                    continue;
                }
                SeriesAttributes series;
                try {
                    series = reader.readAttributes(files.get(0));
                } catch (StudyFailedException e) {
                    System.err.println("skipped " + folder.getFileName() + "/: " + e.getMessage());
                    continue;
                }
                ObjectNode data = Announcement.data(series.studyInstanceUid(),
                        series.seriesInstanceUid(), series.modality(), files.size(),
                        folder.toAbsolutePath().toUri(), Sha256.of(files));
                String id = UUID.randomUUID().toString();
                producer.send(Announcement.record(SERIES_READY_TOPIC, id, data, structured))
                        .get();
                System.out.println("announced " + folder.getFileName() + "/ (" + files.size()
                        + " instances) as event " + id);
                announced++;
            }
        }
        return announced > 0 ? 0 : 1;
    }

    /** Waits for the answer for the study on either answer topic. */
    int awaitResult(String studyInstanceUid, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        ObjectMapper json = new ObjectMapper();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : ANSWER_TOPICS) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30)).forEach(p ->
                        partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record :
                        consumer.poll(Duration.ofMillis(500))) {
                    if (!studyInstanceUid.equals(record.key())) {
                        continue;
                    }
                    Header type = record.headers().lastHeader("ce_type");
                    System.err.println((type == null ? "?" : new String(type.value(),
                            StandardCharsets.UTF_8)) + " on " + record.topic());
                    System.out.println(json.writerWithDefaultPrettyPrinter()
                            .writeValueAsString(json.readTree(record.value())));
                    return record.topic().equals("segmentation.results") ? 0 : 2;
                }
            }
        }
        System.err.println("no answer for the study within " + timeout);
        return 1;
    }

    private static List<Path> regularFiles(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
    }

    private KafkaProducer<String, String> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    private KafkaConsumer<String, String> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer());
    }
}
