package dev.dora.ingest.spool;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dora.events.EnvelopeCodec;
import dev.dora.events.RawEnvelope;
import dev.dora.ingest.EnvelopePublisher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kafka replaced by a scripted double: when envelopes are spooled, and how they are forwarded. */
class SpoolingPublisherTest {
    private static final Duration TIMEOUT = Duration.ofMillis(200);
    private static final Instant RECEIVED = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir Path dir;
    private final ScriptedKafka kafka = new ScriptedKafka();
    private Spool spool;
    private SpoolingPublisher publisher;
    private SpoolForwarder forwarder;

    @AfterEach
    void close() throws IOException {
        if (forwarder != null) {
            forwarder.close();
        }
        publisher.close();
        spool.close();
    }

    @Test
    void whenKafkaFailsTheEnvelopeIsSpooledAndTheWebhookAccepted() throws Exception {
        start(1024 * 1024);
        kafka.mode = Mode.FAIL;

        publisher.publish(envelope(1)).get(5, TimeUnit.SECONDS);

        assertThat(spooled()).containsExactly(envelope(1));
    }

    @Test
    void whenKafkaDoesNotAnswerInTimeTheEnvelopeIsSpooled() throws Exception {
        start(1024 * 1024);
        kafka.mode = Mode.HANG;

        publisher.publish(envelope(1)).get(5, TimeUnit.SECONDS);

        assertThat(spooled()).containsExactly(envelope(1));
    }

