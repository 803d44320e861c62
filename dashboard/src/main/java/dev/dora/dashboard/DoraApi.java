package dev.dora.dashboard;

import dev.dora.warehouse.BenchmarkTable;
import dev.dora.warehouse.BenchmarkTables;
import dev.dora.warehouse.Bucket;
import dev.dora.warehouse.DoraSummary;
import dev.dora.warehouse.Period;
import dev.dora.warehouse.Scope;
import dev.dora.warehouse.TrendPoint;
import dev.dora.warehouse.Warehouse;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/dora} and {@code /api/v1/dora/trend}: the DORA metrics of a period in the JSON
 * shape of DESIGN.md; {@code /api/v1/deployments} and {@code /api/v1/incidents}, the drill-downs.
 * Every route takes {@code from}, {@code to}, {@code service}, {@code team} and {@code
 * environment}.
 */
final class DoraApi {
    private final Warehouse warehouse;
    private final BenchmarkTables benchmarks;
    private final Filters filters;

    DoraApi(Warehouse warehouse, BenchmarkTables benchmarks, Clock clock) {
        this.warehouse = warehouse;
        this.benchmarks = benchmarks;
        this.filters = new Filters(clock);
    }

    void summary(Context ctx) {
        Period period = filters.period(ctx);
        Scope scope = Filters.scope(ctx);
        BenchmarkTable table = benchmark(ctx);
        DoraSummary s = warehouse.summary(period, scope);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", period.from().toString());
        body.put("to", period.to().toString());
        body.put("filters", Filters.echo(scope));
        body.put("benchmark", table.name());
        Map<String, Object> df = new LinkedHashMap<>();
        df.put("deployments", s.deployments());
        df.put("per_day", round(s.deploymentsPerDay(), 3));
        df.put("per_week", round(s.deploymentsPerWeek(), 3));
        df.put("weeks_with_deployments_share", round(weeksShare(period, s), 3));
        df.put("failed_attempts", s.failedAttempts());
        df.put(
                "level",
                s.deployments() == 0
                        ? null
                        : table.level(
                                BenchmarkTable.Metric.DEPLOYMENT_FREQUENCY, s.deploymentsPerDay()));
        body.put("deployment_frequency", df);
        Map<String, Object> lt = new LinkedHashMap<>();
        lt.put("changes", s.leadTimeChanges());
        lt.put("median_seconds", seconds(s.leadTimeMedianSeconds()));
        lt.put("p90_seconds", seconds(s.leadTimeP90Seconds()));
        lt.put("level", table.level(BenchmarkTable.Metric.LEAD_TIME, s.leadTimeMedianSeconds()));
        body.put("lead_time", lt);
        Map<String, Object> cfr = new LinkedHashMap<>();
        cfr.put("deployments", s.deployments());
        cfr.put("failed", s.failedDeployments());
        cfr.put("rate", s.changeFailureRate() == null ? null : round(s.changeFailureRate(), 3));
        cfr.put(
                "level",
                table.level(BenchmarkTable.Metric.CHANGE_FAILURE_RATE, s.changeFailureRate()));
        body.put("change_failure_rate", cfr);
        Map<String, Object> recovery = new LinkedHashMap<>();
        recovery.put("failures", s.failedDeployments());
        recovery.put("unrecovered", s.unrecoveredFailures());
        recovery.put("median_seconds", seconds(s.recoveryMedianSeconds()));
        recovery.put(
                "level",
                table.level(BenchmarkTable.Metric.RECOVERY_TIME, s.recoveryMedianSeconds()));
        body.put("recovery_time", recovery);
        Map<String, Object> restore = new LinkedHashMap<>();
        restore.put("incidents", s.restoredIncidents());
        restore.put("median_seconds", seconds(s.restoreMedianSeconds()));
        body.put("time_to_restore", restore);
        Map<String, Object> rework = new LinkedHashMap<>();
        rework.put("deployments", s.deployments());
        rework.put("unplanned", s.unplannedDeployments());
        rework.put("rate", s.reworkRate() == null ? null : round(s.reworkRate(), 3));
        body.put("rework_rate", rework);
        Map<String, Object> dq = new LinkedHashMap<>();
        dq.put("deployments_without_changes", s.deploymentsWithoutChanges());
        dq.put("changes_without_timestamp", s.changesWithoutTimestamp());
        dq.put("unattributed_incidents", s.unattributedIncidents());
        dq.put("negative_lead_times", s.negativeLeadTimes());
        body.put("data_quality", dq);
        ctx.json(body);
    }

