package dev.dora.app;

import static dev.dora.app.Timeline.ZERO;
import static dev.dora.app.Timeline.deploymentStatus;
import static dev.dora.app.Timeline.push;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Teams and services from catalog files, end to end on the real embedded stack (Kafka, Flink,
 * Parquet, DuckDB): two imports (the second moves checkout from payments to commerce), GitHub
 * pushes of a plain repository and of a monorepo with the files each commit touched, deployments,
 * an incident, service creations and platform requests. Every adoption number and the DORA numbers
 * per team are asserted exactly; the history before the re-import stays with the old team.
 */
class CatalogTimelineITCase {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PERIOD = "from=2026-03-01&to=2026-03-07";
    private static final Duration SETTLE = Duration.ofSeconds(90);

    /** CatalogImportITCase's checkout (owner to fill in), a monorepo of two, a broken document. */
    private static final String CATALOG =
            CatalogImportITCase.CHECKOUT
                    + """
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata:
              name: invoicing
              annotations:
                github.com/project-slug: acme/mono
                dora.dev/path-prefixes: services/invoicing/
                backstage.io/source-template: template:default/spring-boot-service
            spec:
              owner: finance
              system: money
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata:
              name: ledger
              annotations:
                github.com/project-slug: acme/mono
                dora.dev/path-prefixes: services/ledger/
                dora.dev/production-environment: ^live$
            spec:
              owner: group:default/finance
              system: money
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata:
              annotations:
                github.com/project-slug: acme/broken
            spec:
              owner: finance
            """;

    static String sha(String name) {
        return DoraTimelineITCase.sha(name);
    }

    /** A GitHub push to acme/mono's main whose commits list the files they touched. */
    private static String monorepoPush() {
        return """
               {"ref": "refs/heads/main", "before": "%s", "after": "%s",
                "commits": [
                  {"id": "%s", "timestamp": "2026-03-03T08:00:00Z", "message": "invoice totals",
                   "added": ["services/invoicing/Totals.java"], "modified": [], "removed": []},
                  {"id": "%s", "timestamp": "2026-03-03T08:10:00Z", "message": "ledger rounding",
                   "added": [], "modified": ["services/ledger/Rounding.java"], "removed": []},
                  {"id": "%s", "timestamp": "2026-03-03T08:20:00Z", "message": "readme",
                   "added": [], "modified": ["README.md"], "removed": []}],
                "repository": {"full_name": "acme/mono", "default_branch": "main"}}
               """
                .formatted(ZERO, sha("m3"), sha("m1"), sha("m2"), sha("m3"));
    }

    /** A generic deployment of acme/mono's m3 (the service is told by environment or pipeline). */
    private static String monorepoDeployment(
            String id, String environment, String pipeline, String finishedAt) {
        return """
               {"type": "deployment", "id": "%s", "repo": "acme/mono", "environment": "%s",
                "status": "success", "sha": "%s", "pipeline": "%s",
                "started_at": "2026-03-03T09:55:00Z", "finished_at": "%s"}
               """
                .formatted(id, environment, sha("m3"), pipeline, finishedAt);
    }

