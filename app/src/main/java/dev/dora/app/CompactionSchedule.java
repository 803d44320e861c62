package dev.dora.app;

import dev.dora.warehouse.Warehouse;
import dev.dora.warehouse.compaction.CompactionSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compacts the live warehouse on one daemon thread: once shortly after start, then every interval.
 * Each run logs one line; a failed run is logged and the next one tries again, so compaction never
 * stops the pipeline. {@link Warehouse#compact} holds the warehouse's lock, so queries wait for a
 * run to finish rather than see a partition half swapped.
 */
final class CompactionSchedule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CompactionSchedule.class);

    /** Late enough that start-up (and the first queries) are not slowed by it. */
    static final Duration FIRST_RUN = Duration.ofSeconds(30);

    private final ScheduledExecutorService executor;

    private CompactionSchedule(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /** Starts the schedule, or returns null when the interval is zero (switched off). */
    static CompactionSchedule start(
            Warehouse warehouse, CompactionSettings settings, Duration interval, Clock clock) {
        if (interval.isZero()) {
            LOG.info("compaction is off (warehouse.compaction_interval: 0)");
            return null;
        }
        ScheduledExecutorService executor =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "dora-compaction");
                            t.setDaemon(true);
                            return t;
                        });
        executor.scheduleWithFixedDelay(
                () -> runOnce(warehouse, settings, clock),
                Math.min(FIRST_RUN.toMillis(), interval.toMillis()),
                interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return new CompactionSchedule(executor);
    }

    private static void runOnce(Warehouse warehouse, CompactionSettings settings, Clock clock) {
        try {
            LOG.info(warehouse.compact(settings, clock.instant()).summary());
        } catch (RuntimeException e) {
            // Files are only deleted after their replacement is committed: retrying is safe.
            LOG.error("compaction failed; the next run will try again", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(30, TimeUnit.SECONDS);
    }
}
