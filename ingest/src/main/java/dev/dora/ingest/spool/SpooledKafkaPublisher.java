package dev.dora.ingest.spool;

import dev.dora.events.RawEnvelope;
import dev.dora.ingest.EnvelopePublisher;
import dev.dora.ingest.KafkaEnvelopePublisher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production wiring of the spool, shared by {@code dora up} and the stand-alone ingest: a Kafka
 * publisher, the spool in a directory, the {@link SpoolingPublisher} in front and the {@link
 * SpoolForwarder} behind. Closing stops the forwarder before the producer it sends through.
 */
public final class SpooledKafkaPublisher implements EnvelopePublisher {
    private static final Logger LOG = LoggerFactory.getLogger(SpooledKafkaPublisher.class);

    private final KafkaEnvelopePublisher kafka;
    private final Spool spool;
    private final SpoolingPublisher spooling;
    private final SpoolForwarder forwarder;

    private SpooledKafkaPublisher(KafkaEnvelopePublisher kafka, Spool spool) {
        this.kafka = kafka;
        this.spool = spool;
        this.spooling = new SpoolingPublisher(kafka, spool);
        this.forwarder = new SpoolForwarder(spool, kafka).start();
    }

    /**
     * Opens the spool (recovering what an earlier run left in it) and starts forwarding it.
     *
     * @throws IOException when the spool directory cannot be opened
     */
    public static SpooledKafkaPublisher start(
            String bootstrapServers, String topic, Path spoolDir, long spoolMaxBytes)
            throws IOException {
        Spool spool = Spool.open(spoolDir, spoolMaxBytes);
        try {
            return new SpooledKafkaPublisher(
                    new KafkaEnvelopePublisher(bootstrapServers, topic), spool);
        } catch (RuntimeException e) {
            spool.close();
            throw e;
        }
    }

    @Override
    public CompletableFuture<Void> publish(RawEnvelope envelope) {
        return spooling.publish(envelope);
    }

    /** Records waiting in the spool for Kafka (for {@code /metrics}). */
    public long spoolDepth() {
        return spool.depth();
    }

    @Override
    public void close() {
        forwarder.close();
        spooling.close();
        kafka.close();
        try {
            spool.close();
        } catch (IOException e) {
            LOG.warn("error while closing the spool: {}", e.toString());
        }
    }
}
