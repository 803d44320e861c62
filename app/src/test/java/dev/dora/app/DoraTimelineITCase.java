package dev.dora.app;

import static dev.dora.app.Timeline.ZERO;
import static dev.dora.app.Timeline.branchPush;
import static dev.dora.app.Timeline.deploymentStatus;
import static dev.dora.app.Timeline.mergedPullRequest;
import static dev.dora.app.Timeline.push;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DORA engine end to end on the real embedded stack (Kafka, Flink, Parquet, DuckDB): a timeline
 * of 29 webhooks over two services, every number of {@code /api/v1/dora} asserted exactly, overall
 * and per service; then the same webhooks in five random orders, with redeliveries, give the same
 * answers. The timeline is METRICS.md's worked example plus a rebase-merged pull request. Beside
 * it, service creations and a platform request check the latest platform-adoption facts in every
 * order.
 */
class DoraTimelineITCase {
    private static final String SHOP = "acme/shop";
    private static final String SEARCH = "acme/search";
    private static final String PERIOD = "from=2026-03-01&to=2026-03-07";
    private static final Duration SETTLE = Duration.ofSeconds(90);
    // shop is in both teams (a shared service counts for each).
    private static final String TEAMS =
            "teams:\n  storefront: [acme/shop]\n  everyone: [acme/shop, acme/search]\n";

    @TempDir Path tmp;

    /** One webhook: GitHub (event type and body) or generic (type null). */
    record Delivery(String id, String githubEvent, String body) {
        static Delivery github(String id, String event, String body) {
            return new Delivery(id, event, body);
        }

        static Delivery generic(String id, String body) {
            return new Delivery(id, null, body);
        }

        void send(RunningDora dora) throws Exception {
            int status =
                    githubEvent == null
                            ? dora.timeline.generic(RunningDora.GENERIC_SECRET, body)
                            : dora.timeline.send(githubEvent, body, id);
            assertThat(status).as("delivery %s", id).isIn(200, 202);
        }
    }

    static String sha(String name) {
        return (name + "0".repeat(40)).substring(0, 40);
    }

    static String incident(
            String id, String service, String opened, String resolved, String cause) {
        return "{\"type\":\"incident\",\"id\":\""
                + id
                + "\",\"service\":\""
                + service
                + "\",\"opened_at\":\""
                + opened
                + "\""
                + (resolved == null ? "" : ",\"resolved_at\":\"" + resolved + "\"")
                + (cause == null ? "" : ",\"caused_by\":" + cause)
                + "}";
    }

