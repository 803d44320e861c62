package dev.dora.app;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one), in this JVM, with
 * its log under {@code <data>/kafka}. Kafka's server classes are internal APIs: this class is the
 * only place that touches them. Settings follow STACK.md: replication factor 1 for internal topics,
 * a small cleaner buffer, few threads.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final String CLUSTER_ID_FILE = "cluster-id";
    private final Properties config;
    private final String bootstrap;
    private KafkaRaftServer server; // null while stopped

    private EmbeddedKafka(Properties config, String bootstrap) {
        this.config = config;
        this.bootstrap = bootstrap;
    }

    public static EmbeddedKafka start(Path dir) {
        try {
            Files.createDirectories(dir);
            Path logDir = dir.resolve("log");
            String clusterId = clusterId(dir);
            int brokerPort = freePort();
            int controllerPort = freePort();
            Properties p = new Properties();
            p.put("process.roles", "broker,controller");
            p.put("node.id", "1");
            p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            p.put(
                    "listeners",
                    "PLAINTEXT://127.0.0.1:"
                            + brokerPort
                            + ",CONTROLLER://127.0.0.1:"
                            + controllerPort);
            p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
            p.put("controller.listener.names", "CONTROLLER");
            p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            p.put("inter.broker.listener.name", "PLAINTEXT");
            p.put("log.dirs", logDir.toAbsolutePath().toString());
            p.put("num.partitions", "1");
            p.put("offsets.topic.replication.factor", "1");
            p.put("offsets.topic.num.partitions", "1");
            p.put("transaction.state.log.replication.factor", "1");
            p.put("transaction.state.log.min.isr", "1");
            p.put("transaction.state.log.num.partitions", "1");
            p.put("share.coordinator.state.topic.replication.factor", "1");
            p.put("share.coordinator.state.topic.min.isr", "1");
            p.put("min.insync.replicas", "1");
            p.put("group.initial.rebalance.delay.ms", "0");
            p.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
            p.put("num.network.threads", "2");
            p.put("num.io.threads", "2");
            p.put("background.threads", "2");
            p.put("num.recovery.threads.per.data.dir", "1");
            p.put("message.max.bytes", String.valueOf(40 * 1024 * 1024));
            p.put("auto.create.topics.enable", "false");
            // The raw topic is the archive of record until Parquet has it: keep it a year.
            p.put("log.retention.hours", String.valueOf(24 * 400));

            Formatter formatter =
                    new Formatter()
                            .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                            .setNodeId(1)
                            .setClusterId(clusterId)
                            .setDirectories(List.of(logDir.toAbsolutePath().toString()))
                            .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                            .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                            .setControllerListenerName("CONTROLLER")
                            .setMetadataLogDirectory(logDir.toAbsolutePath().toString())
                            .setIgnoreFormatted(true);
            formatter.run();

            EmbeddedKafka kafka = new EmbeddedKafka(p, "127.0.0.1:" + brokerPort);
            kafka.startBroker();
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "embedded Kafka storage could not be formatted: " + e.getMessage(), e);
        }
    }

    /**
     * Starts the broker on the formatted log and the ports chosen at first start, so clients
     * configured with {@link #bootstrap()} find it again after {@link #stopBroker()}.
     */
    synchronized void startBroker() {
        if (server != null) {
            return;
        }
        try {
            KafkaRaftServer s = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
            s.startup();
            server = s;
            awaitReady(Duration.ofSeconds(60));
        } catch (Exception e) {
            throw new IllegalStateException("embedded Kafka did not start: " + e.getMessage(), e);
        }
    }

    /** Stops the broker and keeps its log, as a crash or an outage would (reliability tests). */
    synchronized void stopBroker() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    public String bootstrap() {
        return bootstrap;
    }

    /** Creates the topic if it does not exist yet. */
    public static void ensureTopic(String bootstrap, String topic, int partitions) {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(
                            List.of(
                                    new NewTopic(topic, partitions, (short) 1)
                                            .configs(
                                                    Map.of(
                                                            "max.message.bytes",
                                                            String.valueOf(40 * 1024 * 1024)))))
                    .all()
                    .get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(
                        "cannot create topic " + topic + ": " + e.getCause(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted creating topic " + topic, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not create topic " + topic + " in time", e);
        }
    }

    private void awaitReady(Duration timeout) throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The cluster id is kept beside the log so a restart reuses the formatted storage. */
    private static String clusterId(Path dir) throws IOException {
        Path file = dir.resolve(CLUSTER_ID_FILE);
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        String id = org.apache.kafka.common.Uuid.randomUuid().toString();
        Files.writeString(file, id);
        return id;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        stopBroker();
    }
}