    @Test
    void teamsAndServicesFromTheCatalogDriveEveryNumber(@TempDir Path dir) throws Exception {
        try (RunningDora dora = new RunningDora(dir.resolve("data"))) {
            // Import 1, as of 1 March: checkout is payments'; the broken document is reported.
            HttpResponse<String> first =
                    importCatalog(dora, CATALOG.formatted("payments"), "2026-03-01");
            assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
            JsonNode answer = MAPPER.readTree(first.body());
            assertThat(answer.get("services").toString())
                    .isEqualTo("[\"checkout\",\"invoicing\",\"ledger\"]");
            assertThat(answer.at("/problems/0").asText())
                    .isEqualTo("request body, document 4: metadata.name is missing");
            // Import 2, as of 5 March: checkout moves to commerce.
            HttpResponse<String> second =
                    importCatalog(dora, CATALOG.formatted("commerce"), "2026-03-05T00:00:00Z");
            assertThat(second.statusCode()).as(second.body()).isEqualTo(202);
            assertThat(importCatalog(dora, CATALOG, "2999-01-01").statusCode()).isEqualTo(400);

            Timeline t = dora.timeline;
            String g = RunningDora.GENERIC_SECRET;
            // checkout: created 1 March 08:00 from the golden path; k1 deployed 2 March (payments'
            // time), k2 deployed 6 March (commerce's); an incident an hour after k2.
            assertThat(
                            t.generic(
                                    g,
                                    """
                    {"type": "service_created", "service": "checkout",
                     "created_at": "2026-03-01T08:00:00Z",
                     "template": "template:default/spring-boot-service"}"""))
                    .isEqualTo(202);
            assertThat(
                            t.send(
                                    "push",
                                    push("acme/checkout", ZERO, sha("k1"), "2026-03-02T09:00:00Z"),
                                    "p1"))
                    .isIn(200, 202);
            assertThat(
                            t.send(
                                    "deployment_status",
                                    deploymentStatus(
                                            "acme/checkout",
                                            1,
                                            sha("k1"),
                                            "production",
                                            "success",
                                            "2026-03-02T10:00:00Z"),
                                    "d1"))
                    .isIn(200, 202);
            assertThat(
                            t.send(
                                    "push",
                                    push(
                                            "acme/checkout",
                                            sha("k1"),
                                            sha("k2"),
                                            "2026-03-06T09:00:00Z"),
                                    "p2"))
                    .isIn(200, 202);
            assertThat(
                            t.send(
                                    "deployment_status",
                                    deploymentStatus(
                                            "acme/checkout",
                                            2,
                                            sha("k2"),
                                            "production",
                                            "success",
                                            "2026-03-06T10:00:00Z"),
                                    "d2"))
                    .isIn(200, 202);
            assertThat(
                            t.generic(
                                    g,
                                    DoraTimelineITCase.incident(
                                            "INC-1",
                                            "checkout",
                                            "2026-03-06T11:00:00Z",
                                            "2026-03-06T12:00:00Z",
                                            null)))
                    .isEqualTo(202);

            // The monorepo: invoicing created 2 March 12:00 from the golden path; one push of m1
            // (invoicing), m2 (ledger), m3 (README, nobody's); each service deploys m3.
            assertThat(
                            t.generic(
                                    g,
                                    """
                    {"type": "service_created", "service": "invoicing",
                     "created_at": "2026-03-02T12:00:00Z",
                     "template": "template:default/spring-boot-service"}"""))
                    .isEqualTo(202);
            assertThat(t.send("push", monorepoPush(), "p3")).isIn(200, 202);
            assertThat(
                            t.generic(
                                    g,
                                    monorepoDeployment(
                                            "inv-1",
                                            "production-invoicing",
                                            "golden-path deploy",
                                            "2026-03-03T10:00:00Z")))
                    .isEqualTo(202);
            assertThat(
                            t.generic(
                                    g,
                                    monorepoDeployment(
                                            "led-1",
                                            "live",
                                            "deploy ledger",
                                            "2026-03-03T11:00:00Z")))
                    .isEqualTo(202);

            // Platform requests: one by team payments, a ticket for ledger, one for checkout's
            // repository after the move.
            assertThat(
                            t.generic(
                                    g,
                                    """
                    {"type": "platform_request", "id": "R1", "channel": "self_service",
                     "requested_at": "2026-03-02T09:00:00Z", "fulfilled_at": "2026-03-02T09:10:00Z",
                     "team": "payments", "kind": "database"}"""))
                    .isEqualTo(202);
            assertThat(
                            t.generic(
                                    g,
                                    """
                    {"type": "platform_request", "id": "R2", "channel": "ticket",
                     "requested_at": "2026-03-03T09:00:00Z", "fulfilled_at": "2026-03-04T09:00:00Z",
                     "service": "ledger", "kind": "queue"}"""))
                    .isEqualTo(202);
            assertThat(
                            t.generic(
                                    g,
                                    """
                    {"type": "platform_request", "id": "R3", "channel": "self_service",
                     "requested_at": "2026-03-06T09:00:00Z", "fulfilled_at": "2026-03-06T09:30:00Z",
                     "service": "acme/checkout", "kind": "environment"}"""))
                    .isEqualTo(202);

            JsonNode overall =
                    dora.await(
                            "/api/v1/dora?" + PERIOD,
                            j ->
                                    j.at("/deployment_frequency/deployments").asLong() == 4
                                            && j.at("/lead_time/changes").asLong() == 4
                                            && j.at("/time_to_restore/incidents").asLong() == 1,
                            SETTLE);
            dora.await(
                    "/api/v1/adoption?" + PERIOD,
                    j ->
                            j.at("/self_service/requests").asLong() == 3
                                    && j.at("/time_to_first_deployment/deployed").asLong() == 2,
                    SETTLE);
            assertDora(dora, overall);
            assertAdoption(dora);
            assertCatalog(dora);
        }
    }

