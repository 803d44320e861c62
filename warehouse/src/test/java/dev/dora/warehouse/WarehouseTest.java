package dev.dora.warehouse;

import static dev.dora.warehouse.WarehouseFixtures.carried;
import static dev.dora.warehouse.WarehouseFixtures.change;
import static dev.dora.warehouse.WarehouseFixtures.deployment;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Summary and trend figures over tiny Parquet tables of one service, acme/shop. */
class WarehouseTest {
    // 2026-03-01 is a Sunday; the period is that whole week up to Saturday 2026-03-07.
    private static final Period WEEK_OF_MARCH_1 =
            new Period(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-07"));

    private static final Instant PUSHED = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant C1_STARTED = Instant.parse("2026-03-01T16:10:00Z");
    private static final Instant C2_STARTED = Instant.parse("2026-03-02T08:05:00Z");
    private static final Instant STARTED_AFTER_DEPLOYMENT = Instant.parse("2026-03-02T10:30:00Z");
    private static final Instant D1_IN_PROGRESS = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant D1_FINISHED = Instant.parse("2026-03-02T10:04:10Z");
    private static final Instant STAGING_FINISHED = Instant.parse("2026-03-03T09:00:00Z");
    private static final Instant FAILED_NEXT_DAY = Instant.parse("2026-03-04T11:00:00Z");
    private static final Instant REDEPLOYED_AFTER_ROLLBACK = Instant.parse("2026-03-04T12:00:00Z");

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

    @Test
    void leadTimeIsMedianAndP90OverChangesFirstDeployedInThePeriod() throws Exception {
        tables.changes(change("c1", C1_STARTED, PUSHED), change("c2", C2_STARTED, PUSHED));
        tables.deployments(deployment("d1", "production", "success", D1_FINISHED, 1));
        tables.deploymentChanges(
                carried("d1", "c1", D1_FINISHED), carried("d1", "c2", D1_FINISHED));

        // c1: 03-01 16:10:00 -> 03-02 10:04:10 = 64450 s; c2: 08:05:00 -> 10:04:10 = 7150 s.
        // Median (64450 + 7150) / 2 = 35800; p90 = 7150 + 0.9 * (64450 - 7150) = 58720.
        assertThat(warehouse.summary(WEEK_OF_MARCH_1))
                .isEqualTo(new DoraSummary(WEEK_OF_MARCH_1, 1, 0, 1, 2, 35800.0, 58720.0, 0, 0, 0));
    }

    @Test
    void onlyProductionSuccessesAreDeploymentsAndFailedAttemptsAreReportedApart() throws Exception {
        tables.changes(change("c2", C2_STARTED, PUSHED));
        tables.deployments(
                deployment("d1", "production", "success", D1_FINISHED, 1),
                deployment("s1", "staging", "success", STAGING_FINISHED, 1),
                deployment("d3", "production", "failure", FAILED_NEXT_DAY, 1));
        tables.deploymentChanges(carried("d1", "c2", D1_FINISHED));

        assertThat(warehouse.summary(WEEK_OF_MARCH_1))
                .isEqualTo(new DoraSummary(WEEK_OF_MARCH_1, 1, 1, 1, 1, 7150.0, 7150.0, 0, 0, 0));
    }

    @Test
    void changeCarriedAgainCountsOnceWithItsFirstDeployment() throws Exception {
        tables.changes(change("c2", C2_STARTED, PUSHED));
        tables.deployments(
                deployment("d1", "production", "success", D1_FINISHED, 1),
                deployment("d2", "production", "success", REDEPLOYED_AFTER_ROLLBACK, 1));
        tables.deploymentChanges(
                carried("d1", "c2", D1_FINISHED), carried("d2", "c2", REDEPLOYED_AFTER_ROLLBACK));

        // Two deployments, one change, lead time to d1 (7150 s), not to d2.
        assertThat(warehouse.summary(WEEK_OF_MARCH_1))
                .isEqualTo(new DoraSummary(WEEK_OF_MARCH_1, 2, 0, 1, 1, 7150.0, 7150.0, 0, 0, 0));
        // From 03-03 only d2 is in the period, and c2 was first deployed before it.
        Period fromMarch3 =
                new Period(LocalDate.parse("2026-03-03"), LocalDate.parse("2026-03-07"));
        assertThat(warehouse.summary(fromMarch3))
                .isEqualTo(new DoraSummary(fromMarch3, 1, 0, 1, 0, null, null, 0, 0, 0));
    }

    @Test
    void latestVersionOfADeploymentWins() throws Exception {
        tables.changes(change("c2", C2_STARTED, PUSHED));
        // Two files, as two checkpoints would write them.
        tables.deployments(deployment("d1", "production", "in_progress", D1_IN_PROGRESS, 1));
        tables.deployments(deployment("d1", "production", "success", D1_FINISHED, 2));
        tables.deploymentChanges(carried("d1", "c2", D1_FINISHED));

        assertThat(warehouse.summary(WEEK_OF_MARCH_1))
                .isEqualTo(new DoraSummary(WEEK_OF_MARCH_1, 1, 0, 1, 1, 7150.0, 7150.0, 0, 0, 0));
    }

    @Test
    void productionSuccessWithoutChangesIsReportedUnderDataQuality() throws Exception {
        tables.changes(change("c2", C2_STARTED, PUSHED));
        tables.deployments(
                deployment("d1", "production", "success", D1_FINISHED, 1),
                deployment("d2", "production", "success", REDEPLOYED_AFTER_ROLLBACK, 1));
        tables.deploymentChanges(carried("d1", "c2", D1_FINISHED)); // d2 carried nothing

        assertThat(warehouse.summary(WEEK_OF_MARCH_1).deploymentsWithoutChanges()).isEqualTo(1);
        assertThat(warehouse.summary(WEEK_OF_MARCH_1).deployments()).isEqualTo(2);
    }

    @Test
    void changeWithoutStartTimeIsLeftOutOfLeadTimeAndReported() throws Exception {
        tables.changes(change("c2", C2_STARTED, PUSHED), change("c3", null, PUSHED));
        tables.deployments(deployment("d1", "production", "success", D1_FINISHED, 1));
        tables.deploymentChanges(
                carried("d1", "c2", D1_FINISHED), carried("d1", "c3", D1_FINISHED));

        assertThat(warehouse.summary(WEEK_OF_MARCH_1))
                .isEqualTo(new DoraSummary(WEEK_OF_MARCH_1, 1, 0, 1, 1, 7150.0, 7150.0, 0, 0, 1));
    }

    @Test
    void negativeLeadTimeCountsAsZeroAndIsReported() throws Exception {
        tables.changes(
                change("c2", C2_STARTED, PUSHED),
                change("c4", STARTED_AFTER_DEPLOYMENT, PUSHED)); // clock skew: -1550 s
        tables.deployments(deployment("d1", "production", "success", D1_FINISHED, 1));
        tables.deploymentChanges(
                carried("d1", "c2", D1_FINISHED), carried("d1", "c4", D1_FINISHED));

        // Lead times 0 and 7150: median 3575, p90 = 0 + 0.9 * 7150 = 6435.
        assertThat(warehouse.summary(WEEK_OF_MARCH_1))
                .isEqualTo(new DoraSummary(WEEK_OF_MARCH_1, 1, 0, 1, 2, 3575.0, 6435.0, 1, 0, 0));
    }

    @Test
    void dailyTrendListsEveryDayOfThePeriod() throws Exception {
        tables.changes(change("c1", C1_STARTED, PUSHED), change("c2", C2_STARTED, PUSHED));
        tables.deployments(
                deployment("d1", "production", "success", D1_FINISHED, 1),
                deployment("d3", "production", "failure", FAILED_NEXT_DAY, 1));
        tables.deploymentChanges(
                carried("d1", "c1", D1_FINISHED), carried("d1", "c2", D1_FINISHED));

        assertThat(warehouse.trend(WEEK_OF_MARCH_1, Bucket.DAY))
                .containsExactly(
                        empty("2026-03-01"),
                        new TrendPoint(day("2026-03-02"), 1, 0, 2, 35800.0, 58720.0),
                        empty("2026-03-03"),
                        new TrendPoint(day("2026-03-04"), 0, 1, 0, null, null),
                        empty("2026-03-05"),
                        empty("2026-03-06"),
                        empty("2026-03-07"));
    }

    @Test
    void weeklyTrendBucketsStartOnMondays() throws Exception {
        tables.deployments(
                deployment("d0", "production", "success", Instant.parse("2026-03-01T12:00:00Z"), 1),
                deployment("d1", "production", "success", D1_FINISHED, 1),
                deployment(
                        "d2", "production", "success", Instant.parse("2026-03-05T12:00:00Z"), 1));
        Period twoWeeks = new Period(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-14"));

        // Sunday 03-01 belongs to the week of Monday 02-23; 03-02 and 03-05 to the week of 03-02.
        assertThat(warehouse.trend(twoWeeks, Bucket.WEEK))
                .containsExactly(
                        new TrendPoint(day("2026-02-23"), 1, 0, 0, null, null),
                        new TrendPoint(day("2026-03-02"), 2, 0, 0, null, null),
                        empty("2026-03-09"))
                .allSatisfy(p -> assertThat(p.start().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY));
    }

    @Test
    void emptyWarehouseAnswersZerosAndNoMedians() {
        assertThat(warehouse.summary(WEEK_OF_MARCH_1))
                .isEqualTo(new DoraSummary(WEEK_OF_MARCH_1, 0, 0, 0, 0, null, null, 0, 0, 0));
        Period threeDays = new Period(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-03"));
        assertThat(warehouse.trend(threeDays, Bucket.DAY))
                .containsExactly(empty("2026-03-01"), empty("2026-03-02"), empty("2026-03-03"));
    }

    private static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    private static TrendPoint empty(String date) {
        return new TrendPoint(day(date), 0, 0, 0, null, null);
    }
}