    /** The timeline, in the order things happened. */
    static List<Delivery> timeline() {
        List<Delivery> t = new ArrayList<>();
        // shop: D2 is the first production deployment; it carries its own push only.
        t.add(
                Delivery.github(
                        "p1",
                        "push",
                        push(
                                SHOP,
                                sha("a0"),
                                sha("a1"),
                                "2026-03-02T08:00:00Z",
                                sha("a2"),
                                "2026-03-02T08:30:00Z")));
        t.add(
                Delivery.github(
                        "d1",
                        "deployment_status",
                        deploymentStatus(
                                SHOP, 1, sha("a2"), "staging", "success", "2026-03-02T09:30:00Z")));
        t.add(
                Delivery.github(
                        "d2a",
                        "deployment_status",
                        deploymentStatus(
                                SHOP,
                                2,
                                sha("a2"),
                                "production",
                                "in_progress",
                                "2026-03-02T09:58:00Z")));
        t.add(
                Delivery.github(
                        "d2b",
                        "deployment_status",
                        deploymentStatus(
                                SHOP,
                                2,
                                sha("a2"),
                                "production",
                                "success",
                                "2026-03-02T10:00:00Z")));
        // Two pushes, a failed attempt, then D4 carries both.
        t.add(
                Delivery.github(
                        "p2", "push", push(SHOP, sha("a2"), sha("b1"), "2026-03-03T08:00:00Z")));
        t.add(
                Delivery.github(
                        "p3", "push", push(SHOP, sha("b1"), sha("b2"), "2026-03-03T10:00:00Z")));
        t.add(
                Delivery.github(
                        "d3",
                        "deployment_status",
                        deploymentStatus(
                                SHOP,
                                3,
                                sha("b2"),
                                "production",
                                "failure",
                                "2026-03-03T11:30:00Z")));
        t.add(
                Delivery.github(
                        "d4",
                        "deployment_status",
                        deploymentStatus(
                                SHOP,
                                4,
                                sha("b2"),
                                "production",
                                "success",
                                "2026-03-03T12:00:00Z")));
        // I1 names no cause (window: D4); D5 puts a2 back, a rollback known from the sha alone.
        t.add(Delivery.generic("i1a", incident("I1", SHOP, "2026-03-03T13:00:00Z", null, null)));
        t.add(
                Delivery.generic(
                        "i1b",
                        incident(
                                "I1", SHOP, "2026-03-03T13:00:00Z", "2026-03-03T14:00:00Z", null)));
        t.add(
                Delivery.github(
                        "d5",
                        "deployment_status",
                        deploymentStatus(
                                SHOP,
                                5,
                                sha("a2"),
                                "production",
                                "success",
                                "2026-03-03T13:30:00Z")));
        // Pull request 7, squash-merged as s1: s1 starts at f1, its first commit.
        t.add(
                Delivery.github(
                        "b7",
                        "push",
                        branchPush(
                                SHOP,
                                "feature/x",
                                sha("f1"),
                                "2026-03-04T07:00:00Z",
                                sha("f2"),
                                "2026-03-04T07:40:00Z")));
        t.add(
                Delivery.github(
                        "pr7",
                        "pull_request",
                        mergedPullRequest(
                                SHOP,
                                7,
                                "feature/x",
                                sha("s1"),
                                "2026-03-04T07:45:00Z",
                                "2026-03-04T09:00:00Z")));
        t.add(
                Delivery.github(
                        "p4", "push", push(SHOP, sha("b2"), sha("s1"), "2026-03-04T09:00:00Z")));
        t.add(
                Delivery.github(
                        "d6",
                        "deployment_status",
                        deploymentStatus(
                                SHOP,
                                6,
                                sha("s1"),
                                "production",
                                "success",
                                "2026-03-04T10:00:00Z")));
        // I2 names D6; D7, from a hotfix/ branch, fixes it.
        t.add(
                Delivery.generic(
                        "i2",
                        incident(
                                "I2",
                                SHOP,
                                "2026-03-04T11:00:00Z",
                                "2026-03-04T11:30:00Z",
                                "{\"deployment_id\":\"6\"}")));
        t.add(
                Delivery.github(
                        "p5", "push", push(SHOP, sha("s1"), sha("h1"), "2026-03-04T11:05:00Z")));
        t.add(
                Delivery.github(
                        "d7",
                        "deployment_status",
                        deploymentStatus(
                                SHOP,
                                7,
                                sha("h1"),
                                "production",
                                "success",
                                "2026-03-04T11:20:00Z",
                                "hotfix/login")));
        // Pull request 8, rebase-merged as y1, y2: both start at g1.
        t.add(
                Delivery.github(
                        "b8",
                        "push",
                        branchPush(
                                SHOP,
                                "feature/y",
                                sha("g1"),
                                "2026-03-05T06:00:00Z",
                                sha("g2"),
                                "2026-03-05T06:30:00Z")));
        t.add(
                Delivery.github(
                        "pr8",
                        "pull_request",
                        mergedPullRequest(
                                SHOP,
                                8,
                                "feature/y",
                                sha("y2"),
                                "2026-03-05T06:45:00Z",
                                "2026-03-05T08:00:00Z")));
        t.add(
                Delivery.github(
                        "p6",
                        "push",
                        push(
                                SHOP,
                                sha("h1"),
                                sha("y1"),
                                "2026-03-05T07:50:00Z",
                                sha("y2"),
                                "2026-03-05T07:55:00Z")));
        t.add(
                Delivery.github(
                        "d9",
                        "deployment_status",
                        deploymentStatus(
                                SHOP,
                                9,
                                sha("y2"),
                                "production",
                                "success",
                                "2026-03-05T09:00:00Z")));
        // I3 opens 51 h after shop's last deployment: outside the 24 h window.
        t.add(
                Delivery.generic(
                        "i3",
                        incident(
                                "I3", SHOP, "2026-03-07T12:00:00Z", "2026-03-07T13:00:00Z", null)));
        // search: a first deployment and an open incident naming its commit.
        t.add(Delivery.github("q1", "push", push(SEARCH, ZERO, sha("r1"), "2026-03-05T09:00:00Z")));
        t.add(
                Delivery.github(
                        "q2",
                        "deployment_status",
                        deploymentStatus(
                                SEARCH,
                                8,
                                sha("r1"),
                                "production",
                                "in_progress",
                                "2026-03-05T09:55:00Z")));
        t.add(
                Delivery.github(
                        "q3",
                        "deployment_status",
                        deploymentStatus(
                                SEARCH,
                                8,
                                sha("r1"),
                                "production",
                                "success",
                                "2026-03-05T10:00:00Z")));
        t.add(
                Delivery.generic(
                        "i4",
                        incident(
                                "I4",
                                SEARCH,
                                "2026-03-05T12:00:00Z",
                                null,
                                "{\"sha\":\"" + sha("r1") + "\"}")));
        return t;
    }

