package dev.dora.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reliability, end to end: the {@code dora} process is killed with {@code kill -9} while several
 * senders post webhooks, and started again on the same data directory. Every delivery answered 2xx
 * must be in {@code events_raw} exactly once, and so must the ones a sender retries after the crash
 * (those in flight when the process died, and some that had been answered): the restarted job
 * restores Kafka offsets, its dedupe state and the pending Parquet files from the last checkpoint.
 */
class KillNineITCase {
    private static final int SENDERS = 8;
    private static final int ACKS_BEFORE_KILL = 300;
    private static final Duration LOAD_BEFORE_KILL = Duration.ofSeconds(3);
    private static final int RETRIED_ACKS = 50;
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int EXIT_SIGKILL = 128 + 9;
    private static final int EXIT_SIGTERM = 128 + 15;

    @TempDir Path dir;

    @Test
    void everyAcknowledgedDeliveryIsArchivedExactlyOnceAfterKillNine() throws Exception {
        Path data = dir.resolve("data");
        Load load;
        try (DoraProcess first = DoraProcess.start(data, "KillNineITCase-first")) {
            first.awaitHealthy(START);
            load = new Load(first.timeline);
            try {
                awaitKillPoint(load, data);
                assertThat(first.kill())
                        .as("exit code of a JVM killed by SIGKILL")
                        .isEqualTo(EXIT_SIGKILL);
            } finally {
                load.stop();
            }
        }
        assertThat(load.refused).as("deliveries answered neither 2xx nor an IO error").isEmpty();
        // What a sender retries after the crash: every delivery without an answer, and the last
        // ones answered (likely after the last checkpoint, so Kafka replays them as well).
        List<String> retried = new ArrayList<>(load.unanswered);
        List<String> acked = List.copyOf(load.acked);
        retried.addAll(acked.subList(Math.max(0, acked.size() - RETRIED_ACKS), acked.size()));

        try (DoraProcess second = DoraProcess.start(data, "KillNineITCase-second")) {
            Duration restart = second.awaitHealthy(START);
            for (String id : retried) {
                assertThat(second.timeline.send("star", body(id), id)).as(id).isEqualTo(202);
            }
            // Sent last: once it is archived, so is everything Kafka holds before it.
            String marker = "after-restart";
            assertThat(second.timeline.send("star", body(marker), marker)).isEqualTo(202);
            Set<String> expected = new HashSet<>(load.attempted);
            expected.add(marker);
            Map<String, Long> archived = awaitArchived(data, expected);
            System.out.printf(
                    "KillNineITCase: %d deliveries answered 2xx and %d without an answer before"
                            + " kill -9; restarted healthy in %.1f s; %d retried%n",
                    acked.size(),
                    load.unanswered.size(),
                    restart.toMillis() / 1000.0,
                    retried.size());

            assertThat(missing(acked, archived)).as("acknowledged but not archived").isEmpty();
            assertThat(missing(expected, archived)).as("retried but not archived").isEmpty();
            assertThat(archived.keySet()).as("archived but never sent").isSubsetOf(expected);
            assertThat(moreThanOnce(archived)).as("archived more than once").isEmpty();

            assertThat(second.stop(Duration.ofSeconds(30)))
                    .as("exit code after SIGTERM")
                    .isEqualTo(EXIT_SIGTERM);
            assertThat(second.output()).contains("dora: stopping");
        }
    }

