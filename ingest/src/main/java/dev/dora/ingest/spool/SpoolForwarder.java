package dev.dora.ingest.spool;

import dev.dora.events.EnvelopeCodec;
import dev.dora.events.RawEnvelope;
import dev.dora.ingest.EnvelopePublisher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the {@link Spool} into Kafka on one background thread, oldest record first. The spool's
 * position moves past a record only once Kafka acknowledged it and every record before it; on a
 * failure the forwarder waits (200 ms, doubling up to 5 s) and sends the unacknowledged records
 * again, probing with one record at a time until Kafka answers.
 *
 * <p>Delivery into Kafka is at least once: a crash between an ack and the position update, or an
 * ack lost on the way back, sends a record twice. The streaming job keeps only the first delivery
 * per source and delivery id, so the copy never reaches a table.
 */
public final class SpoolForwarder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SpoolForwarder.class);
    private static final int BATCH_RECORDS = 64;
    private static final long BATCH_BYTES = 4L * 1024 * 1024;

    private final Spool spool;
    private final EnvelopePublisher kafka;
    private final Duration timeout;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final Thread thread = new Thread(this::run, "dora-spool-forwarder");
    private volatile boolean running = true;

    public SpoolForwarder(Spool spool, EnvelopePublisher kafka) {
        this(
                spool,
                kafka,
                SpoolingPublisher.DEFAULT_TIMEOUT,
                Duration.ofMillis(200),
                Duration.ofSeconds(5));
    }

    /**
     * @param timeout how long to wait for Kafka's acks of one batch
     */
    public SpoolForwarder(
            Spool spool,
            EnvelopePublisher kafka,
            Duration timeout,
            Duration minBackoff,
            Duration maxBackoff) {
        this.spool = spool;
        this.kafka = kafka;
        this.timeout = timeout;
        this.minBackoff = minBackoff;
        this.maxBackoff = maxBackoff;
        thread.setDaemon(true);
    }

    public SpoolForwarder start() {
        thread.start();
        return this;
    }

    private void run() {
        Duration backoff = Duration.ZERO;
        try {
            while (running) {
                if (!spool.awaitPending(500)) {
                    continue;
                }
                boolean ok;
                try {
                    ok = forward(backoff.isZero() ? BATCH_RECORDS : 1);
                } catch (IOException | RuntimeException e) {
                    LOG.error("cannot forward the spool to Kafka: {}", e.toString());
                    ok = false;
                }
                if (ok) {
                    backoff = Duration.ZERO;
                } else {
                    backoff =
                            backoff.isZero()
                                    ? minBackoff
                                    : min(backoff.multipliedBy(2), maxBackoff);
                    Thread.sleep(backoff.toMillis());
                }
            }
        } catch (InterruptedException e) {
            // closed: what is not acknowledged stays in the spool for the next start
        }
    }

    /** Sends the next records; commits the acknowledged prefix. True when all were acknowledged. */
    private boolean forward(int maxRecords) throws IOException, InterruptedException {
        List<SpooledRecord> batch = spool.peek(maxRecords, BATCH_BYTES);
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (SpooledRecord e : batch) {
            acks.add(send(e));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        SpooledRecord acknowledged = null;
        Exception failure = null;
        for (int i = 0; i < batch.size() && failure == null; i++) {
            try {
                acks.get(i).get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                acknowledged = batch.get(i);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RecordTooLargeException) {
                    setAside(batch.get(i), e.getCause().getMessage());
                    acknowledged = batch.get(i);
                } else {
                    failure = e;
                }
            } catch (TimeoutException e) {
                failure = e;
            }
        }
        if (acknowledged != null) {
            spool.commit(acknowledged);
        }
        if (failure != null) {
            LOG.warn(
                    "Kafka did not acknowledge spooled records ({} still pending): {}",
                    spool.depth(),
                    failure instanceof ExecutionException ? failure.getCause() : "timed out");
        }
        return failure == null;
    }

    private CompletableFuture<Void> send(SpooledRecord e) {
        RawEnvelope envelope;
        try {
            envelope = EnvelopeCodec.decode(e.data());
        } catch (IllegalArgumentException notAnEnvelope) {
            try {
                setAside(e, notAnEnvelope.getMessage());
                return CompletableFuture.completedFuture(null);
            } catch (IOException ex) {
                return CompletableFuture.failedFuture(ex);
            }
        }
        try {
            return kafka.publish(envelope);
        } catch (RuntimeException ex) {
            return CompletableFuture.failedFuture(ex);
        }
    }

    /**
     * A record Kafka will never take (too large for the broker, or not an envelope at all) would
     * hold up every record behind it forever: it is moved to {@code <spool>/rejected/} instead, for
     * an operator to look at, and the spool goes on.
     */
    private void setAside(SpooledRecord r, String reason) throws IOException {
        Path dir = spool.directory().resolve("rejected");
        Files.createDirectories(dir);
        Path file = dir.resolve(System.currentTimeMillis() + "-" + r.sequence() + ".envelope");
        Files.write(file, r.data());
        LOG.error(
                "Kafka cannot take spooled record {} ({}); it is kept in {}",
                r.sequence(),
                reason,
                file);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Stops forwarding; records not yet acknowledged stay in the spool. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