    /**
     * Platform-adoption facts beside the DORA timeline (they change none of its numbers): shop
     * registered twice through the generic API (the first creation is its registration), search
     * created on GitHub, and a platform request first open, then fulfilled (the fulfilled state
     * wins). The first two are sent before the restart, the others after it.
     */
    static List<Delivery> platform() {
        return List.of(
                Delivery.generic(
                        "sc1",
                        "{\"type\":\"service_created\",\"service\":\""
                                + SHOP
                                + "\",\"created_at\":\"2026-03-01T12:00:00Z\","
                                + "\"template\":\"node-service\"}"),
                Delivery.generic(
                        "rq1a",
                        "{\"type\":\"platform_request\",\"id\":\"REQ-1\","
                                + "\"channel\":\"ticket\",\"requested_at\":"
                                + "\"2026-03-03T09:00:00Z\",\"team\":\"storefront\","
                                + "\"kind\":\"database\"}"),
                Delivery.generic(
                        "sc2",
                        "{\"type\":\"service_created\",\"service\":\""
                                + SHOP
                                + "\",\"created_at\":\"2026-03-06T12:00:00Z\"}"),
                Delivery.github(
                        "gr1",
                        "repository",
                        "{\"action\":\"created\",\"repository\":{\"full_name\":\""
                                + SEARCH
                                + "\",\"created_at\":\"2026-03-05T08:00:00+01:00\"}}"),
                Delivery.generic(
                        "rq1b",
                        "{\"type\":\"platform_request\",\"id\":\"REQ-1\","
                                + "\"channel\":\"ticket\",\"requested_at\":"
                                + "\"2026-03-03T09:00:00Z\",\"fulfilled_at\":"
                                + "\"2026-03-04T09:30:00-05:00\",\"service\":\""
                                + SHOP
                                + "\",\"team\":\"storefront\",\"kind\":\"database\"}"));
    }

    private static final List<List<Object>> SERVICE_EVENTS_LATEST =
            List.of(
                    List.of("generic:" + SHOP, SHOP, "2026-03-01T12:00:00Z", "node-service"),
                    List.of("github:" + SEARCH, SEARCH, "2026-03-05T07:00:00Z", "-"));
    private static final List<List<Object>> PLATFORM_REQUESTS_LATEST =
            List.of(
                    List.of(
                            "generic:REQ-1",
                            "ticket",
                            "2026-03-03T09:00:00Z",
                            "2026-03-04T14:30:00Z",
                            SHOP,
                            "storefront",
                            "database"));

    /** The latest platform facts, once both tables have them all (or after the wait). */
    private static void assertPlatformFacts(RunningDora dora, String as) throws Exception {
        String services =
                "SELECT service_key, service, strftime(created_at, '%Y-%m-%dT%H:%M:%SZ'),"
                        + " coalesce(template, '-') FROM service_events_latest ORDER BY ALL";
        String requests =
                "SELECT request_key, channel, strftime(requested_at, '%Y-%m-%dT%H:%M:%SZ'),"
                        + " strftime(fulfilled_at, '%Y-%m-%dT%H:%M:%SZ'), service, team, kind"
                        + " FROM platform_requests_latest ORDER BY ALL";
        long deadline = System.nanoTime() + SETTLE.toNanos();
        List<List<Object>> s = dora.runtime.warehouse().rows(services);
        List<List<Object>> r = dora.runtime.warehouse().rows(requests);
        while ((!s.equals(SERVICE_EVENTS_LATEST) || !r.equals(PLATFORM_REQUESTS_LATEST))
                && System.nanoTime() < deadline) {
            Thread.sleep(250);
            s = dora.runtime.warehouse().rows(services);
            r = dora.runtime.warehouse().rows(requests);
        }
        assertThat(s).as("service_events_latest, %s", as).isEqualTo(SERVICE_EVENTS_LATEST);
        assertThat(r).as("platform_requests_latest, %s", as).isEqualTo(PLATFORM_REQUESTS_LATEST);
    }

