package dev.dora.ingest;

import dev.dora.events.RawEnvelope;
import java.util.concurrent.CompletableFuture;

/**
 * Makes an envelope durable. The returned future completes only once the envelope is safe (for
 * Kafka: acknowledged by all in-sync replicas), so a webhook is answered only after that.
 */
public interface EnvelopePublisher extends AutoCloseable {
    CompletableFuture<Void> publish(RawEnvelope envelope);

    @Override
    void close();
}
