package dev.dora.surveys;

import dev.dora.events.RawEnvelope;
import java.util.concurrent.CompletableFuture;

/**
 * Where responses go: the same durable path as webhooks (Kafka, or the spool while Kafka is down).
 * The future completes once the envelope is safe; only then is the respondent thanked.
 */
@FunctionalInterface
public interface ResponsePublisher {
    CompletableFuture<Void> publish(RawEnvelope envelope);
}