    private static void assertDora(RunningDora dora, JsonNode overall) throws Exception {
        // k1 3600, k2 3600, m1 7200 (invoicing), m2 10200 (ledger: live is its production).
        assertThat(overall.at("/lead_time/median_seconds").asLong()).isEqualTo(5400);
        assertThat(overall.at("/change_failure_rate/failed").asLong()).isEqualTo(1);

        // History keeps checkout's old team; what came after the re-import is commerce's.
        JsonNode payments = dora.get("/api/v1/dora?" + PERIOD + "&team=payments");
        assertThat(payments.at("/deployment_frequency/deployments").asLong()).isEqualTo(1);
        assertThat(payments.at("/lead_time/changes").asLong()).isEqualTo(1);
        assertThat(payments.at("/lead_time/median_seconds").asLong()).isEqualTo(3600);
        assertThat(payments.at("/change_failure_rate/failed").asLong()).isZero();
        assertThat(payments.at("/time_to_restore/incidents").asLong()).isZero();

        JsonNode commerce = dora.get("/api/v1/dora?" + PERIOD + "&team=commerce");
        assertThat(commerce.at("/deployment_frequency/deployments").asLong()).isEqualTo(1);
        assertThat(commerce.at("/change_failure_rate/failed").asLong()).isEqualTo(1);
        assertThat(commerce.at("/change_failure_rate/rate").asDouble()).isEqualTo(1.0);
        assertThat(commerce.at("/time_to_restore/incidents").asLong()).isEqualTo(1);
        assertThat(commerce.at("/time_to_restore/median_seconds").asLong()).isEqualTo(3600);

        JsonNode finance = dora.get("/api/v1/dora?" + PERIOD + "&team=finance");
        assertThat(finance.at("/deployment_frequency/deployments").asLong()).isEqualTo(2);
        assertThat(finance.at("/lead_time/changes").asLong()).isEqualTo(2);
        assertThat(finance.at("/lead_time/median_seconds").asLong()).isEqualTo(8700);
        assertThat(finance.at("/change_failure_rate/failed").asLong()).isZero();

        JsonNode ledger = dora.get("/api/v1/dora?" + PERIOD + "&service=ledger");
        assertThat(ledger.at("/lead_time/median_seconds").asLong()).isEqualTo(10200);

        // The deployments list and the export name the catalog service and the team at the time.
        JsonNode list = dora.get("/api/v1/deployments?" + PERIOD + "&team=payments");
        assertThat(list.at("/deployments/0/service").asText()).isEqualTo("checkout");
        assertThat(list.at("/deployments").size()).isEqualTo(1);
        String csv = exportCsv(dora, "/api/v1/export/deployments.csv?" + PERIOD);
        assertThat(csv.lines().skip(1).map(l -> l.split(",")[3] + ":" + l.split(",")[4]))
                .containsExactly(
                        "checkout:payments",
                        "invoicing:finance",
                        "ledger:finance",
                        "checkout:commerce");
        JsonNode filters = dora.get("/api/v1/filters");
        assertThat(filters.get("teams").toString())
                .isEqualTo("[\"commerce\",\"finance\",\"payments\"]");
    }