    /** {@code GET /api/v1/deployments}: the drill-down, newest first. */
    void deployments(Context ctx) {
        Period period = filters.period(ctx);
        Scope scope = Filters.scope(ctx);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", period.from().toString());
        body.put("to", period.to().toString());
        body.put("filters", Filters.echo(scope));
        body.put("deployments", jsonReady(warehouse.deployments(period, scope)));
        ctx.json(body);
    }

    /** {@code GET /api/v1/incidents}: incidents opened in the period, newest first. */
    void incidents(Context ctx) {
        Period period = filters.period(ctx);
        Scope scope = Filters.scope(ctx);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", period.from().toString());
        body.put("to", period.to().toString());
        body.put("filters", Filters.echo(scope));
        body.put("incidents", jsonReady(warehouse.incidents(period, scope)));
        ctx.json(body);
    }

    /** Instants as ISO-8601 text, whole seconds as integers, nested lists of rows likewise. */
    static List<Map<String, Object>> jsonReady(List<Map<String, Object>> rows) {
        for (Map<String, Object> row : rows) {
            row.replaceAll(
                    (k, v) -> {
                        if (v instanceof java.time.Instant i) {
                            return i.toString();
                        }
                        if (k.endsWith("_seconds") && v instanceof Number n) {
                            return seconds(n.doubleValue());
                        }
                        if (v instanceof List<?> list
                                && !list.isEmpty()
                                && list.get(0) instanceof Map) {
                            @SuppressWarnings("unchecked")
                            List<Map<String, Object>> nested = (List<Map<String, Object>>) v;
                            return jsonReady(nested);
                        }
                        return v;
                    });
        }
        return rows;
    }

    private static double weeksShare(Period period, DoraSummary s) {
        long weeks =
                java.time.temporal.ChronoUnit.WEEKS.between(
                                period.from()
                                        .with(
                                                java.time.temporal.TemporalAdjusters.previousOrSame(
                                                        java.time.DayOfWeek.MONDAY)),
                                period.to())
                        + 1;
        return (double) s.weeksWithDeployments() / weeks;
    }

    BenchmarkTable benchmark(Context ctx) {
        String name = ctx.queryParam("benchmark");
        try {
            return benchmarks.get(name == null || name.isBlank() ? benchmarks.defaultName() : name);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
    }

    void trend(Context ctx) {
        Period period = filters.period(ctx);
        Bucket bucket = Filters.bucket(ctx);
        Scope scope = Filters.scope(ctx);
        List<TrendPoint> points = warehouse.trend(period, bucket, scope);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", period.from().toString());
        body.put("to", period.to().toString());
        body.put("filters", Filters.echo(scope));
        body.put("bucket", bucket.name().toLowerCase(java.util.Locale.ROOT));
        body.put(
                "points",
                points.stream()
                        .map(
                                p -> {
                                    Map<String, Object> m = new LinkedHashMap<>();
                                    m.put("start", p.start().toString());
                                    m.put("deployments", p.deployments());
                                    m.put("failed_attempts", p.failedAttempts());
                                    Map<String, Object> lt = new LinkedHashMap<>();
                                    lt.put("changes", p.changes());
                                    lt.put("median_seconds", seconds(p.leadTimeMedianSeconds()));
                                    lt.put("p90_seconds", seconds(p.leadTimeP90Seconds()));
                                    m.put("lead_time", lt);
                                    m.put("failed_deployments", p.failedDeployments());
                                    m.put(
                                            "change_failure_rate",
                                            p.deployments() == 0
                                                    ? null
                                                    : round(
                                                            (double) p.failedDeployments()
                                                                    / p.deployments(),
                                                            3));
                                    m.put(
                                            "recovery_median_seconds",
                                            seconds(p.recoveryMedianSeconds()));
                                    m.put("unplanned_deployments", p.unplannedDeployments());
                                    return m;
                                })
                        .toList());
        ctx.json(body);
    }

    /** Seconds as a whole number when whole, else with one decimal; null stays null. */
    static Number seconds(Double v) {
        if (v == null) {
            return null;
        }
        BigDecimal d = BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.scale() <= 0 ? (Number) d.longValueExact() : (Number) d.doubleValue();
    }

    static double round(double v, int places) {
        return BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }
}
