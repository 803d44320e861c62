package dev.dora.ingest;

import dev.dora.events.Topics;
import java.util.Map;

/**
 * Runs ingest alone, as one of N stateless replicas in front of an existing Kafka cluster: {@code
 * DORA_KAFKA_BOOTSTRAP=host:9092 DORA_GITHUB_SECRET=... java -cp dora.jar
 * dev.dora.ingest.IngestMain [port]}.
 */
public final class IngestMain {
    private IngestMain() {}

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        String bootstrap = required(env, "DORA_KAFKA_BOOTSTRAP");
        IngestConfig config =
                new IngestConfig(
                        Map.of("github", required(env, "DORA_GITHUB_SECRET")),
                        IngestConfig.DEFAULT_MAX_BODY_BYTES);
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8081;
        EnvelopePublisher publisher = new KafkaEnvelopePublisher(bootstrap, Topics.RAW);
        var app = IngestApp.create(config, publisher).start(port);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    app.stop();
                                    publisher.close();
                                }));
    }

    private static String required(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(name + " must be set");
        }
        return v;
    }
}
