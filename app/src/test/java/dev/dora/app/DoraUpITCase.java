package dev.dora.app;

import static dev.dora.app.Timeline.ZERO;
import static dev.dora.app.Timeline.deploymentStatus;
import static dev.dora.app.Timeline.push;
import static dev.dora.app.Timeline.sha;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on the real embedded stack: signed webhooks in, exact DORA numbers out of {@code GET
 * /api/v1/dora}, across a restart on the same data directory.
 */
class DoraUpITCase {
    private static final String REPO = "acme/shop";
    private static final String PERIOD = "/api/v1/dora?from=2026-03-01&to=2026-03-07";
    private static final Duration WAIT = Duration.ofSeconds(60);

    // c1 and c2 are pushed together; c3 later. d1 takes c1..c2, d3 (after failed d2) takes c3.
    private static final String C1 = sha('1');
    private static final String C2 = sha('2');
    private static final String C3 = sha('3');
    private static final String C4 = sha('4');
    private static final String C1_COMMITTED = "2026-03-02T08:00:00Z";
    private static final String C2_COMMITTED = "2026-03-02T10:00:00+01:00"; // 09:00 UTC
    private static final String STAGING_DEPLOYED = "2026-03-02T11:00:00Z";
    private static final String D1_DEPLOYED = "2026-03-02T12:00:00Z";
    private static final String C3_COMMITTED = "2026-03-03T09:00:00Z";
    private static final String D2_FAILED = "2026-03-03T10:00:00Z";
    private static final String D3_DEPLOYED = "2026-03-03T11:00:00Z";
    private static final String C4_COMMITTED = "2026-03-04T09:00:00Z";
    private static final String D4_DEPLOYED = "2026-03-04T09:30:00Z";

    @TempDir Path dir;

    @Test
    void countsDeploymentsAndLeadTimesExactlyAcrossARestart() throws Exception {
        Path data = dir.resolve("data");
        String redelivered = UUID.randomUUID().toString();
        try (RunningDora dora = new RunningDora(data)) {
            Timeline t = dora.timeline;
            assertThat(t.send("push", push(REPO, ZERO, C1, C1_COMMITTED, C2, C2_COMMITTED)))
                    .isEqualTo(202);
            assertThat(
                            t.send(
                                    "deployment_status",
                                    deploymentStatus(
                                            REPO, 1, C2, "staging", "success", STAGING_DEPLOYED)))
                    .isEqualTo(202);
            assertThat(
                            t.send(
                                    "deployment_status",
                                    deploymentStatus(
                                            REPO, 2, C2, "production", "in_progress", D1_DEPLOYED)))
                    .isEqualTo(202);
            assertThat(
                            t.send(
                                    "deployment_status",
                                    deploymentStatus(
                                            REPO, 2, C2, "production", "success", D1_DEPLOYED),
                                    redelivered))
                    .isEqualTo(202);
            assertThat(t.send("push", push(REPO, C2, C3, C3_COMMITTED))).isEqualTo(202);
            assertThat(
                            t.send(
                                    "deployment_status",
                                    deploymentStatus(
                                            REPO, 3, C3, "production", "failure", D2_FAILED)))
                    .isEqualTo(202);
            assertThat(
                            t.send(
                                    "deployment_status",
                                    deploymentStatus(
                                            REPO, 4, C3, "Production", "success", D3_DEPLOYED)))
                    .isEqualTo(202);
            // Not a GitHub event we use: accepted, archived, ignored downstream.
            assertThat(t.send("star", "{\"action\":\"created\"}")).isEqualTo(202);

            JsonNode before =
                    dora.await(
                            PERIOD,
                            j ->
                                    j.at("/deployment_frequency/deployments").asLong() == 2
                                            && j.at("/lead_time/changes").asLong() == 3,
                            WAIT);
            assertFirstTwoDeployments(before);
        }

        try (RunningDora dora = new RunningDora(data)) {
            // Same numbers after a restart on the same data directory.
            assertFirstTwoDeployments(dora.get(PERIOD));

            Timeline t = dora.timeline;
            // A redelivery of d1's success and one new push plus deployment.
            assertThat(
                            t.send(
                                    "deployment_status",
                                    deploymentStatus(
                                            REPO, 2, C2, "production", "success", D1_DEPLOYED),
                                    redelivered))
                    .isEqualTo(202);
            assertThat(t.send("push", push(REPO, C3, C4, C4_COMMITTED))).isEqualTo(202);
            assertThat(
                            t.send(
                                    "deployment_status",
                                    deploymentStatus(
                                            REPO, 5, C4, "production", "success", D4_DEPLOYED)))
                    .isEqualTo(202);

            JsonNode after =
                    dora.await(PERIOD, j -> j.at("/lead_time/changes").asLong() == 4, WAIT);
            assertThat(after.at("/deployment_frequency/deployments").asLong()).isEqualTo(3);
            // c4 took 30 min: lead times 4 h, 3 h, 2 h, 0.5 h -> median 2.5 h = 9000 s.
            assertThat(after.at("/lead_time/median_seconds").asDouble()).isEqualTo(9000.0);
            // p90 = 3 h + 0.7 * (4 h - 3 h) = 13320 s.
            assertThat(after.at("/lead_time/p90_seconds").asDouble()).isEqualTo(13320.0);
            assertThat(after.at("/deployment_frequency/failed_attempts").asLong()).isEqualTo(1);

            JsonNode daily =
                    dora.get("/api/v1/dora/trend?from=2026-03-01&to=2026-03-07&bucket=day");
            assertThat(daily.at("/points")).hasSize(7);
            assertThat(daily.at("/points/1/deployments").asLong()).isEqualTo(1); // 2 March
            assertThat(daily.at("/points/2/deployments").asLong()).isEqualTo(1); // 3 March
            assertThat(daily.at("/points/2/failed_attempts").asLong()).isEqualTo(1);
            assertThat(daily.at("/points/3/deployments").asLong()).isEqualTo(1); // 4 March
            assertThat(daily.at("/points/0/deployments").asLong()).isZero();
        }
    }

    private static void assertFirstTwoDeployments(JsonNode j) {
        // d1 (production success, its in_progress status and a redelivery count once) and d3;
        // staging does not count and d2 failed before going live.
        assertThat(j.at("/deployment_frequency/deployments").asLong()).isEqualTo(2);
        assertThat(j.at("/deployment_frequency/failed_attempts").asLong()).isEqualTo(1);
        assertThat(j.at("/deployment_frequency/per_day").asDouble()).isEqualTo(0.286); // 2 / 7
        // Lead times: c1 4 h, c2 3 h (offset converted), c3 2 h -> median 3 h, p90 3.8 h.
        assertThat(j.at("/lead_time/changes").asLong()).isEqualTo(3);
        assertThat(j.at("/lead_time/median_seconds").asDouble()).isEqualTo(10800.0);
        assertThat(j.at("/lead_time/p90_seconds").asDouble()).isEqualTo(13680.0);
        assertThat(j.at("/data_quality/deployments_without_changes").asLong()).isZero();
    }
}
