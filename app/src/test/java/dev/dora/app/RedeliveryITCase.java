package dev.dora.app;

import static dev.dora.app.Timeline.ZERO;
import static dev.dora.app.Timeline.deploymentStatus;
import static dev.dora.app.Timeline.push;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every delivery posted twice is counted once: a redelivery to the same process is answered {@code
 * duplicate} by ingest's local check; after a restart that check is empty, so redeliveries reach
 * Kafka again and the job must drop them with the dedupe state restored from its checkpoint. The
 * API's numbers hide duplicate fact rows (they read the latest row per key), so the tables' own
 * rows are counted as well.
 */
class RedeliveryITCase {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String REPO = "acme/payments";
    private static final String PERIOD = "/api/v1/dora?from=2026-04-01&to=2026-04-30";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int RELEASES = 10; // a push and its production deployment each
    private static final int STARS = 30; // archived, not used by any metric

    @TempDir Path dir;

    @Test
    void everyDeliveryPostedTwiceIsCountedOnceAcrossARestart() throws Exception {
        Path data = dir.resolve("data");
        List<Delivery> first = new ArrayList<>();
        for (int k = 1; k <= RELEASES; k++) {
            first.addAll(release(k));
        }
        for (int i = 0; i < STARS; i++) {
            first.add(star("star-" + i));
        }

        try (RunningDora dora = new RunningDora(data)) {
            for (Delivery d : first) {
                assertAnswer(d.post(dora.timeline), 202, false);
                assertAnswer(d.post(dora.timeline), 200, true); // ingest's local check
            }
            awaitSummary(dora, RELEASES);
            assertArchivedOnce(dora, first);
            assertFactRows(dora, RELEASES);
            // Lead times 10, 20, ..., 100 min: median 55 min, p90 90 + 0.1 * 10 min = 91 min.
            assertLeadTime(dora.get(PERIOD), RELEASES, 3300.0, 5460.0);
        }

        try (RunningDora dora = new RunningDora(data)) {
            for (Delivery d : first) {
                // A new process does not know them: stored in Kafka again, for the job to drop.
                assertAnswer(d.post(dora.timeline), 202, false);
            }
            // Genuinely new deliveries, sent last: once the job has written them, it has also
            // been through every redelivery before them (the raw topic has one partition).
            List<Delivery> fresh = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                fresh.add(star("new-star-" + i));
            }
            fresh.addAll(release(RELEASES + 1));
            for (Delivery d : fresh) {
                assertAnswer(d.post(dora.timeline), 202, false);
            }

            List<Delivery> all = new ArrayList<>(first);
            all.addAll(fresh);
            JsonNode after = awaitSummary(dora, RELEASES + 1);
            assertArchivedOnce(dora, all);
            assertFactRows(dora, RELEASES + 1);
            // Lead times 10, ..., 110 min: median 60 min, p90 100 min.
            assertLeadTime(after, RELEASES + 1, 3600.0, 6000.0);
        }
    }

    /** One webhook: its GitHub event, body and delivery id. */
    private record Delivery(String event, String body, String id) {
        HttpResponse<String> post(Timeline t) throws Exception {
            return t.post(event, body, id);
        }
    }

    /**
     * Release k: a push of commit k at 08:00 on 1 April + (k - 1) days, deployed to production k *
     * 10 minutes later; the push chain makes commit k the deployment's only change.
     */
    private static List<Delivery> release(int k) {
        Instant committed = Instant.parse("2026-04-01T08:00:00Z").plus(Duration.ofDays(k - 1));
        Instant deployed = committed.plus(Duration.ofMinutes(10L * k));
        String before = k == 1 ? ZERO : commit(k - 1);
        return List.of(
                new Delivery(
                        "push", push(REPO, before, commit(k), committed.toString()), "push-" + k),
                new Delivery(
                        "deployment_status",
                        deploymentStatus(
                                REPO, k, commit(k), "production", "success", deployed.toString()),
                        "deploy-" + k));
    }

    private static String commit(int k) {
        return String.format("%040x", k);
    }

    private static Delivery star(String id) {
        return new Delivery("star", "{\"action\":\"created\",\"delivery\":\"" + id + "\"}", id);
    }

    private static void assertAnswer(HttpResponse<String> r, int status, boolean duplicate)
            throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(MAPPER.readTree(r.body()).path("duplicate").asBoolean(!duplicate))
                .as(r.body())
                .isEqualTo(duplicate);
    }

    /**
     * Waits until the API counts the releases; the job writes all tables on the same checkpoint.
     */
    private static JsonNode awaitSummary(RunningDora dora, int releases) throws Exception {
        return dora.await(
                PERIOD,
                j ->
                        j.at("/deployment_frequency/deployments").asLong() == releases
                                && j.at("/lead_time/changes").asLong() == releases,
                WAIT);
    }

    private static void assertLeadTime(JsonNode j, int releases, double median, double p90) {
        assertThat(j.at("/deployment_frequency/deployments").asLong()).isEqualTo(releases);
        assertThat(j.at("/lead_time/changes").asLong()).isEqualTo(releases);
        assertThat(j.at("/lead_time/median_seconds").asDouble()).isEqualTo(median);
        assertThat(j.at("/lead_time/p90_seconds").asDouble()).isEqualTo(p90);
        assertThat(j.at("/data_quality/deployments_without_changes").asLong()).isZero();
    }

    /** Each delivery is in events_raw, once; polled, as events_raw commits on its own. */
    private static void assertArchivedOnce(RunningDora dora, List<Delivery> deliveries)
            throws InterruptedException {
        List<String> ids = deliveries.stream().map(Delivery::id).toList();
        long deadline = System.nanoTime() + WAIT.toNanos();
        Map<String, Long> counts = Map.of();
        while (System.nanoTime() < deadline) {
            counts = new HashMap<>();
            for (List<Object> row :
                    dora.runtime
                            .warehouse()
                            .rows(
                                    "SELECT delivery_id, count(*) FROM events_raw"
                                            + " WHERE source = 'github' GROUP BY delivery_id")) {
                counts.put((String) row.get(0), ((Number) row.get(1)).longValue());
            }
            if (counts.keySet().containsAll(ids)) {
                break;
            }
            Thread.sleep(250);
        }
        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        Map<String, Long> twice =
                counts.entrySet().stream()
                        .filter(e -> e.getValue() != 1)
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(twice).as("archived more than once").isEmpty();
    }

    /** One row per pushed commit, per deployment status and per deployed change. */
    private static void assertFactRows(RunningDora dora, int releases) {
        for (String table : List.of("changes", "deployments", "deployment_changes")) {
            List<List<Object>> rows =
                    dora.runtime.warehouse().rows("SELECT count(*) FROM " + table);
            assertThat(((Number) rows.get(0).get(0)).longValue()).as(table).isEqualTo(releases);
        }
    }
}