    @Test
    void whenTheSpoolIsFullTooTheFutureFails() throws Exception {
        start(64); // smaller than one encoded envelope
        kafka.mode = Mode.FAIL;

        CompletableFuture<Void> stored = publisher.publish(envelope(1));

        assertThatThrownBy(() -> stored.get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(SpoolFullException.class);
        assertThat(spool.depth()).isZero();
    }

    @Test
    void whileRecordsArePendingNewEnvelopesQueueBehindThem() throws Exception {
        start(1024 * 1024);
        spool.append(EnvelopeCodec.encode(envelope(1)));
        kafka.mode = Mode.ACK; // Kafka is back, but the forwarder has not caught up yet

        publisher.publish(envelope(2)).get(5, TimeUnit.SECONDS);

        assertThat(kafka.acked).isEmpty();
        assertThat(spooled()).containsExactly(envelope(1), envelope(2));
    }

    @Test
    void theForwarderDrainsInOrderOnceKafkaIsBackAndThenPublishingGoesDirect() throws Exception {
        start(1024 * 1024);
        kafka.mode = Mode.FAIL;
        for (int i = 1; i <= 5; i++) {
            publisher.publish(envelope(i)).get(5, TimeUnit.SECONDS);
        }
        forwarder = new SpoolForwarder(spool, kafka, TIMEOUT, ms(10), ms(40)).start();
        Thread.sleep(100); // a few failed attempts with back-off
        assertThat(spool.depth()).isEqualTo(5);

        kafka.mode = Mode.ACK;
        await(() -> spool.depth() == 0);

        assertThat(kafka.acked)
                .containsExactly(envelope(1), envelope(2), envelope(3), envelope(4), envelope(5));
        publisher.publish(envelope(6)).get(5, TimeUnit.SECONDS);
        assertThat(kafka.acked).hasSize(6).endsWith(envelope(6));
        assertThat(spool.depth()).isZero();
    }

    @Test
    void aRecordLeavesTheSpoolOnlyAfterItsAckAndIsRetriedAfterAFailure() throws Exception {
        start(1024 * 1024);
        spool.append(EnvelopeCodec.encode(envelope(1)));
        kafka.mode = Mode.MANUAL;
        forwarder = new SpoolForwarder(spool, kafka, Duration.ofSeconds(30), ms(10), ms(40));
        forwarder.start();

        Sent first = kafka.sent.poll(5, TimeUnit.SECONDS);
        assertThat(first.envelope).isEqualTo(envelope(1));
        Thread.sleep(100);
        assertThat(spool.depth()).isEqualTo(1); // sent, not acknowledged: still in the spool

        first.ack.completeExceptionally(new IOException("broker went away"));
        Sent again = kafka.sent.poll(5, TimeUnit.SECONDS);
        assertThat(again.envelope).isEqualTo(envelope(1));
        assertThat(spool.depth()).isEqualTo(1);

        again.ack.complete(null);
        await(() -> spool.depth() == 0);
    }

    @Test
    void aRecordKafkaRefusesAsTooLargeIsNotSpooled() throws Exception {
        start(1024 * 1024);
        kafka.tooLarge = "event-1";

        CompletableFuture<Void> stored = publisher.publish(envelope(1));

        assertThatThrownBy(() -> stored.get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(RecordTooLargeException.class);
        assertThat(spool.depth()).isZero();
    }

    @Test
    void aSpooledRecordKafkaRefusesAsTooLargeIsSetAsideAndTheRestForwarded() throws Exception {
        start(1024 * 1024);
        spool.append(EnvelopeCodec.encode(envelope(1)));
        spool.append(EnvelopeCodec.encode(envelope(2)));
        kafka.tooLarge = "event-1";

        forwarder = new SpoolForwarder(spool, kafka, TIMEOUT, ms(10), ms(40)).start();
        await(() -> spool.depth() == 0);

        assertThat(kafka.acked).containsExactly(envelope(2));
        try (Stream<Path> files = Files.list(dir.resolve("rejected"))) {
            List<Path> kept = files.toList();
            assertThat(kept).hasSize(1);
            assertThat(EnvelopeCodec.decode(Files.readAllBytes(kept.get(0))))
                    .isEqualTo(envelope(1));
        }
    }

    private void start(long maxBytes) throws IOException {
        spool = Spool.open(dir, maxBytes);
        publisher = new SpoolingPublisher(kafka, spool, TIMEOUT);
    }

    private List<RawEnvelope> spooled() throws IOException {
        return spool.peek(100, Long.MAX_VALUE).stream()
                .map(r -> EnvelopeCodec.decode(r.data()))
                .toList();
    }

    private static RawEnvelope envelope(int i) {
        return new RawEnvelope(
                "event-" + i,
                "github",
                "push",
                "delivery-" + i,
                RECEIVED,
                Map.of("x-github-event", "push"),
                ("{\"n\":" + i + "}").getBytes(UTF_8));
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 10 s");
            }
            Thread.sleep(10);
        }
    }

    private enum Mode {
        FAIL,
        HANG,
        ACK,
        MANUAL
    }

    private record Sent(RawEnvelope envelope, CompletableFuture<Void> ack) {}

    /** Kafka as the test scripts it: failing, silent, acknowledging, or acknowledged by hand. */
    private static final class ScriptedKafka implements EnvelopePublisher {
        volatile Mode mode = Mode.ACK;
        volatile String tooLarge; // an event id the broker refuses whatever the mode
        final List<RawEnvelope> acked = new CopyOnWriteArrayList<>();
        final BlockingQueue<Sent> sent = new LinkedBlockingQueue<>();

        @Override
        public CompletableFuture<Void> publish(RawEnvelope envelope) {
            if (envelope.eventId().equals(tooLarge)) {
                return CompletableFuture.failedFuture(new RecordTooLargeException("too large"));
            }
            return switch (mode) {
                case FAIL -> CompletableFuture.failedFuture(new IOException("broker down"));
                case HANG -> new CompletableFuture<>();
                case ACK -> {
                    acked.add(envelope);
                    yield CompletableFuture.completedFuture(null);
                }
                case MANUAL -> {
                    CompletableFuture<Void> ack = new CompletableFuture<>();
                    sent.add(new Sent(envelope, ack));
                    yield ack;
                }
            };
        }

        @Override
        public void close() {}
    }
}
