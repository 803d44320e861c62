package dev.dora.warehouse;

import static dev.dora.warehouse.WarehouseFixtures.c;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dora.events.tables.TableSchema;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every DORA number on the worked example of METRICS.md ("The worked example"): two services, a
 * first deployment, a change set over two pushes, a failed attempt, a rollback detected from the
 * sha alone, a squash-merged pull request, a hotfix, incidents attributed by window, by deployment
 * id and by sha, one outside the window, and a staging deployment that counts nowhere.
 */
class WarehouseTest {
    // 2026-03-01 is a Sunday; the period is that whole week up to Saturday 2026-03-07.
    private static final Period WEEK =
            new Period(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-07"));

    @TempDir Path root;
    @TempDir Path spill;
    private WarehouseFixtures tables;
    private Warehouse warehouse;

    @BeforeEach
    void open() {
        tables = new WarehouseFixtures(root);
        warehouse = new Warehouse(new WarehouseConfig(root, spill, "128MB", 1));
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    /** The timeline of METRICS.md, as fact rows (not yet written). */
    static void workedExample(WarehouseFixtures t) {
        // shop: first production deployment D2 carries its own push (a1, a2) only.
        t.push(
                "shop",
                "a0",
                "2026-03-02T09:00:00Z",
                c("a1", "2026-03-02T08:00:00Z"),
                c("a2", "2026-03-02T08:30:00Z"));
        t.deployment("shop", "D1", "a2", "staging", "success", "2026-03-02T09:30:00Z");
        t.deployment("shop", "D2", "a2", "production", "in_progress", "2026-03-02T09:58:00Z");
        t.deploy("shop", "D2", "a2", "2026-03-02T10:00:00Z");
        // Two pushes, one failed attempt, then D4 carries b1 and b2.
        t.push("shop", "a2", "2026-03-03T09:00:00Z", c("b1", "2026-03-03T08:00:00Z"));
        t.push("shop", "b1", "2026-03-03T11:00:00Z", c("b2", "2026-03-03T10:00:00Z"));
        t.deployment("shop", "D3", "b2", "production", "failure", "2026-03-03T11:30:00Z");
        t.deploy("shop", "D4", "b2", "2026-03-03T12:00:00Z");
        // I1 names no cause: the window attributes it to D4. D5 puts a2 back: a rollback.
        t.incident("shop", "I1", "2026-03-03T13:00:00Z", null);
        t.incident("shop", "I1", "2026-03-03T13:00:00Z", "2026-03-03T14:00:00Z");
        t.deploy("shop", "D5", "a2", "2026-03-03T13:30:00Z");
        // Pull request 7, squash-merged as s1; its first commit f1 starts s1.
        t.branchPush(
                "shop",
                "feature/x",
                "2026-03-04T08:00:00Z",
                c("f1", "2026-03-04T07:00:00Z"),
                c("f2", "2026-03-04T07:40:00Z"));
        t.mergedPullRequest("shop", "7", "feature/x", "s1", "2026-03-04T09:00:00Z");
        t.push("shop", "b2", "2026-03-04T09:00:00Z", c("s1", "2026-03-04T09:00:00Z"));
        t.deploy("shop", "D6", "s1", "2026-03-04T10:00:00Z");
        // I2 names D6; the hotfix D7 fixes it.
        t.incident("shop", "I2", "2026-03-04T11:00:00Z", "2026-03-04T11:30:00Z")
                .put("caused_by_deployment_id", "D6");
        t.push("shop", "s1", "2026-03-04T11:10:00Z", c("h1", "2026-03-04T11:05:00Z"));
        Map<String, Object> d7 = t.deploy("shop", "D7", "h1", "2026-03-04T11:20:00Z");
        d7.put("ref", "hotfix/login");
        d7.put("hotfix", true);
        // I3 opens 48 h after shop's last deployment: outside the 24 h window, unattributed.
        t.incident("shop", "I3", "2026-03-06T12:00:00Z", "2026-03-06T13:00:00Z");
        // search: a first deployment, and an open incident naming its commit.
        t.push("search", null, "2026-03-05T09:10:00Z", c("r1", "2026-03-05T09:00:00Z"));
        t.deploy("search", "D8", "r1", "2026-03-05T10:00:00Z");
        t.incident("search", "I4", "2026-03-05T12:00:00Z", null).put("caused_by_sha", "r1");
    }

    @Test
    void workedExampleOverall() throws Exception {
        workedExample(tables);
        tables.write();

        DoraSummary s = warehouse.summary(WEEK);

        // D2, D4, D5, D6, D7, D8; the failure D3 and the staging D1 are not deployments.
        assertThat(s.deployments()).isEqualTo(6);
        assertThat(s.failedAttempts()).isEqualTo(1);
        assertThat(s.weeksWithDeployments()).isEqualTo(1);
        // Lead times: h1 900, r1 3600, a2 5400, a1 7200, b2 7200, s1 10800 (from f1), b1 14400.
        assertThat(s.leadTimeChanges()).isEqualTo(7);
        assertThat(s.leadTimeMedianSeconds()).isEqualTo(7200.0);
        // p90: position 0.9 * 6 = 5.4 -> 10800 + 0.4 * (14400 - 10800).
        assertThat(s.leadTimeP90Seconds()).isCloseTo(12240.0, within(1e-6));
        // Failed: D4 (I1 by window, rolled back by D5), D6 (I2 by id, hotfix D7), D8 (I4 by sha).
        assertThat(s.failedDeployments()).isEqualTo(3);
        assertThat(s.changeFailureRate()).isEqualTo(0.5);
        // Recovery: D4 13:30 - 12:00 = 5400 (rollback before I1's resolution); D6 11:20 - 10:00 =
        // 4800 (hotfix before I2's resolution); D8 not recovered yet.
        assertThat(s.recoveryMedianSeconds()).isEqualTo(5100.0);
        assertThat(s.unrecoveredFailures()).isEqualTo(1);
        // Time to restore: I1 3600, I2 1800, I3 3600; I4 still open.
        assertThat(s.restoredIncidents()).isEqualTo(3);
        assertThat(s.restoreMedianSeconds()).isEqualTo(3600.0);
        // Unplanned: D5 (rollback, and during I1), D7 (hotfix, and during I2).
        assertThat(s.unplannedDeployments()).isEqualTo(2);
        assertThat(s.reworkRate()).isEqualTo(2.0 / 6);
        assertThat(s.deploymentsWithoutChanges()).isZero(); // D5 re-deploys a2: nothing to carry
        assertThat(s.unattributedIncidents()).isEqualTo(1); // I3
        assertThat(s.changesWithoutTimestamp()).isZero();
        assertThat(s.negativeLeadTimes()).isZero();
    }

    @Test
    void filesWrittenBeforeAColumnExistedStillGiveEveryNumber() throws Exception {
        workedExample(tables);
        tables.write();
        // An older version wrote changes without paths: rewrite every file without the column.
        try (java.sql.Connection duck = java.sql.DriverManager.getConnection("jdbc:duckdb:");
                java.sql.Statement s = duck.createStatement();
                java.util.stream.Stream<Path> files =
                        java.nio.file.Files.walk(root.resolve("changes"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".parquet")).toList()) {
                Path old = f.resolveSibling("old-" + f.getFileName());
                s.execute(
                        "COPY (SELECT * EXCLUDE (paths) FROM read_parquet('"
                                + f
                                + "', hive_partitioning = false)) TO '"
                                + old
                                + "' (FORMAT parquet)");
                java.nio.file.Files.delete(f);
            }
        }

        DoraSummary s = warehouse.summary(WEEK);

        assertThat(s.deployments()).isEqualTo(6);
        assertThat(s.leadTimeChanges()).isEqualTo(7);
        assertThat(s.leadTimeMedianSeconds()).isEqualTo(7200.0);
        assertThat(warehouse.rows("SELECT count(*) FROM changes WHERE paths IS NOT NULL"))
                .containsExactly(List.of(0L));
    }

    @Test
    void workedExamplePerService() throws Exception {
        workedExample(tables);
        tables.write();

        DoraSummary shop = warehouse.summary(WEEK, new Scope("shop", null, null));
        DoraSummary search = warehouse.summary(WEEK, new Scope("search", null, null));

        assertThat(shop.deployments()).isEqualTo(5);
        assertThat(shop.failedDeployments()).isEqualTo(2);
        assertThat(shop.leadTimeChanges()).isEqualTo(6);
        assertThat(shop.leadTimeMedianSeconds()).isEqualTo(7200.0);
        assertThat(shop.recoveryMedianSeconds()).isEqualTo(5100.0);
        assertThat(shop.restoredIncidents()).isEqualTo(3);
        assertThat(shop.unattributedIncidents()).isEqualTo(1);
        assertThat(search.deployments()).isEqualTo(1);
        assertThat(search.failedDeployments()).isEqualTo(1);
        assertThat(search.leadTimeMedianSeconds()).isEqualTo(3600.0);
        assertThat(search.recoveryMedianSeconds()).isNull();
        assertThat(search.restoredIncidents()).isZero();
    }

    @Test
    void stagingIsItsOwnEnvironmentGroup() throws Exception {
        workedExample(tables);
        tables.write();

        DoraSummary staging = warehouse.summary(WEEK, new Scope(null, null, "staging"));

        // D1 is staging's first deployment: its own push, a1 and a2.
        assertThat(staging.deployments()).isEqualTo(1);
        assertThat(staging.leadTimeChanges()).isEqualTo(2);
        assertThat(staging.failedDeployments()).isZero();
    }

    @Test
    void aNamedProductionEnvironmentMeansAllOfProduction() throws Exception {
        workedExample(tables);
        tables.write();

        assertThat(warehouse.summary(WEEK, new Scope(null, null, "production")))
                .isEqualTo(warehouse.summary(WEEK));
    }

    @Test
    void changeSetsAndOutcomesPerDeployment() throws Exception {
        workedExample(tables);
        tables.write();

        assertThat(
                        warehouse.rows(
                                "SELECT deployment_key, string_agg(sha, ',' ORDER BY sha)"
                                        + " FROM deployment_changes WHERE env_group = 'production'"
                                        + " GROUP BY 1 ORDER BY 1"))
                .containsExactly(
                        List.of("github:search:D8", "r1"),
                        List.of("github:shop:D2", "a1,a2"),
                        List.of("github:shop:D4", "b1,b2"),
                        List.of("github:shop:D6", "s1"),
                        List.of("github:shop:D7", "h1"));
        assertThat(
                        warehouse.rows(
                                "SELECT deployment_id, is_rollback, is_hotfix, failed,"
                                        + " failure_reasons, unplanned FROM deployment_outcomes"
                                        + " WHERE env_group = 'production' ORDER BY finished_at"))
                .containsExactly(
                        row("D2", false, false, false, null, false),
                        row("D4", false, false, true, "incident, rolled back", false),
                        row("D5", true, false, false, null, true),
                        row("D6", false, false, true, "incident, hotfix", false),
                        row("D7", false, true, false, null, true),
                        row("D8", false, false, true, "incident", false));
        assertThat(
                        warehouse.rows(
                                "SELECT incident_id, deployment_key, attribution"
                                        + " FROM incident_attribution ORDER BY incident_id"))
                .containsExactly(
                        row("I1", "github:shop:D4", "window"),
                        row("I2", "github:shop:D6", "deployment_id"),
                        row(
                                "I3",
                                null,
                                "unattributed: no production deployment of the service in the"
                                        + " window"),
                        row("I4", "github:search:D8", "sha"));
    }

    @Test
    void drillDownListsEachDeploymentWithItsChangesAndEachIncidentWithItsCause() throws Exception {
        workedExample(tables);
        tables.write();

        List<Map<String, Object>> deployments = warehouse.deployments(WEEK, Scope.ALL);
        List<Map<String, Object>> incidents = warehouse.incidents(WEEK, Scope.ALL);

        assertThat(deployments)
                .extracting(d -> d.get("deployment_id"))
                .containsExactly("D8", "D7", "D6", "D5", "D4", "D2");
        Map<String, Object> d4 = deployments.get(4);
        assertThat(d4.get("failure_reasons")).isEqualTo("incident, rolled back");
        assertThat(((Number) d4.get("recovery_seconds")).doubleValue()).isEqualTo(5400.0);
        assertThat((List<?>) d4.get("changes"))
                .extracting(
                        c -> ((Map<?, ?>) c).get("sha"), c -> ((Map<?, ?>) c).get("lead_seconds"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("b1", 14400.0),
                        org.assertj.core.groups.Tuple.tuple("b2", 7200.0));
        assertThat(deployments.get(3).get("rolls_back")).isEqualTo("github:shop:D4");
        Map<?, ?> s1 = (Map<?, ?>) ((List<?>) deployments.get(2).get("changes")).get(0);
        assertThat(s1.get("pull_request")).isEqualTo("7");
        assertThat(s1.get("lead_seconds")).isEqualTo(10800.0);
        assertThat(incidents)
                .extracting(i -> i.get("incident_id"), i -> i.get("deployment_id"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("I3", null),
                        org.assertj.core.groups.Tuple.tuple("I4", "D8"),
                        org.assertj.core.groups.Tuple.tuple("I2", "D6"),
                        org.assertj.core.groups.Tuple.tuple("I1", "D4"));
    }

    @Test
    void dailyTrendComputesEachDayFromItsOwnFacts() throws Exception {
        workedExample(tables);
        tables.write();

        List<TrendPoint> days =
                warehouse.trend(
                        new Period(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-04")),
                        Bucket.DAY);

        assertThat(days)
                .containsExactly(
                        new TrendPoint(
                                LocalDate.parse("2026-03-02"), 1, 0, 2, 6300.0, 7020.0, 0, null, 0),
                        new TrendPoint(
                                LocalDate.parse("2026-03-03"),
                                2,
                                1,
                                2,
                                10800.0,
                                13680.0,
                                1,
                                5400.0,
                                1),
                        new TrendPoint(
                                LocalDate.parse("2026-03-04"),
                                2,
                                0,
                                2,
                                5850.0,
                                9810.0,
                                1,
                                4800.0,
                                1));
    }

    /**
     * The same facts in any order, split over files, with every row repeated and older states in
     * between, give the same numbers: nothing depends on arrival order.
     */
    @Test
    void shuffledAndRepeatedRowsGiveTheSameNumbers() throws Exception {
        workedExample(tables);
        List<Map.Entry<TableSchema, Map<String, Object>>> rows = new ArrayList<>();
        tables.pending().forEach((t, list) -> list.forEach(r -> rows.add(Map.entry(t, r))));
        tables.pending().clear();
        rows.addAll(new ArrayList<>(rows)); // every row twice
        Collections.shuffle(rows, new Random(42));
        for (int i = 0; i < rows.size(); i += 7) { // files of 7 rows, in the shuffled order
            for (var e : rows.subList(i, Math.min(rows.size(), i + 7))) {
                tables.pending()
                        .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue());
            }
            tables.write();
        }
        Path inOrder = root.resolveSibling(root.getFileName() + "-in-order");
        WarehouseFixtures ordered = new WarehouseFixtures(inOrder);
        workedExample(ordered);
        ordered.write();

        try (Warehouse reference = new Warehouse(new WarehouseConfig(inOrder, spill, "128MB", 1))) {
            assertThat(warehouse.summary(WEEK)).isEqualTo(reference.summary(WEEK));
            assertThat(warehouse.trend(WEEK, Bucket.DAY))
                    .isEqualTo(reference.trend(WEEK, Bucket.DAY));
        }
    }

    @Test
    void emptyWarehouseAnswersZerosAndNoMedians() {
        DoraSummary s = warehouse.summary(WEEK);

        assertThat(s.deployments()).isZero();
        assertThat(s.leadTimeMedianSeconds()).isNull();
        assertThat(s.changeFailureRate()).isNull();
        assertThat(s.restoreMedianSeconds()).isNull();
        assertThat(warehouse.trend(WEEK, Bucket.WEEK)).hasSize(2); // weeks of 02-23 and 03-02
    }

    private static List<Object> row(Object... values) {
        return java.util.Arrays.asList(values);
    }
}