    /**
     * Waits until the load has run a while, enough deliveries were answered and a checkpoint has
     * already committed Parquet files, so the restart restores a checkpoint and replays after it.
     */
    private static void awaitKillPoint(Load load, Path data) throws Exception {
        long started = System.nanoTime();
        long deadline = started + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(load.unanswered).as("deliveries failing before the kill").isEmpty();
            boolean longEnough = System.nanoTime() - started >= LOAD_BEFORE_KILL.toNanos();
            if (longEnough && load.acked.size() >= ACKS_BEFORE_KILL && hasCommittedFiles(data)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(
                "after "
                        + WAIT
                        + " of load, "
                        + load.acked.size()
                        + " deliveries were answered 2xx and committed Parquet files: "
                        + hasCommittedFiles(data));
    }

    private static boolean hasCommittedFiles(Path data) throws IOException {
        Path table = data.resolve("warehouse").resolve("events_raw");
        if (!Files.isDirectory(table)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(table)) {
            return files.map(p -> p.getFileName().toString())
                    .anyMatch(name -> name.startsWith("part-") && name.endsWith(".parquet"));
        }
    }

    /** Polls the Parquet archive until it holds every expected delivery (or the wait is over). */
    private static Map<String, Long> awaitArchived(Path data, Set<String> expected)
            throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Map<String, Long> counts = Map.of();
        while (System.nanoTime() < deadline) {
            counts = archived(data);
            if (counts.keySet().containsAll(expected)) {
                return counts;
            }
            Thread.sleep(500);
        }
        return counts; // the assertions name what is missing
    }

    /**
     * Delivery id to number of rows in {@code events_raw}, read with DuckDB from the committed
     * Parquet files (Flink's in-progress files are hidden and do not match the glob).
     */
    private static Map<String, Long> archived(Path data) throws SQLException {
        String glob =
                data.resolve("warehouse").resolve("events_raw").toAbsolutePath() + "/*/*.parquet";
        Map<String, Long> counts = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet r =
                        s.executeQuery(
                                "SELECT delivery_id, count(*) FROM read_parquet('"
                                        + glob.replace("'", "''")
                                        + "') GROUP BY 1")) {
            while (r.next()) {
                counts.put(r.getString(1), r.getLong(2));
            }
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("No files found")) {
                return Map.of(); // no checkpoint has committed a file yet
            }
            throw e;
        }
        return counts;
    }

    private static List<String> missing(Iterable<String> ids, Map<String, Long> archived) {
        List<String> missing = new ArrayList<>();
        ids.forEach(
                id -> {
                    if (!archived.containsKey(id)) {
                        missing.add(id);
                    }
                });
        return missing;
    }

    private static String body(String delivery) {
        // "star" is an event type the pipeline does not use: archived, ignored downstream.
        return "{\"action\":\"created\",\"delivery\":\"" + delivery + "\"}";
    }

    /** Delivery ids archived more than once, with their counts. */
    private static Map<String, Long> moreThanOnce(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .filter(e -> e.getValue() != 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Senders posting signed deliveries with fresh ids back to back until stopped. A sender whose
     * request fails with an IO error (the process died under it) records the delivery as unanswered
     * and stops.
     */
    private static final class Load {
        final Set<String> attempted = ConcurrentHashMap.newKeySet();
        final Queue<String> acked = new ConcurrentLinkedQueue<>();
        final Queue<String> unanswered = new ConcurrentLinkedQueue<>();
        final Map<String, Integer> refused = new ConcurrentHashMap<>();
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final ExecutorService senders = Executors.newFixedThreadPool(SENDERS);

        Load(Timeline t) {
            for (int s = 0; s < SENDERS; s++) {
                String prefix = "kill-nine-" + s + "-";
                senders.submit(() -> send(t, prefix));
            }
        }

        private Void send(Timeline t, String prefix) throws InterruptedException {
            for (int n = 0; !stopped.get(); n++) {
                String id = prefix + n;
                attempted.add(id);
                try {
                    int status = t.send("star", body(id), id);
                    if (status / 100 == 2) {
                        acked.add(id);
                    } else {
                        refused.put(id, status);
                    }
                } catch (IOException e) {
                    unanswered.add(id);
                    return null;
                }
            }
            return null;
        }

        void stop() throws InterruptedException {
            stopped.set(true);
            senders.shutdown();
            assertThat(senders.awaitTermination(30, TimeUnit.SECONDS))
                    .as("senders stopped")
                    .isTrue();
        }
    }
}
