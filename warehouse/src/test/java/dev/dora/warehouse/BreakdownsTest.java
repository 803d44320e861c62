package dev.dora.warehouse;

import static dev.dora.warehouse.WarehouseFixtures.c;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
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
 * The per-service comparison, the data-quality list, the filter values and one deployment's
 * drill-down, on the worked example of {@link WarehouseTest} (and, for data quality, a few
 * deliberately unlinkable facts on top).
 */
class BreakdownsTest {
    private static final Period WEEK =
            new Period(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-07"));

    @TempDir Path root;
    @TempDir Path spill;
    private WarehouseFixtures tables;
    private Warehouse warehouse;
    private Breakdowns breakdowns;

    @BeforeEach
    void open() {
        tables = new WarehouseFixtures(root);
        warehouse = new Warehouse(new WarehouseConfig(root, spill, "128MB", 1));
        breakdowns = new Breakdowns(warehouse);
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    @Test
    void everyServiceWithItsOwnFiguresAndWeeklyDeployments() throws Exception {
        WarehouseTest.workedExample(tables);
        tables.write();

        List<Map<String, Object>> services = breakdowns.services(WEEK, Scope.ALL);

        assertThat(services)
                .extracting(
                        s -> s.get("service"),
                        s -> s.get("team"),
                        s -> s.get("deployments"),
                        s -> s.get("failed_attempts"),
                        s -> s.get("changes"),
                        s -> s.get("lead_median_seconds"),
                        s -> s.get("lead_p90_seconds"),
                        s -> s.get("failed"),
                        s -> s.get("recovery_median_seconds"),
                        s -> s.get("unrecovered_failures"),
                        s -> s.get("restored_incidents"),
                        s -> s.get("restore_median_seconds"),
                        s -> s.get("unplanned"),
                        s -> s.get("weekly_deployments"))
                .containsExactly(
                        // search: D8 (r1 3600 s), failed by I4 (named sha), not recovered.
                        tuple(
                                "search",
                                null,
                                1L,
                                0L,
                                1L,
                                3600.0,
                                3600.0,
                                1L,
                                null,
                                1L,
                                0L,
                                null,
                                0L,
                                List.of(0L, 1L)),
                        // shop: leads 900, 5400, 7200, 7200, 10800, 14400: median 7200, p90 at
                        // position 4.5 = 10800 + 0.5 * 3600; D4 and D6 failed, recovered in 5400
                        // and 4800 s; I1, I2, I3 restored in 3600, 1800, 3600 s; D5 and D7
                        // unplanned; the week of 02-23 empty, 5 in the week of 03-02.
                        tuple(
                                "shop",
                                null,
                                5L,
                                1L,
                                6L,
                                7200.0,
                                12600.0,
                                2L,
                                5100.0,
                                0L,
                                3L,
                                3600.0,
                                2L,
                                List.of(0L, 5L)));
        assertThat(Breakdowns.weeks(WEEK))
                .containsExactly(LocalDate.parse("2026-02-23"), LocalDate.parse("2026-03-02"));
    }

    @Test
    void aServiceRowAgreesWithTheSummaryOfThatServiceAlone() throws Exception {
        WarehouseTest.workedExample(tables);
        tables.write();

        for (Map<String, Object> row : breakdowns.services(WEEK, Scope.ALL)) {
            String service = (String) row.get("service");
            DoraSummary s = warehouse.summary(WEEK, new Scope(service, null, null));
            assertThat(row.get("deployments")).isEqualTo(s.deployments());
            assertThat(row.get("failed_attempts")).isEqualTo(s.failedAttempts());
            assertThat(row.get("changes")).isEqualTo(s.leadTimeChanges());
            assertThat(row.get("lead_median_seconds")).isEqualTo(s.leadTimeMedianSeconds());
            assertThat(row.get("lead_p90_seconds")).isEqualTo(s.leadTimeP90Seconds());
            assertThat(row.get("failed")).isEqualTo(s.failedDeployments());
            assertThat(row.get("recovery_median_seconds")).isEqualTo(s.recoveryMedianSeconds());
            assertThat(row.get("unrecovered_failures")).isEqualTo(s.unrecoveredFailures());
            assertThat(row.get("restored_incidents")).isEqualTo(s.restoredIncidents());
            assertThat(row.get("restore_median_seconds")).isEqualTo(s.restoreMedianSeconds());
            assertThat(row.get("unplanned")).isEqualTo(s.unplannedDeployments());
        }
    }

    @Test
    void teamsFromTheConfigurationScopeEveryNumberAndSurviveNewFiles() throws Exception {
        WarehouseTest.workedExample(tables);
        // billing, in a team of its own with search (which both teams share).
        tables.push("billing", null, "2026-03-06T09:00:00Z", c("k1", "2026-03-06T08:00:00Z"));
        tables.deploy("billing", "D20", "k1", "2026-03-06T10:00:00Z");
        tables.write();
        // Without teams configured, team= matches nothing and no team is offered.
        assertThat(breakdowns.filterValues().get("team")).isEmpty();
        assertThat(warehouse.summary(WEEK, new Scope(null, "storefront", null)).deployments())
                .isZero();

        reopenWithTeams(
                Map.of(
                        "storefront",
                        List.of("shop", "search"),
                        "ops",
                        List.of("search", "billing")));

        // storefront is exactly the worked example; billing's D20 and k1 are left out.
        DoraSummary storefront = warehouse.summary(WEEK, new Scope(null, "storefront", null));
        assertThat(warehouse.summary(WEEK).deployments()).isEqualTo(7);
        assertThat(storefront.deployments()).isEqualTo(6);
        assertThat(storefront.failedAttempts()).isEqualTo(1);
        assertThat(storefront.leadTimeChanges()).isEqualTo(7);
        assertThat(storefront.leadTimeMedianSeconds()).isEqualTo(7200.0);
        assertThat(storefront.leadTimeP90Seconds()).isCloseTo(12240.0, within(1e-6));
        assertThat(storefront.failedDeployments()).isEqualTo(3);
        assertThat(storefront.recoveryMedianSeconds()).isEqualTo(5100.0);
        assertThat(storefront.restoredIncidents()).isEqualTo(3);
        assertThat(storefront.unplannedDeployments()).isEqualTo(2);
        assertThat(storefront.unattributedIncidents()).isEqualTo(1); // I3
        // ops: D8 (r1 3600 s, failed by I4) and D20 (k1 7200 s).
        DoraSummary ops = warehouse.summary(WEEK, new Scope(null, "ops", null));
        assertThat(ops.deployments()).isEqualTo(2);
        assertThat(ops.leadTimeChanges()).isEqualTo(2);
        assertThat(ops.leadTimeMedianSeconds()).isEqualTo(5400.0);
        assertThat(ops.failedDeployments()).isEqualTo(1);
        assertThat(breakdowns.services(WEEK, new Scope(null, "ops", null)))
                .extracting(s -> s.get("service"), s -> s.get("team"), s -> s.get("deployments"))
                .containsExactly(
                        tuple("billing", "ops", 1L), tuple("search", "ops, storefront", 1L));
        assertThat(breakdowns.filterValues().get("team")).containsExactly("ops", "storefront");

        // A checkpoint lands: the derived tables are rebuilt, the teams are still there.
        tables.push("shop", "h1", "2026-03-07T09:00:00Z", c("m1", "2026-03-07T08:00:00Z"));
        tables.deploy("shop", "D21", "m1", "2026-03-07T10:00:00Z");
        tables.write();

        storefront = warehouse.summary(WEEK, new Scope(null, "storefront", null));
        assertThat(storefront.deployments()).isEqualTo(7);
        assertThat(storefront.leadTimeChanges()).isEqualTo(8);
        assertThat(warehouse.summary(WEEK, new Scope(null, "ops", null)).deployments())
                .isEqualTo(2);
        assertThat(breakdowns.filterValues().get("team")).containsExactly("ops", "storefront");
    }

    /** The same files under a warehouse configured with these teams. */
    private void reopenWithTeams(Map<String, List<String>> teams) {
        warehouse.close();
        warehouse =
                new Warehouse(
                        new WarehouseConfig(
                                root,
                                spill,
                                "128MB",
                                1,
                                WarehouseConfig.DEFAULT_INCIDENT_WINDOW,
                                teams));
        breakdowns = new Breakdowns(warehouse);
    }

    @Test
    void dataQualityListsWhatCouldNotBeLinkedAndWhy() throws Exception {
        WarehouseTest.workedExample(tables);
        // D9 deploys a sha no push announced; D10 carries n1, committed an hour after it went
        // live; D11 carries t1, whose commit time is unknown.
        tables.deploy("search", "D9", "zz", "2026-03-06T10:00:00Z");
        tables.push("search", "r1", "2026-03-06T11:00:00Z", c("n1", "2026-03-06T13:00:00Z"));
        tables.deploy("search", "D10", "n1", "2026-03-06T12:00:00Z");
        tables.push(
                "search", "n1", "2026-03-06T14:00:00Z", new WarehouseFixtures.C("t1", null, null));
        tables.deploy("search", "D11", "t1", "2026-03-06T15:00:00Z");
        tables.rejected("github", "R1", "missing field 'after'", "2026-03-02T10:00:00Z")
                .rejected("gitlab", "R2", "body is not JSON", "2026-03-03T10:00:00Z")
                .rejected("github", "R3", "missing field 'after'", "2026-03-04T10:00:00Z")
                .rejected("github", "R4", "missing field 'after'", "2026-03-09T10:00:00Z");
        tables.write();

        Map<String, List<Map<String, Object>>> dq = breakdowns.dataQuality(WEEK, Scope.ALL);

        assertThat(dq.get("deployment_without_changes"))
                .extracting(r -> r.get("service"), r -> r.get("label"), r -> r.get("detail"))
                .containsExactly(tuple("search", "D9", "no known commits lead to its sha zz"));
        assertThat(dq.get("negative_lead_time"))
                .extracting(r -> r.get("item"), r -> r.get("seconds"), r -> r.get("happened_at"))
                .containsExactly(
                        tuple("search@n1", -3600.0, Instant.parse("2026-03-06T12:00:00Z")));
        assertThat(dq.get("change_without_timestamp"))
                .extracting(r -> r.get("item"), r -> r.get("label"))
                .containsExactly(tuple("search@t1", "t1"));
        assertThat(dq.get("unattributed_incident"))
                .extracting(r -> r.get("label"), r -> r.get("detail"))
                .containsExactly(
                        tuple(
                                "I3",
                                "unattributed: no production deployment of the service in the"
                                        + " window"));
        // R4 falls after the period; the latest example of each group is shown.
        assertThat(dq.get("rejected_event"))
                .extracting(
                        r -> r.get("source"),
                        r -> r.get("detail"),
                        r -> r.get("count"),
                        r -> r.get("item"),
                        r -> r.get("happened_at"))
                .containsExactly(
                        tuple(
                                "github",
                                "missing field 'after'",
                                2L,
                                "R3",
                                Instant.parse("2026-03-04T10:00:00Z")),
                        tuple(
                                "gitlab",
                                "body is not JSON",
                                1L,
                                "R2",
                                Instant.parse("2026-03-03T10:00:00Z")));
        // The summary counts the same items.
        DoraSummary s = warehouse.summary(WEEK);
        assertThat(s.deploymentsWithoutChanges()).isEqualTo(1);
        assertThat(s.negativeLeadTimes()).isEqualTo(1);
        assertThat(s.changesWithoutTimestamp()).isEqualTo(1);
        assertThat(s.unattributedIncidents()).isEqualTo(1);
    }

    @Test
    void oneDeploymentWithItsChangesAndTheIncidentsAttributedToIt() throws Exception {
        WarehouseTest.workedExample(tables);
        tables.write();

        Map<String, Object> d4 = warehouse.deployment("github:shop:D4").orElseThrow();
        Map<String, Object> d8 =
                warehouse.deployments(WEEK, Scope.ALL).stream()
                        .filter(d -> d.get("deployment_id").equals("D8"))
                        .findFirst()
                        .orElseThrow();

        assertThat(d4.get("failure_reasons")).isEqualTo("incident, rolled back");
        assertThat((List<?>) d4.get("changes"))
                .extracting(
                        c -> ((Map<?, ?>) c).get("sha"), c -> ((Map<?, ?>) c).get("lead_seconds"))
                .containsExactly(tuple("b1", 14400.0), tuple("b2", 7200.0));
        assertThat((List<?>) d4.get("incidents"))
                .extracting(
                        i -> ((Map<?, ?>) i).get("incident_id"),
                        i -> ((Map<?, ?>) i).get("attribution"),
                        i -> ((Map<?, ?>) i).get("restore_seconds"))
                .containsExactly(tuple("I1", "window", 3600.0));
        assertThat((List<?>) d8.get("incidents"))
                .extracting(
                        i -> ((Map<?, ?>) i).get("incident_id"),
                        i -> ((Map<?, ?>) i).get("attribution"),
                        i -> ((Map<?, ?>) i).get("resolved_at"))
                .containsExactly(tuple("I4", "sha", null));
        assertThat(warehouse.deployment("github:shop:nope")).isEmpty();
    }
}
