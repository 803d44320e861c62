package dev.dora.jobs;

import dev.dora.events.EnvelopeCodec;
import dev.dora.events.RawEnvelope;
import java.time.Instant;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Kafka records to envelopes. A record that is not an envelope is not dropped: it becomes an
 * envelope of source {@code invalid} (id from its topic, partition and offset) that the parse step
 * rejects with the decoding error as its reason.
 */
public final class EnvelopeDeserializer implements KafkaRecordDeserializationSchema<RawEnvelope> {
    public static final String INVALID_SOURCE = "invalid";
    public static final String DECODE_ERROR_HEADER = "x-dora-decode-error";

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawEnvelope> out) {
        byte[] value = record.value() == null ? new byte[0] : record.value();
        try {
            out.collect(EnvelopeCodec.decode(value));
        } catch (IllegalArgumentException e) {
            String id = record.topic() + "-" + record.partition() + "-" + record.offset();
            out.collect(
                    new RawEnvelope(
                            id,
                            INVALID_SOURCE,
                            "unknown",
                            id,
                            Instant.ofEpochMilli(Math.max(0, record.timestamp())),
                            Map.of(DECODE_ERROR_HEADER, "not an envelope: " + e.getMessage()),
                            value));
        }
    }

    @Override
    public TypeInformation<RawEnvelope> getProducedType() {
        return TypeInformation.of(RawEnvelope.class);
    }
}
