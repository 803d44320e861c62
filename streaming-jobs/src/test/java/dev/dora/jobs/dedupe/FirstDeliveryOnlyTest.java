package dev.dora.jobs.dedupe;

import static dev.dora.jobs.EventFixtures.delivery;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dora.events.RawEnvelope;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FirstDeliveryOnlyTest {
    private KeyedOneInputStreamOperatorTestHarness<String, RawEnvelope, RawEnvelope> harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new FirstDeliveryOnly(Duration.ofDays(8))),
                        RawEnvelope::dedupeKey,
                        Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void redeliveryOfTheSameWebhookIsDropped() throws Exception {
        RawEnvelope first = delivery("d-1");
        // A redelivery has the same delivery id but a new receipt (event id).
        RawEnvelope redelivery =
                new RawEnvelope(
                        "evt-redelivered",
                        first.source(),
                        first.eventType(),
                        first.deliveryId(),
                        first.receivedAt().plusSeconds(30),
                        first.headers(),
                        first.body());

        harness.processElement(first, 0L);
        harness.processElement(redelivery, 0L);

        assertThat(harness.extractOutputValues()).containsExactly(first);
    }

    @Test
    void differentDeliveriesBothPass() throws Exception {
        harness.processElement(delivery("d-1"), 0L);
        harness.processElement(delivery("d-2"), 0L);

        assertThat(harness.extractOutputValues()).containsExactly(delivery("d-1"), delivery("d-2"));
    }
}