    @Test
    void everyNumberExactlyThenTheSameInAnyOrder() throws Exception {
        List<Delivery> timeline = timeline();
        List<Delivery> platform = platform();
        JsonNode overall;
        JsonNode shop;
        JsonNode search;
        JsonNode storefront;
        JsonNode everyone;
        Path data = tmp.resolve("in-order");
        try (RunningDora dora = new RunningDora(data)) {
            for (Delivery d : timeline.subList(0, 14)) {
                d.send(dora);
            }
            for (Delivery d : platform.subList(0, 2)) {
                d.send(dora);
            }
        }
        // A restart in the middle, then the rest and a redelivery of D4's success; with teams.
        try (RunningDora dora = new RunningDora(data, TEAMS)) {
            for (Delivery d : timeline.subList(14, timeline.size())) {
                d.send(dora);
            }
            for (Delivery d : platform.subList(2, platform.size())) {
                d.send(dora);
            }
            timeline.get(7).send(dora);
            overall = dora.await("/api/v1/dora?" + PERIOD, DoraTimelineITCase::complete, SETTLE);
            shop = dora.get("/api/v1/dora?" + PERIOD + "&service=" + SHOP);
            search = dora.get("/api/v1/dora?" + PERIOD + "&service=" + SEARCH);
            storefront = dora.get("/api/v1/dora?" + PERIOD + "&team=storefront");
            everyone = dora.get("/api/v1/dora?" + PERIOD + "&team=everyone");
            assertPlatformFacts(dora, "in order");
        }
        assertOverall(overall);
        assertShop(shop);
        assertSearch(search);
        // A team of one service has that service's numbers; a team of both, everyone's.
        assertThat(storefront.at("/filters/team").asText()).isEqualTo("storefront");
        assertThat(withoutFilters(storefront)).isEqualTo(withoutFilters(shop));
        assertThat(withoutFilters(everyone)).isEqualTo(withoutFilters(overall));

        Random random = new Random(20261122);
        for (int round = 1; round <= 5; round++) {
            List<Delivery> shuffled = new ArrayList<>(timeline);
            shuffled.addAll(platform);
            shuffled.add(timeline.get(random.nextInt(timeline.size()))); // redeliveries
            shuffled.add(timeline.get(random.nextInt(timeline.size())));
            Collections.shuffle(shuffled, random);
            try (RunningDora dora = new RunningDora(tmp.resolve("order-" + round))) {
                for (Delivery d : shuffled) {
                    d.send(dora);
                }
                JsonNode expected = overall;
                dora.await("/api/v1/dora?" + PERIOD, expected::equals, SETTLE);
                assertThat(dora.get("/api/v1/dora?" + PERIOD + "&service=" + SHOP))
                        .as("shop, order %d", round)
                        .isEqualTo(shop);
                assertThat(dora.get("/api/v1/dora?" + PERIOD + "&service=" + SEARCH))
                        .as("search, order %d", round)
                        .isEqualTo(search);
                assertPlatformFacts(dora, "order " + round);
            }
        }
    }

    private static JsonNode withoutFilters(JsonNode dora) {
        com.fasterxml.jackson.databind.node.ObjectNode copy =
                (com.fasterxml.jackson.databind.node.ObjectNode) dora.deepCopy();
        copy.remove("filters");
        return copy;
    }

    /** Everything has arrived once all deployments, changes and incidents are in. */
    private static boolean complete(JsonNode dora) {
        return dora.at("/deployment_frequency/deployments").asLong() == 7
                && dora.at("/lead_time/changes").asLong() == 9
                && dora.at("/change_failure_rate/failed").asLong() == 3
                && dora.at("/time_to_restore/incidents").asLong() == 3
                && dora.at("/deployment_frequency/failed_attempts").asLong() == 1
                && dora.at("/data_quality/unattributed_incidents").asLong() == 1;
    }

