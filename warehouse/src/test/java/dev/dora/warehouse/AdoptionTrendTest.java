package dev.dora.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adoption trend on the worked example of METRICS.md ("Adoption trends"), the timeline of
 * {@link AdoptionTest}: every bucket of the period by day, week and month, for everyone and per
 * team, each value as the document gives it; and the buckets adding up to the period's figures.
 */
class AdoptionTrendTest {
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
        warehouse = warehouse(WarehouseConfig.DEFAULT_PLATFORM_PIPELINE_PATTERN);
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    private Warehouse warehouse(String platformPipelinePattern) {
        return new Warehouse(
                new WarehouseConfig(
                        root,
                        spill,
                        "128MB",
                        1,
                        WarehouseConfig.DEFAULT_INCIDENT_WINDOW,
                        TEAMS,
                        platformPipelinePattern));
    }

    @Test
    void everyDayOfTheWorkedExample() throws Exception {
        AdoptionTest.workedExample(tables);
        tables.write();

        // Columns as in METRICS.md: coverage (known, golden path, ratio), deployments (all,
        // platform, share), requests (self-service, fulfilled, ticket, fulfilled, share),
        // registered, first deployed.
        assertThat(warehouse.adoptionTrend(WEEK, Bucket.DAY, null))
                .containsExactly(
                        // ledger, legacy-billing (catalog only) and old-service (Feb 10)
                        point("2026-03-01", 3, 0, 0.0, 0, 0, null, 0, 0, 0, 0, null, 0, 0),
                        // checkout registered; C0 manual, C2 golden; R1, T1
                        point("2026-03-02", 4, 1, 0.25, 2, 1, 0.5, 1, 1, 1, 1, 0.5, 1, 1),
                        // payments-api registered; C3 platform, P1 jenkins; R2
                        point("2026-03-03", 5, 2, 0.4, 2, 1, 0.5, 1, 1, 0, 0, 1.0, 1, 1),
                        // search registered; R3 (fulfilled in its latest state)
                        point("2026-03-04", 6, 2, 0.333, 0, 0, null, 1, 1, 0, 0, 1.0, 1, 0),
                        // O1, old-service's first production deployment; T2 still open
                        point("2026-03-05", 6, 2, 0.333, 1, 0, 0.0, 0, 0, 1, 0, 0.0, 0, 1),
                        // L1 golden_path
                        point("2026-03-06", 6, 2, 0.333, 1, 1, 1.0, 0, 0, 0, 0, null, 0, 0),
                        point("2026-03-07", 6, 2, 0.333, 0, 0, null, 0, 0, 0, 0, null, 0, 0));
    }

    @Test
    void weeksAndMonthsAreCutAtThePeriodAndCoverageIsAsTheBucketCloses() throws Exception {
        AdoptionTest.workedExample(tables);
        tables.write();

        // The week of Monday Feb 23 holds only Mar 1; the week of Mar 2 closes with the period on
        // Mar 8 00:00, before C4.
        assertThat(warehouse.adoptionTrend(WEEK, Bucket.WEEK, null))
                .containsExactly(
                        point("2026-02-23", 3, 0, 0.0, 0, 0, null, 0, 0, 0, 0, null, 0, 0),
                        point("2026-03-02", 6, 2, 0.333, 6, 3, 0.5, 3, 3, 2, 1, 0.6, 3, 3));
        assertThat(warehouse.adoptionTrend(WEEK, Bucket.MONTH, null))
                .containsExactly(
                        point("2026-03-01", 6, 2, 0.333, 6, 3, 0.5, 3, 3, 2, 1, 0.6, 3, 3));
    }

