package dev.dora.ingest;

import dev.dora.events.RawEnvelope;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test double for Kafka: keeps envelopes in memory and acknowledges at once. */
public final class RecordingPublisher implements EnvelopePublisher {
    public final List<RawEnvelope> envelopes = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<Void> publish(RawEnvelope envelope) {
        envelopes.add(envelope);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {}
}