    private static void assertOverall(JsonNode d) {
        assertThat(d.get("benchmark").asText()).isEqualTo("dora-2024");
        // D2, D4, D5, D6, D7, D9 (shop) and D8 (search); D3 failed before going live; D1 staging.
        assertThat(d.at("/deployment_frequency/deployments").asLong()).isEqualTo(7);
        assertThat(d.at("/deployment_frequency/per_day").asDouble()).isEqualTo(1.0);
        assertThat(d.at("/deployment_frequency/failed_attempts").asLong()).isEqualTo(1);
        assertThat(d.at("/deployment_frequency/level").asText()).isEqualTo("elite");
        // h1 900, r1 3600, a2 5400, a1 7200, b2 7200, s1 10800, y1 10800, y2 10800, b1 14400.
        assertThat(d.at("/lead_time/changes").asLong()).isEqualTo(9);
        assertThat(d.at("/lead_time/median_seconds").asLong()).isEqualTo(7200);
        assertThat(d.at("/lead_time/p90_seconds").asLong()).isEqualTo(11520);
        assertThat(d.at("/lead_time/level").asText()).isEqualTo("elite");
        // D4 (I1 by window, rolled back), D6 (I2 by id, hotfix D7), D8 (I4 by sha).
        assertThat(d.at("/change_failure_rate/failed").asLong()).isEqualTo(3);
        assertThat(d.at("/change_failure_rate/rate").asDouble()).isEqualTo(0.429);
        assertThat(d.at("/change_failure_rate/level").asText()).isEqualTo("low");
        // D4 5400 (rollback D5), D6 4800 (hotfix D7); D8 not recovered.
        assertThat(d.at("/recovery_time/failures").asLong()).isEqualTo(3);
        assertThat(d.at("/recovery_time/median_seconds").asLong()).isEqualTo(5100);
        assertThat(d.at("/recovery_time/unrecovered").asLong()).isEqualTo(1);
        assertThat(d.at("/recovery_time/level").asText()).isEqualTo("high");
        // I1 3600, I2 1800, I3 3600; I4 open.
        assertThat(d.at("/time_to_restore/incidents").asLong()).isEqualTo(3);
        assertThat(d.at("/time_to_restore/median_seconds").asLong()).isEqualTo(3600);
        // D5 (rollback), D7 (hotfix).
        assertThat(d.at("/rework_rate/unplanned").asLong()).isEqualTo(2);
        assertThat(d.at("/rework_rate/rate").asDouble()).isEqualTo(0.286);
        assertThat(d.at("/data_quality/deployments_without_changes").asLong()).isZero();
        assertThat(d.at("/data_quality/changes_without_timestamp").asLong()).isZero();
        assertThat(d.at("/data_quality/unattributed_incidents").asLong()).isEqualTo(1);
    }

    private static void assertShop(JsonNode d) {
        assertThat(d.at("/filters/service").asText()).isEqualTo(SHOP);
        assertThat(d.at("/deployment_frequency/deployments").asLong()).isEqualTo(6);
        assertThat(d.at("/lead_time/changes").asLong()).isEqualTo(8);
        assertThat(d.at("/lead_time/median_seconds").asLong()).isEqualTo(9000);
        assertThat(d.at("/lead_time/p90_seconds").asLong()).isEqualTo(11880);
        assertThat(d.at("/change_failure_rate/failed").asLong()).isEqualTo(2);
        assertThat(d.at("/change_failure_rate/rate").asDouble()).isEqualTo(0.333);
        assertThat(d.at("/recovery_time/median_seconds").asLong()).isEqualTo(5100);
        assertThat(d.at("/time_to_restore/incidents").asLong()).isEqualTo(3);
        assertThat(d.at("/rework_rate/unplanned").asLong()).isEqualTo(2);
        assertThat(d.at("/data_quality/unattributed_incidents").asLong()).isEqualTo(1);
    }

    private static void assertSearch(JsonNode d) {
        assertThat(d.at("/deployment_frequency/deployments").asLong()).isEqualTo(1);
        assertThat(d.at("/lead_time/changes").asLong()).isEqualTo(1);
        assertThat(d.at("/lead_time/median_seconds").asLong()).isEqualTo(3600);
        assertThat(d.at("/change_failure_rate/rate").asDouble()).isEqualTo(1.0);
        assertThat(d.at("/recovery_time/median_seconds").isNull()).isTrue();
        assertThat(d.at("/recovery_time/unrecovered").asLong()).isEqualTo(1);
        assertThat(d.at("/time_to_restore/incidents").asLong()).isZero();
        assertThat(d.at("/rework_rate/unplanned").asLong()).isZero();
        assertThat(d.at("/data_quality/unattributed_incidents").asLong()).isZero();
    }
}
