package dev.dora.ingest;

import dev.dora.events.EnvelopeCodec;
import dev.dora.events.RawEnvelope;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes envelopes to the raw topic with {@code acks=all} and an idempotent producer, keyed by
 * delivery id. {@code linger.ms=0}: a webhook waits for its own ack, so batching only adds latency.
 */
public final class KafkaEnvelopePublisher implements EnvelopePublisher {
    private final KafkaProducer<String, byte[]> producer;
    private final String topic;

    public KafkaEnvelopePublisher(String bootstrapServers, String topic) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 40 * 1024 * 1024);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "dora-ingest");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    @Override
    public CompletableFuture<Void> publish(RawEnvelope envelope) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            producer.send(
                    new ProducerRecord<>(
                            topic, envelope.dedupeKey(), EnvelopeCodec.encode(envelope)),
                    (metadata, error) -> {
                        if (error == null) {
                            done.complete(null);
                        } else {
                            done.completeExceptionally(error);
                        }
                    });
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
