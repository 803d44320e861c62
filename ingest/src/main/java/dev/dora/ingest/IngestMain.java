package dev.dora.ingest;

import dev.dora.events.Topics;
import dev.dora.ingest.sources.WebhookSources;
import dev.dora.ingest.spool.Spool;
import dev.dora.ingest.spool.SpooledKafkaPublisher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs ingest alone, as one of N stateless replicas in front of an existing Kafka cluster: {@code
 * DORA_KAFKA_BOOTSTRAP=host:9092 DORA_GITHUB_SECRET=... java -cp dora.jar
 * dev.dora.ingest.IngestMain [port]}. Each source's secret is read from {@code
 * DORA_<SOURCE>_SECRET}; a source without one refuses every request with 401. While Kafka is
 * unreachable, webhooks are kept in a local spool ({@code DORA_SPOOL_DIR}, default {@code
 * ./spool}): give each replica its own directory.
 */
public final class IngestMain {
    private static final Logger LOG = LoggerFactory.getLogger(IngestMain.class);

    private IngestMain() {}

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        String bootstrap = required(env, "DORA_KAFKA_BOOTSTRAP");
        IngestConfig config = new IngestConfig(secrets(env), IngestConfig.DEFAULT_MAX_BODY_BYTES);
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8081;
        Path spoolDir = Path.of(env.getOrDefault("DORA_SPOOL_DIR", "./spool"));
        EnvelopePublisher publisher;
        try {
            publisher =
                    SpooledKafkaPublisher.start(
                            bootstrap, Topics.RAW, spoolDir, Spool.DEFAULT_MAX_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the spool in " + spoolDir, e);
        }
        var app = IngestApp.create(config, publisher).start(port);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    app.stop();
                                    publisher.close();
                                }));
    }

    /** {@code DORA_<SOURCE>_SECRET} of every source that has one; names only are logged. */
    static Map<String, String> secrets(Map<String, String> env) {
        Map<String, String> secrets = new LinkedHashMap<>();
        List<String> refused = new ArrayList<>();
        for (String source : WebhookSources.NAMES) {
            String value = env.get(WebhookSources.secretVariable(source));
            if (value == null || value.isBlank()) {
                refused.add(source);
            } else {
                secrets.put(source, value);
            }
        }
        if (!refused.isEmpty()) {
            LOG.warn("no secret set for {}: their webhooks are refused with 401", refused);
        }
        return secrets;
    }

    private static String required(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(name + " must be set");
        }
        return v;
    }
}
