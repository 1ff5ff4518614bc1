package io.segstream.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node Kafka (KRaft, broker and controller in one node) inside the test JVM, with
 * the worker's topics created, and {@code kafka.bootstrap.servers} pointed at it. Use it from a
 * test profile's {@code testResources()} or with {@code @WithTestResource}.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    /** The worker's topics; two partitions where records are keyed by study. */
    public static final Map<String, Integer> TOPICS = Map.of(
            "dicom.series.ready", 2,
            "segmentation.results", 2,
            "segmentation.failures", 2,
            "segstream.dead-letter", 1);

    private static volatile String bootstrapServers;
    private static volatile KafkaClusterTestKit running;
    private KafkaClusterTestKit cluster;

    /** Where the running broker listens; set while a test resource is started. */
    public static String bootstrapServers() {
        if (bootstrapServers == null) {
            throw new IllegalStateException("the test broker is not running");
        }
        return bootstrapServers;
    }

    /** Points the test clients ({@link Topics}) at a broker started elsewhere, for benchmarks. */
    public static void useExternalBroker(String servers) {
        bootstrapServers = servers;
    }

    @Override
    public Map<String, String> start() {
        try {
            cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            bootstrapServers = cluster.bootstrapServers();
            running = cluster;
            createTopics();
            return Map.of("kafka.bootstrap.servers", bootstrapServers);
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("cannot start the test Kafka broker", e);
        }
    }

    private void createTopics() throws Exception {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(properties)) {
            List<NewTopic> topics = TOPICS.entrySet().stream()
                    .map(t -> new NewTopic(t.getKey(), t.getValue(), (short) 1)).toList();
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** Shuts the broker down (the controller stays), as a broker outage would. */
    public static void shutDownBroker() {
        for (BrokerServer broker : running.brokers().values()) {
            broker.shutdown();
            broker.awaitShutdown();
        }
    }

    /** Starts the broker again on the same port and log folders, after shutDownBroker(). */
    public static void startBrokerAgain() throws Exception {
        for (BrokerServer broker : running.brokers().values()) {
            broker.startup();
        }
        running.waitForReadyBrokers();
    }

    @Override
    public void stop() {
        bootstrapServers = null;
        running = null;
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop the test Kafka broker", e);
            } finally {
                cluster = null;
            }
        }
    }
}
