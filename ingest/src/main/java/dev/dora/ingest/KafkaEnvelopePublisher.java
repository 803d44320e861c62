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

    /**
     * Short, so that a dead broker is noticed quickly and the spool takes over: below {@link
     * dev.dora.ingest.spool.SpoolingPublisher#DEFAULT_TIMEOUT}, so the producer usually gives a
     * record up before the spool is used for it and the two rarely both deliver it.
     */
    public static final Duration DEFAULT_DELIVERY_TIMEOUT = Duration.ofSeconds(4);

    public KafkaEnvelopePublisher(String bootstrapServers, String topic) {
        this(bootstrapServers, topic, DEFAULT_DELIVERY_TIMEOUT);
    }

    /**
     * @param deliveryTimeout how long the producer may try to deliver one record, retries included
     */
    public KafkaEnvelopePublisher(String bootstrapServers, String topic, Duration deliveryTimeout) {
        int delivery = Math.toIntExact(deliveryTimeout.toMillis());
        if (delivery < 100) {
            throw new IllegalArgumentException("Kafka delivery timeout must be at least 100 ms");
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 40 * 1024 * 1024);
        // Kafka requires delivery >= linger + request timeout. send() blocks its caller (a server
        // thread) only while the topic's metadata is unknown; max.block.ms caps that wait.
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, delivery);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, delivery / 2);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, delivery / 4);
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
