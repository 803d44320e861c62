package dev.dora.bench;

import dev.dora.app.EmbeddedKafka;
import dev.dora.events.Topics;
import dev.dora.ingest.IngestApp;
import dev.dora.ingest.IngestConfig;
import dev.dora.ingest.spool.Spool;
import dev.dora.ingest.spool.SpooledKafkaPublisher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * The ingest stage as it runs at scale, on one machine: the real {@link IngestApp} (the same
 * routes, spool and producer as {@code IngestMain}) in front of a real KRaft broker, with no Flink
 * job consuming. {@code bench/ingest.sh --stage ingest} loads it to separate what ingest costs from
 * what the rest of the embedded pipeline costs on the same two cores.
 *
 * <p>Usage: {@code IngestStage PORT DIR}; writes the GitHub secret to {@code DIR/secrets/github}.
 */
public final class IngestStage {
    private IngestStage() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = HexFormat.of().formatHex(random);
        Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(dir.resolve("secrets/github"), secret);
        EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"));
        EmbeddedKafka.ensureTopic(kafka.bootstrap(), Topics.RAW, 1); // as dora up does
        SpooledKafkaPublisher publisher =
                SpooledKafkaPublisher.start(
                        kafka.bootstrap(),
                        Topics.RAW,
                        dir.resolve("spool"),
                        Spool.DEFAULT_MAX_BYTES);
        var app =
                IngestApp.create(
                                new IngestConfig(
                                        Map.of("github", secret),
                                        IngestConfig.DEFAULT_MAX_BODY_BYTES),
                                publisher)
                        .start("127.0.0.1", port);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    app.stop();
                                    publisher.close();
                                    kafka.close();
                                }));
    }
}