    @Test
    void aTeamsTrendCountsItsServicesAndTheRequestsItMadeOrThatAreForItsServices()
            throws Exception {
        AdoptionTest.workedExample(tables);
        tables.write();

        // Before checkout's registration payments knows no service: no coverage.
        assertThat(warehouse.adoptionTrend(WEEK, Bucket.DAY, "payments"))
                .containsExactly(
                        point("2026-03-01", 0, 0, null, 0, 0, null, 0, 0, 0, 0, null, 0, 0),
                        // C0, C2; R1 by its team
                        point("2026-03-02", 1, 1, 1.0, 2, 1, 0.5, 1, 1, 0, 0, 1.0, 1, 1),
                        // C3, P1; R2 by its service
                        point("2026-03-03", 2, 2, 1.0, 2, 1, 0.5, 1, 1, 0, 0, 1.0, 1, 1),
                        point("2026-03-04", 2, 2, 1.0, 0, 0, null, 0, 0, 0, 0, null, 0, 0),
                        point("2026-03-05", 2, 2, 1.0, 0, 0, null, 0, 0, 0, 0, null, 0, 0),
                        point("2026-03-06", 2, 2, 1.0, 0, 0, null, 0, 0, 0, 0, null, 0, 0),
                        point("2026-03-07", 2, 2, 1.0, 0, 0, null, 0, 0, 0, 0, null, 0, 0));
        // ledger and legacy-billing are in the catalog only: known from the start.
        assertThat(warehouse.adoptionTrend(WEEK, Bucket.WEEK, "finance"))
                .containsExactly(
                        point("2026-02-23", 2, 0, 0.0, 0, 0, null, 0, 0, 0, 0, null, 0, 0),
                        // L1; T1 by its team
                        point("2026-03-02", 2, 0, 0.0, 1, 1, 1.0, 0, 0, 1, 1, 0.0, 0, 0));
    }

    @Test
    void theBucketsOfAPeriodAddUpToItsFigures() throws Exception {
        AdoptionTest.workedExample(tables);
        tables.write();

        for (String team : new String[] {null, "payments", "finance"}) {
            Adoption period = warehouse.adoption(WEEK, team);
            AdoptionTrendPoint month = warehouse.adoptionTrend(WEEK, Bucket.MONTH, team).get(0);
            assertThat(month.pipelines()).as(team).isEqualTo(period.pipelines());
            assertThat(month.requests().selfServiceShare())
                    .as(team)
                    .isEqualTo(period.selfService().selfServiceShare());
            assertThat(month.requests().selfService() + month.requests().ticket())
                    .as(team)
                    .isEqualTo(period.selfService().requests());
        }
    }

    @Test
    void nothingKnownListsEveryBucketWithZeroCountsAndNullRatios() {
        assertThat(warehouse.adoptionTrend(WEEK, Bucket.DAY, null))
                .hasSize(7)
                .allSatisfy(
                        p -> {
                            assertThat(p.coverage()).isEqualTo(new Adoption.Coverage(0, 0, null));
                            assertThat(p.pipelines())
                                    .isEqualTo(new Adoption.PipelineShare(0, 0, null));
                            assertThat(p.requests())
                                    .isEqualTo(new AdoptionTrendPoint.Requests(0, 0, 0, 0, null));
                        });
    }

    @Test
    void thePatternIsWrittenIntoTheDerivationAsAStringLiteral() throws Exception {
        warehouse.close();
        // A quote and a backslash: the literal must keep both as the pattern has them.
        warehouse = warehouse("^team's\\s+pipeline$");
        tables.deploy("checkout", "c1", "s1", "2026-03-02T10:00:00Z")
                .put("pipeline", "team's  pipeline");
        tables.deploy("checkout", "c2", "s2", "2026-03-02T11:00:00Z")
                .put("pipeline", "teams pipeline");
        tables.write();

        assertThat(warehouse.adoption(WEEK, null).pipelines())
                .isEqualTo(new Adoption.PipelineShare(2, 1, 0.5));
        assertThat(warehouse.adoptionTrend(WEEK, Bucket.WEEK, null).get(1).pipelines())
                .isEqualTo(new Adoption.PipelineShare(2, 1, 0.5));
    }

    /** A bucket as METRICS.md's tables list it, column by column. */
    private static AdoptionTrendPoint point(
            String start,
            long services,
            long goldenPath,
            Double coverage,
            long deployments,
            long platform,
            Double pipelineShare,
            long selfService,
            long selfServiceFulfilled,
            long tickets,
            long ticketsFulfilled,
            Double selfServiceShare,
            long registered,
            long firstDeployed) {
        return new AdoptionTrendPoint(
                LocalDate.parse(start),
                new Adoption.Coverage(services, goldenPath, coverage),
                new Adoption.PipelineShare(deployments, platform, pipelineShare),
                new AdoptionTrendPoint.Requests(
                        selfService,
                        selfServiceFulfilled,
                        tickets,
                        ticketsFulfilled,
                        selfServiceShare),
                registered,
                firstDeployed);
    }
}
