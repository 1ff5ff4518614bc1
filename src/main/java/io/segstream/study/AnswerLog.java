package io.segstream.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.segstream.pipeline.StudyProcessor;
import io.segstream.publish.ModelInfo;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads what the worker has already answered back from the broker, so that a restarted worker
 * does not segment a study a second time. At start-up it reads {@code segmentation.results} and
 * {@code segmentation.failures} from the beginning to their end offsets (all partitions, no
 * consumer group) and adds every study key to {@link AnsweredStudies}: every failure, and the
 * results made by the model this worker runs (a new model version answers a study anew). Only
 * then does it resume the {@code series-ready} channel, which starts paused; readiness is down
 * until then. Afterwards it keeps following both topics, so that answers published by other
 * instances of the group count too.
 */
@Singleton
public class AnswerLog {

    private static final Logger LOG = Logger.getLogger(AnswerLog.class);
    private static final String CHANNEL = "series-ready";
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(2);

    @Inject AnsweredStudies answered;
    @Inject StudyProcessor processor;
    @Inject ChannelRegistry channels;
    @Inject ObjectMapper json;
    @Inject @Identifier("default-kafka-broker") Map<String, Object> kafka;

    @ConfigProperty(name = "mp.messaging.outgoing.segmentation-results.topic")
    String resultsTopic;

    @ConfigProperty(name = "mp.messaging.outgoing.segmentation-failures.topic")
    String failuresTopic;

    private volatile boolean seeded;
    private volatile boolean stopping;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread follower;

    /** After the model is loaded (default priority), so that its identity is known. */
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent event) {
        follower = new Thread(this::follow, "segstream-answer-log");
        follower.setDaemon(true);
        follower.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        KafkaConsumer<String, String> open = consumer;
        if (open != null) {
            open.wakeup();
        }
        if (follower != null) {
            follower.join(Duration.ofSeconds(5).toMillis());
        }
    }

    /** True once every answer on the broker at start-up has been read. */
    public boolean isSeeded() {
        return seeded;
    }

    private void follow() {
        Optional<ModelInfo> model = processor.model();
        while (!stopping) {
            try (KafkaConsumer<String, String> open = newConsumer()) {
                consumer = open;
                if (stopping) {
                    return;
                }
                read(open, model);
            } catch (WakeupException e) {
                return;
            } catch (KafkaException e) {
                LOG.warnf("reading the answer topics failed (%s); retrying in %s", e.toString(),
                        RETRY);
                pause();
            }
        }
    }

    private void read(KafkaConsumer<String, String> open, Optional<ModelInfo> model) {
        long started = System.nanoTime();
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(resultsTopic, failuresTopic)) {
            open.partitionsFor(topic).forEach(p ->
                    partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        open.assign(partitions);
        open.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = new HashMap<>(open.endOffsets(partitions));
        int[] counted = new int[2];
        while (!stopping) {
            for (ConsumerRecord<String, String> record : open.poll(POLL)) {
                take(record, model, counted);
            }
            if (!seeded && reached(open, end)) {
                seeded();
                String madeBy = model.map(m -> m.name() + " " + m.version()).orElse("any model");
                LOG.infof("answer log read in %d ms: %d results by %s and %d failures; "
                        + "%d studies known as answered", (System.nanoTime() - started) / 1_000_000,
                        counted[0], madeBy, counted[1], answered.size());
            }
        }
    }

    private void take(ConsumerRecord<String, String> record, Optional<ModelInfo> model,
            int[] counted) {
        if (record.key() == null) {
            return;
        }
        boolean result = record.topic().equals(resultsTopic);
        if (result && model.isPresent() && !madeBy(record, model.get())) {
            return;
        }
        answered.add(record.key());
        counted[result ? 0 : 1]++;
    }

    private boolean madeBy(ConsumerRecord<String, String> record, ModelInfo model) {
        try {
            JsonNode made = json.readTree(record.value()).path("model");
            return model.name().equals(made.path("name").asText())
                    && model.version().equals(made.path("version").asText());
        } catch (IOException | IllegalArgumentException e) {
            LOG.debugf("[%s-%d@%d] not a readable result; ignored", record.topic(),
                    record.partition(), record.offset());
            return false;
        }
    }

    private static boolean reached(KafkaConsumer<String, String> open,
            Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (open.position(partition.getKey()) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void seeded() {
        seeded = true;
        PausableChannel channel = channels.getPausable(CHANNEL);
        if (channel == null) {
            throw new IllegalStateException("the " + CHANNEL + " channel is not pausable; set "
                    + "mp.messaging.incoming." + CHANNEL + ".pausable=true");
        }
        channel.resume();
    }

    private KafkaConsumer<String, String> newConsumer() {
        Map<String, Object> properties = new HashMap<>(kafka);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "segstream-answer-log");
        return new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer());
    }

    private void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }
}
