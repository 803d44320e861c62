package dev.dora.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reliability: the embedded Kafka broker goes down in the middle of the load and comes back on the
 * same log and ports. Every webhook answered 2xx must land in {@code events_raw} exactly once:
 * those sent during the outage through the spool, and none twice although the spool's forwarder may
 * send a record again.
 */
class KafkaOutageITCase {
    private static final int BEFORE = 50;
    private static final int DURING = 100;
    private static final int AFTER = 50;
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir Path dir;

    @Test
    void everyAcceptedDeliveryIsArchivedExactlyOnceAcrossABrokerOutage() throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try (RunningDora dora = new RunningDora(dir.resolve("data"))) {
            Map<String, Integer> answers = new HashMap<>();
            answers.putAll(send(dora.timeline, senders, BEFORE));

            dora.runtime.stopKafkaBroker();
            answers.putAll(send(dora.timeline, senders, DURING));
            // The outage was real: what was accepted while the broker was down waits in the spool.
            assertThat(dora.runtime.spoolDepth()).isPositive();

            dora.runtime.startKafkaBroker();
            answers.putAll(send(dora.timeline, senders, AFTER));

            assertThat(answers).hasSize(BEFORE + DURING + AFTER);
            assertThat(answers.values()).allMatch(status -> status == 202);
            Map<String, Long> archived = awaitArchived(dora, answers.keySet().size());
            assertThat(archived.keySet()).containsExactlyInAnyOrderElementsOf(answers.keySet());
            assertThat(archived.values()).allMatch(count -> count == 1);
            assertThat(dora.runtime.spoolDepth()).isZero();
        } finally {
            senders.shutdownNow();
        }
    }

    /** Posts n signed deliveries from several threads at once; delivery id to status code. */
    private static Map<String, Integer> send(Timeline t, ExecutorService senders, int n)
            throws Exception {
        Map<String, Future<Integer>> sent = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String delivery = UUID.randomUUID().toString();
            String body = "{\"action\":\"created\",\"delivery\":\"" + delivery + "\"}";
            // "star" is an event type the pipeline does not use: archived, ignored downstream.
            sent.put(delivery, senders.submit(() -> t.send("star", body, delivery)));
        }
        Map<String, Integer> answers = new HashMap<>();
        for (Map.Entry<String, Future<Integer>> e : sent.entrySet()) {
            answers.put(e.getKey(), e.getValue().get());
        }
        return answers;
    }

    /** Polls events_raw until it holds the expected number of deliveries (or the wait is over). */
    private static Map<String, Long> awaitArchived(RunningDora dora, int expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Map<String, Long> counts = Map.of();
        while (System.nanoTime() < deadline) {
            counts = new HashMap<>();
            List<List<Object>> rows =
                    dora.runtime
                            .warehouse()
                            .rows(
                                    "SELECT delivery_id, count(*) FROM events_raw"
                                            + " WHERE source = 'github' GROUP BY delivery_id");
            for (List<Object> row : rows) {
                counts.put((String) row.get(0), ((Number) row.get(1)).longValue());
            }
            if (counts.size() >= expected) {
                return counts;
            }
            Thread.sleep(500);
        }
        return counts; // the assertions name what is missing
    }
}
