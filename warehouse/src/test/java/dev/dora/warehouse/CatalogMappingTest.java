package dev.dora.warehouse;

import static dev.dora.warehouse.WarehouseFixtures.c;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every event resolves to a catalog service and the team that owned it at the event's time
 * (METRICS.md, "Service and team"): the worked example there, asserted number by number.
 */
class CatalogMappingTest {
    private static final Period MARCH =
            new Period(LocalDate.of(2026, 2, 20), LocalDate.of(2026, 3, 31));

    @TempDir Path root;
    @TempDir Path spill;
    private WarehouseFixtures tables;
    private Warehouse warehouse;

    @BeforeEach
    void open() throws Exception {
        tables = new WarehouseFixtures(root);
        warehouse =
                new Warehouse(
                        new WarehouseConfig(
                                root,
                                spill,
                                "256MB",
                                1,
                                Duration.ofHours(24),
                                Map.of("platform", List.of("acme/legacy", "checkout"))));
        workedExample();
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    /** The worked example of METRICS.md, "Service and team". */
    private void workedExample() throws Exception {
        // Import 1 on 1 March: checkout (payments), and a monorepo acme/mono of invoicing and
        // ledger.
        Map<String, Object> checkout =
                tables.catalogRow("i1", "2026-03-01T00:00:00Z", "checkout", "payments", null);
        checkout.put("github_repos", "Acme/Checkout");
        checkout.put("pagerduty_services", "PCHK001");
        Map<String, Object> invoicing =
                tables.catalogRow("i1", "2026-03-01T00:00:00Z", "invoicing", "finance", null);
        invoicing.put("github_repos", "acme/mono");
        invoicing.put("path_prefixes", "services/invoicing/");
        Map<String, Object> ledger =
                tables.catalogRow("i1", "2026-03-01T00:00:00Z", "ledger", "finance", null);
        ledger.put("github_repos", "acme/mono");
        ledger.put("path_prefixes", "services/ledger/,libs/money/");
        ledger.put("opsgenie_team", "Ledger-Oncall");
        ledger.put("production_pattern", "^live$");
        // Import 2 on 10 March moves checkout to commerce.
        // Each import describes a service whole: what import 2 leaves out, checkout no longer
        // claims.
        Map<String, Object> moved =
                tables.catalogRow("i2", "2026-03-10T00:00:00Z", "checkout", "commerce", null);
        moved.put("github_repos", "acme/checkout");
        moved.put("pagerduty_services", "PCHK001");

        // checkout: one deployment before any import, one under import 1, one under import 2.
        tables.push("acme/checkout", "c0", "2026-02-25T09:00:00Z", c("c1", "2026-02-25T08:00:00Z"));
        tables.deploy("acme/checkout", "d0", "c1", "2026-02-25T10:00:00Z");
        tables.push("acme/checkout", "c1", "2026-03-02T09:00:00Z", c("c2", "2026-03-02T08:00:00Z"));
        tables.deploy("acme/checkout", "d1", "c2", "2026-03-02T10:00:00Z");
        tables.push("acme/checkout", "c2", "2026-03-11T09:00:00Z", c("c3", "2026-03-11T08:00:00Z"));
        tables.deploy("acme/checkout", "d2", "c3", "2026-03-11T10:00:00Z");
        tables.incident("PCHK001", "P1", "2026-03-11T12:00:00Z", "2026-03-11T13:00:00Z");

        // acme/mono: one push of four commits; each service deploys the last one.
        tables.push(
                "acme/mono",
                "m0",
                "2026-03-03T09:00:00Z",
                c("m1", "2026-03-03T08:00:00Z", "services/invoicing/Invoice.java"),
                c("m2", "2026-03-03T08:10:00Z", "libs/money/Money.java"),
                c("m3", "2026-03-03T08:20:00Z", "README.md"),
                c("m4", "2026-03-03T08:30:00Z", "services/invoicing/a", "services/ledger/b"));
        tables.deployment(
                "acme/mono",
                "inv-1",
                "m4",
                "production/invoicing",
                "success",
                "2026-03-03T10:00:00Z");
        tables.deployment("acme/mono", "led-1", "m4", "live", "success", "2026-03-03T11:00:00Z")
                .put("pipeline", "deploy ledger");
        tables.deployment(
                "acme/mono", "mono-1", "m4", "production", "success", "2026-03-03T12:00:00Z");
        Map<String, Object> alert =
                tables.incident("ledger-oncall", "OG1", "2026-03-03T11:30:00Z", null);
        alert.put("source", "opsgenie");
        alert.put("incident_key", "opsgenie:OG1");

        // acme/legacy: no catalog service claims it; dora.yaml lists it under platform.
        tables.deploy("acme/legacy", "l1", "x1", "2026-03-04T10:00:00Z");
        tables.write();
    }

    @Test
    void deploymentsResolveToCatalogServicesAndTheirTeamAtTheTime() {
        assertThat(
                        warehouse.rows(
                                "SELECT deployment_id, service, source_service, production,"
                                        + " array_to_string(teams, ',') FROM deployments_latest"
                                        + " ORDER BY deployment_id"))
                .containsExactly(
                        List.of("d0", "checkout", "acme/checkout", true, "payments"),
                        List.of("d1", "checkout", "acme/checkout", true, "payments"),
                        List.of("d2", "checkout", "acme/checkout", true, "commerce"),
                        List.of("inv-1", "invoicing", "acme/mono", true, "finance"),
                        List.of("l1", "acme/legacy", "acme/legacy", true, "platform"),
                        List.of("led-1", "ledger", "acme/mono", true, "finance"),
                        // no service named in environment or pipeline: stays with the repository
                        List.of("mono-1", "acme/mono", "acme/mono", true, ""));
    }

    @Test
    void aMonorepoServiceTakesOnlyTheCommitsUnderItsPaths() {
        assertThat(
                        warehouse.rows(
                                "SELECT d.deployment_id, string_agg(c.sha, ',' ORDER BY c.sha)"
                                        + " FROM deployment_changes c JOIN live_deployments d"
                                        + " USING (deployment_key) GROUP BY 1 ORDER BY 1"))
                .containsExactly(
                        List.of("d0", "c1"),
                        List.of("d1", "c2"),
                        List.of("d2", "c3"),
                        List.of("inv-1", "m1,m4"),
                        List.of("led-1", "m2,m4"));
        // The README commit is nobody's change: it stays with the repository.
        assertThat(
                        warehouse.rows(
                                "SELECT change_key FROM changes_latest WHERE service = 'acme/mono'"))
                .containsExactly(List.of("acme/mono@m3"));
    }

    @Test
    void incidentsResolveByTheirToolsIdAndTeam() {
        assertThat(
                        warehouse.rows(
                                "SELECT incident_id, service, array_to_string(teams, ',')"
                                        + " FROM incidents_latest ORDER BY incident_id"))
                .containsExactly(
                        List.of("OG1", "ledger", "finance"), List.of("P1", "checkout", "commerce"));
    }

    @Test
    void aTeamCountsWhatItOwnedWhenItHappened() {
        DoraSummary payments = warehouse.summary(MARCH, new Scope(null, "payments", null));
        assertThat(payments.deployments()).isEqualTo(2); // d0 (before any import) and d1
        assertThat(payments.leadTimeChanges()).isEqualTo(2);
        assertThat(payments.failedDeployments()).isZero();

        DoraSummary commerce = warehouse.summary(MARCH, new Scope(null, "commerce", null));
        assertThat(commerce.deployments()).isEqualTo(1); // d2, after the move
        assertThat(commerce.failedDeployments()).isEqualTo(1); // P1 opened 2 h after d2
        assertThat(commerce.restoredIncidents()).isEqualTo(1);

        DoraSummary finance = warehouse.summary(MARCH, new Scope(null, "finance", null));
        assertThat(finance.deployments())
                .isEqualTo(2); // inv-1 and led-1 ("live" is ledger's production)
        assertThat(finance.leadTimeChanges()).isEqualTo(4); // m1, m4 of invoicing; m2, m4 of ledger
        assertThat(finance.failedDeployments()).isEqualTo(1); // OG1 opened after led-1

        // The catalog owner wins over dora.yaml's teams, which cover the services it does not know.
        DoraSummary platform = warehouse.summary(MARCH, new Scope(null, "platform", null));
        assertThat(platform.deployments()).isEqualTo(1); // acme/legacy only, not checkout

        assertThat(warehouse.summary(MARCH).deployments()).isEqualTo(7);
        assertThat(warehouse.deployments(MARCH, new Scope(null, "payments", null)))
                .extracting(d -> d.get("deployment_id"))
                .containsExactly("d1", "d0");
        assertThat(warehouse.incidents(MARCH, new Scope(null, "payments", null))).isEmpty();
    }

    @Test
    void theCatalogListsWhatEachServiceWasSeenAsAndWhatItDoesNotKnow() {
        assertThat(warehouse.catalog())
                .extracting(r -> r.get("service") + ":" + r.get("team") + ":" + r.get("seen_as"))
                .containsExactly(
                        "checkout:commerce:PCHK001, acme/checkout",
                        "invoicing:finance:acme/mono",
                        "ledger:finance:acme/mono, ledger-oncall");
        assertThat(warehouse.catalogUnmapped())
                .extracting(r -> r.get("service") + " in " + r.get("seen_in"))
                .containsExactly("acme/legacy in deployments", "acme/mono in changes, deployments");
        assertThat(new Breakdowns(warehouse).filterValues().get("team"))
                .containsExactly("commerce", "finance", "payments", "platform");
    }
}