    private static void assertAdoption(RunningDora dora) throws Exception {
        JsonNode all = dora.get("/api/v1/adoption?" + PERIOD);
        // checkout and invoicing came from the template, ledger was hand-made.
        assertThat(all.at("/golden_path_coverage/services").asLong()).isEqualTo(3);
        assertThat(all.at("/golden_path_coverage/golden_path_services").asLong()).isEqualTo(2);
        assertThat(all.at("/golden_path_coverage/ratio").asDouble()).isEqualTo(0.667);
        // Of k1, k2, inv-1 and led-1, only inv-1 went through a golden-path pipeline.
        assertThat(all.at("/platform_pipeline_share/deployments").asLong()).isEqualTo(4);
        assertThat(all.at("/platform_pipeline_share/platform_deployments").asLong()).isEqualTo(1);
        assertThat(all.at("/platform_pipeline_share/ratio").asDouble()).isEqualTo(0.25);
        // checkout 1 Mar 08:00 → 2 Mar 10:00 (93600 s); invoicing 2 Mar 12:00 → 3 Mar 10:00
        // (79200).
        assertThat(all.at("/time_to_first_deployment/services").asLong()).isEqualTo(2);
        assertThat(all.at("/time_to_first_deployment/median_seconds").asLong()).isEqualTo(86400);
        assertThat(all.at("/time_to_first_deployment/per_service").toString())
                .contains("\"service\":\"checkout\"")
                .contains("\"seconds\":93600")
                .contains("\"service\":\"invoicing\"")
                .contains("\"seconds\":79200");
        // R1 600 s and R3 1800 s self-service, R2 a day's ticket.
        assertThat(all.at("/self_service/requests").asLong()).isEqualTo(3);
        assertThat(all.at("/self_service/self_service_share").asDouble()).isEqualTo(0.667);
        assertThat(all.at("/self_service/channels/self_service/median_fulfilment_seconds").asLong())
                .isEqualTo(1200);
        assertThat(all.at("/self_service/channels/ticket/median_fulfilment_seconds").asLong())
                .isEqualTo(86400);

        JsonNode commerce = dora.get("/api/v1/adoption?" + PERIOD + "&team=commerce");
        assertThat(commerce.at("/golden_path_coverage/ratio").asDouble()).isEqualTo(1.0);
        assertThat(commerce.at("/platform_pipeline_share/deployments").asLong()).isEqualTo(1);
        assertThat(commerce.at("/platform_pipeline_share/platform_deployments").asLong()).isZero();
        assertThat(commerce.at("/time_to_first_deployment/median_seconds").asLong())
                .isEqualTo(93600);
        assertThat(commerce.at("/self_service/requests").asLong()).isEqualTo(1); // R3
        assertThat(commerce.at("/self_service/self_service_share").asDouble()).isEqualTo(1.0);

        JsonNode payments = dora.get("/api/v1/adoption?" + PERIOD + "&team=payments");
        assertThat(payments.at("/golden_path_coverage/services").asLong())
                .isZero(); // owns none now
        assertThat(payments.at("/platform_pipeline_share/deployments").asLong()).isEqualTo(1); // k1
        assertThat(payments.at("/self_service/requests").asLong()).isEqualTo(1); // R1, its own

        JsonNode finance = dora.get("/api/v1/adoption?" + PERIOD + "&team=finance");
        assertThat(finance.at("/golden_path_coverage/ratio").asDouble()).isEqualTo(0.5);
        assertThat(finance.at("/platform_pipeline_share/ratio").asDouble()).isEqualTo(0.5);
        assertThat(finance.at("/time_to_first_deployment/median_seconds").asLong())
                .isEqualTo(79200);
        assertThat(finance.at("/self_service/requests").asLong()).isEqualTo(1); // R2, for ledger
        assertThat(finance.at("/self_service/self_service_share").asDouble()).isEqualTo(0.0);
    }

    private static void assertCatalog(RunningDora dora) throws Exception {
        JsonNode catalog = dora.get("/api/v1/catalog");
        assertThat(catalog.get("services").size()).isEqualTo(3);
        assertThat(catalog.at("/services/0/service").asText()).isEqualTo("checkout");
        assertThat(catalog.at("/services/0/team").asText()).isEqualTo("commerce");
        assertThat(catalog.at("/services/0/seen_as").toString()).isEqualTo("[\"acme/checkout\"]");
        assertThat(catalog.at("/services/2/production_pattern").asText()).isEqualTo("^live$");
        // m3 touched only README.md: no service claims it, so acme/mono keeps it.
        assertThat(catalog.get("unmapped").size()).isEqualTo(1);
        assertThat(catalog.at("/unmapped/0/service").asText()).isEqualTo("acme/mono");
        assertThat(catalog.at("/unmapped/0/seen_in").toString()).isEqualTo("[\"changes\"]");
    }

    private static HttpResponse<String> importCatalog(RunningDora dora, String yaml, String asOf)
            throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(dora.baseUrl + "/api/v1/catalog?as_of=" + asOf))
                                .header("Authorization", "Bearer " + RunningDora.ADMIN_TOKEN)
                                .header("Content-Type", "application/yaml")
                                .POST(HttpRequest.BodyPublishers.ofString(yaml))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static String exportCsv(RunningDora dora, String path) throws Exception {
        HttpResponse<String> r =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(dora.baseUrl + path))
                                        .header(
                                                "Authorization",
                                                "Bearer " + RunningDora.ADMIN_TOKEN)
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }
}
