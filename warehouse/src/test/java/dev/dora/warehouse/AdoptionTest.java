package dev.dora.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform-adoption figures on the worked example of METRICS.md ("Platform adoption"): a
 * catalog of three services imported twice, creation events for four more or the same, production
 * deployments through platform and other pipelines, and platform requests on both channels.
 */
class AdoptionTest {
    private static final Period WEEK =
            new Period(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-07"));
    private static final Map<String, List<String>> TEAMS =
            Map.of(
                    "payments", List.of("checkout", "payments-api"),
                    "finance", List.of("legacy-billing", "ledger"));

    @TempDir Path root;
    @TempDir Path spill;
    private WarehouseFixtures tables;
    private Warehouse warehouse;

    @BeforeEach
    void open() {
        tables = new WarehouseFixtures(root);
        warehouse =
                new Warehouse(
                        new WarehouseConfig(
                                root,
                                spill,
                                "128MB",
                                1,
                                WarehouseConfig.DEFAULT_INCIDENT_WINDOW,
                                TEAMS));
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    /** The timeline of METRICS.md, "Platform adoption". */
    static void workedExample(WarehouseFixtures t) {
        // Catalog: checkout from a template; ledger hand-made; legacy-billing lost its template in
        // the second import, so it is not on a golden path as the catalog stands.
        t.catalogService("i1", "2026-02-20T00:00:00Z", "checkout", "payments", "spring-service");
        t.catalogService("i1", "2026-02-20T00:00:00Z", "ledger", "finance", null);
        t.catalogService("i1", "2026-02-20T00:00:00Z", "legacy-billing", "finance", "old");
        t.catalogService("i2", "2026-03-05T00:00:00Z", "legacy-billing", "finance", null);

        // Registrations. payments-api: GitHub saw it first (hand-made), the generic event names a
        // template three hours later: registered at 09:00, on a golden path.
        t.serviceCreated("generic", "checkout", "2026-03-02T10:00:00Z", "spring-service");
        t.serviceCreated("github", "payments-api", "2026-03-03T09:00:00Z", null);
        t.serviceCreated("generic", "payments-api", "2026-03-03T12:00:00Z", "go-service");
        t.serviceCreated("generic", "search", "2026-03-04T12:00:00Z", null);
        t.serviceCreated("generic", "old-service", "2026-02-10T00:00:00Z", null);

        // Deployments.
        t.deploy("checkout", "c0", "s0", "2026-03-02T08:00:00Z").put("pipeline", "manual");
        t.deployment("checkout", "c1", "s1", "staging", "success", "2026-03-02T11:00:00Z")
                .put("pipeline", "golden-path");
        t.deploy("checkout", "c2", "s1", "2026-03-02T14:00:00Z")
                .put("pipeline", "Golden-Path deploy");
        t.deploy("checkout", "c3", "s2", "2026-03-03T10:00:00Z").put("pipeline", "platform/deploy");
        t.deploy("checkout", "c4", "s3", "2026-03-08T10:00:00Z").put("pipeline", "golden-path");
        t.deployment("payments-api", "p0", "q0", "production", "failure", "2026-03-03T09:30:00Z")
                .put("pipeline", "golden-path");
        t.deploy("payments-api", "p1", "q1", "2026-03-03T10:30:00Z")
                .put("pipeline", "jenkins-legacy");
        t.deploy("old-service", "o1", "x1", "2026-03-05T12:00:00Z"); // no pipeline
        t.deploy("ledger", "l1", "y1", "2026-03-06T12:00:00Z").put("pipeline", "golden_path");

        // Platform requests.
        t.platformRequest("R1", "self_service", "2026-03-02T09:00:00Z", "2026-03-02T09:10:00Z")
                .put("team", "payments");
        t.platformRequest("R2", "self_service", "2026-03-03T10:00:00Z", "2026-03-03T10:30:00Z")
                .put("service", "checkout");
        t.platformRequest("R3", "self_service", "2026-03-04T08:00:00Z", null);
        t.platformRequest("R3", "self_service", "2026-03-04T08:00:00Z", "2026-03-04T08:20:00Z");
        t.platformRequest("T1", "ticket", "2026-03-02T12:00:00Z", "2026-03-03T12:00:00Z")
                .put("team", "finance");
        t.platformRequest("T2", "ticket", "2026-03-05T09:00:00Z", null);
        t.platformRequest("T3", "ticket", "2026-02-27T09:00:00Z", "2026-02-27T10:00:00Z");
    }

    @Test
    void everyAdoptionNumberOfTheWorkedExample() throws Exception {
        workedExample(tables);
        tables.write();

        Adoption a = warehouse.adoption(WEEK, null);

        // checkout, ledger, legacy-billing (catalog) + payments-api, search, old-service (events)
        assertThat(a.coverage()).isEqualTo(new Adoption.Coverage(6, 2, 0.333));
        // c0 manual, c2 Golden-Path, c3 platform, p1 jenkins, o1 none, l1 golden_path; not c1
        // (staging), p0 (failed) or c4 (after the period)
        assertThat(a.pipelines()).isEqualTo(new Adoption.PipelineShare(6, 3, 0.5));
        // c0 went out before checkout was registered: c2 is its first
        assertThat(a.firstDeployments().services())
                .containsExactly(
                        new Adoption.FirstDeployment(
                                "checkout",
                                Instant.parse("2026-03-02T10:00:00Z"),
                                Instant.parse("2026-03-02T14:00:00Z"),
                                14400.0),
                        new Adoption.FirstDeployment(
                                "payments-api",
                                Instant.parse("2026-03-03T09:00:00Z"),
                                Instant.parse("2026-03-03T10:30:00Z"),
                                5400.0),
                        new Adoption.FirstDeployment(
                                "search", Instant.parse("2026-03-04T12:00:00Z"), null, null));
        assertThat(a.firstDeployments().medianSeconds()).isEqualTo(9900.0);
        // self-service 600, 1800, 1200 (R3's fulfilment wins over its open state); T1 86400, T2
        // open; T3 before the period
        assertThat(a.selfService().channels())
                .extracting(
                        Adoption.Channel::channel,
                        Adoption.Channel::requests,
                        Adoption.Channel::fulfilled,
                        Adoption.Channel::medianFulfilmentSeconds)
                .containsExactly(
                        tuple("self_service", 3L, 3L, 1200.0), tuple("ticket", 2L, 1L, 86400.0));
        assertThat(a.selfService().requests()).isEqualTo(5);
        assertThat(a.selfService().selfServiceShare()).isEqualTo(0.6);
    }

    @Test
    void aTeamSeesItsServicesAndTheRequestsItMadeOrThatAreForItsServices() throws Exception {
        workedExample(tables);
        tables.write();

        Adoption payments = warehouse.adoption(WEEK, "payments");

        assertThat(payments.coverage()).isEqualTo(new Adoption.Coverage(2, 2, 1.0));
        assertThat(payments.pipelines()).isEqualTo(new Adoption.PipelineShare(4, 2, 0.5));
        assertThat(payments.firstDeployments().services())
                .extracting(Adoption.FirstDeployment::service, Adoption.FirstDeployment::seconds)
                .containsExactly(tuple("checkout", 14400.0), tuple("payments-api", 5400.0));
        assertThat(payments.firstDeployments().medianSeconds()).isEqualTo(9900.0);
        // R1 by its team, R2 by its service
        assertThat(payments.selfService().channels())
                .extracting(
                        Adoption.Channel::channel,
                        Adoption.Channel::requests,
                        Adoption.Channel::fulfilled,
                        Adoption.Channel::medianFulfilmentSeconds)
                .containsExactly(
                        tuple("self_service", 2L, 2L, 1200.0), tuple("ticket", 0L, 0L, null));
        assertThat(payments.selfService().selfServiceShare()).isEqualTo(1.0);

        Adoption finance = warehouse.adoption(WEEK, "finance");
        assertThat(finance.coverage()).isEqualTo(new Adoption.Coverage(2, 0, 0.0));
        assertThat(finance.pipelines()).isEqualTo(new Adoption.PipelineShare(1, 1, 1.0));
        assertThat(finance.firstDeployments().services()).isEmpty();
        assertThat(finance.firstDeployments().medianSeconds()).isNull();
        assertThat(finance.selfService().selfServiceShare()).isEqualTo(0.0);
    }

    @Test
    void aCreationEventNamesTheCatalogServiceByNameOrByTheOneRepositoryItClaims() throws Exception {
        tables.catalogService(
                "i1", "2026-02-20T00:00:00Z", "checkout", "payments", "spring", "acme/checkout");
        tables.catalogService(
                "i1", "2026-02-20T00:00:00Z", "invoicing", "finance", null, "acme/mono");
        tables.catalogService("i1", "2026-02-20T00:00:00Z", "flags", "finance", null, "acme/mono");
        // GitHub names the repository, the generic event the catalog name: one service,
        // registered at the earlier time.
        tables.serviceCreated("github", "acme/checkout", "2026-03-02T10:00:00Z", null);
        tables.serviceCreated("generic", "checkout", "2026-03-02T12:00:00Z", null);
        // A monorepo's repository names no single service: it stays a service of its own.
        tables.serviceCreated("github", "acme/mono", "2026-03-03T00:00:00Z", null);
        tables.deploy("acme/checkout", "c1", "s1", "2026-03-02T14:00:00Z");
        tables.write();

        Adoption a = warehouse.adoption(WEEK, null);
        // checkout, invoicing, flags and acme/mono; checkout from a template.
        assertThat(a.coverage()).isEqualTo(new Adoption.Coverage(4, 1, 0.25));
        assertThat(a.firstDeployments().services())
                .extracting(Adoption.FirstDeployment::service, Adoption.FirstDeployment::seconds)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("checkout", 14_400.0),
                        org.assertj.core.groups.Tuple.tuple("acme/mono", null));
    }

    @Test
    void nothingKnownGivesZeroCountsAndNullRatios() {
        Adoption a = warehouse.adoption(WEEK, null);

        assertThat(a.coverage()).isEqualTo(new Adoption.Coverage(0, 0, null));
        assertThat(a.pipelines()).isEqualTo(new Adoption.PipelineShare(0, 0, null));
        assertThat(a.firstDeployments().services()).isEmpty();
        assertThat(a.firstDeployments().medianSeconds()).isNull();
        assertThat(a.selfService().requests()).isZero();
        assertThat(a.selfService().selfServiceShare()).isNull();
    }

    @Test
    void theConfiguredPatternDecidesWhatIsAPlatformPipeline() throws Exception {
        warehouse.close();
        warehouse =
                new Warehouse(
                        new WarehouseConfig(
                                root,
                                spill,
                                "128MB",
                                1,
                                WarehouseConfig.DEFAULT_INCIDENT_WINDOW,
                                TEAMS,
                                "^jenkins"));
        workedExample(tables);
        tables.write();

        assertThat(warehouse.adoption(WEEK, null).pipelines())
                .isEqualTo(new Adoption.PipelineShare(6, 1, 0.167));
    }

    @Test
    void aPatternThatIsNoRegularExpressionIsRefused() {
        assertThatThrownBy(
                        () ->
                                new WarehouseConfig(
                                        root,
                                        spill,
                                        "128MB",
                                        1,
                                        WarehouseConfig.DEFAULT_INCIDENT_WINDOW,
                                        TEAMS,
                                        "golden(path"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("platform pipeline pattern");
    }
}
