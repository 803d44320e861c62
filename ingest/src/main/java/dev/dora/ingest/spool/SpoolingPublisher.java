package dev.dora.ingest.spool;

import dev.dora.events.EnvelopeCodec;
import dev.dora.events.RawEnvelope;
import dev.dora.ingest.EnvelopePublisher;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes to Kafka while Kafka answers, and to the local {@link Spool} when it does not: an
 * envelope is durable once Kafka acknowledged it or once it is fsynced to the spool, and either way
 * the returned future completes normally (the webhook gets its 202). It fails (503) only when the
 * spool is full or cannot be written, or when Kafka refuses the record itself (too large).
 *
 * <p>While the spool holds records, new envelopes go to the spool behind them, so that the {@link
 * SpoolForwarder} delivers everything in the order it was received. A send that times out may still
 * reach Kafka later, next to its spooled copy: the streaming job drops the second delivery by
 * source and delivery id, so that costs nothing but a few bytes.
 */
public final class SpoolingPublisher implements EnvelopePublisher {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(SpoolingPublisher.class);
    private static final int QUEUED_APPENDS = 1024;

    private final EnvelopePublisher kafka;
    private final Spool spool;
    private final Duration timeout;
    private final ExecutorService appender;

    /** Appends decided but not yet done: they count as pending records for the ordering rule. */
    private final AtomicInteger appending = new AtomicInteger();

    public SpoolingPublisher(EnvelopePublisher kafka, Spool spool) {
        this(kafka, spool, DEFAULT_TIMEOUT);
    }

    /**
     * @param timeout how long to wait for Kafka's ack before spooling instead
     */
    public SpoolingPublisher(EnvelopePublisher kafka, Spool spool, Duration timeout) {
        this.kafka = kafka;
        this.spool = spool;
        this.timeout = timeout;
        // One thread keeps appends in the order they were decided and keeps fsync off both the
        // server's threads and the Kafka producer's I/O thread; a full queue answers 503.
        this.appender =
                new ThreadPoolExecutor(
                        1,
                        1,
                        0,
                        TimeUnit.MILLISECONDS,
                        new ArrayBlockingQueue<>(QUEUED_APPENDS),
                        r -> {
                            Thread t = new Thread(r, "dora-spool-append");
                            t.setDaemon(true);
                            return t;
                        });
    }

    @Override
    public CompletableFuture<Void> publish(RawEnvelope envelope) {
        if (spool.depth() > 0 || appending.get() > 0) {
            return append(envelope, null);
        }
        CompletableFuture<Void> sent;
        try {
            sent = kafka.publish(envelope).copy(); // a copy: the timeout must not touch its future
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(
                        error ->
                                unwrap(error) instanceof RecordTooLargeException
                                        // Kafka will never take it: spooled, it would block
                                        // every record behind it.
                                        ? CompletableFuture.failedFuture(unwrap(error))
                                        : append(envelope, error));
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    /** Appends on the appender thread; the future completes once the record is on disk. */
    private CompletableFuture<Void> append(RawEnvelope envelope, Throwable kafkaError) {
        CompletableFuture<Void> stored = new CompletableFuture<>();
        appending.incrementAndGet();
        try {
            appender.execute(
                    () -> {
                        if (kafkaError != null) {
                            LOG.warn(
                                    "Kafka did not take {} ({}); spooling it",
                                    envelope,
                                    kafkaError.toString());
                        }
                        try {
                            spool.append(EnvelopeCodec.encode(envelope));
                            stored.complete(null);
                        } catch (IOException | RuntimeException e) {
                            stored.completeExceptionally(e);
                        } finally {
                            appending.decrementAndGet();
                        }
                    });
        } catch (RejectedExecutionException e) { // the queue is full, or we are closing
            appending.decrementAndGet();
            stored.completeExceptionally(e);
        }
        return stored;
    }

    /** Records waiting in the spool for Kafka (for {@code /metrics}). */
    public long spoolDepth() {
        return spool.depth();
    }

    /**
     * Finishes the appends already accepted; the Kafka publisher and the spool are the caller's.
     */
    @Override
    public void close() {
        appender.shutdown();
        try {
            if (!appender.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("spool appends did not finish in 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
