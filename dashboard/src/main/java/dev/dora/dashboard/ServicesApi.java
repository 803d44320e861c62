package dev.dora.dashboard;

import dev.dora.warehouse.BenchmarkTable;
import dev.dora.warehouse.BenchmarkTable.Metric;
import dev.dora.warehouse.BenchmarkTables;
import dev.dora.warehouse.Breakdowns;
import dev.dora.warehouse.Period;
import dev.dora.warehouse.Scope;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/services}: every service of the scope side by side, each in the shape of
 * {@code /api/v1/dora} with its levels and its weekly deployments; {@code /api/v1/filters}, the
 * values the filter bar offers; {@code /api/v1/benchmarks}, the benchmark tables to choose from.
 */
final class ServicesApi {
    private final DoraApi dora;
    private final Filters filters;
    private final Breakdowns breakdowns;
    private final BenchmarkTables benchmarks;

    ServicesApi(DoraApi dora, Filters filters, Breakdowns breakdowns, BenchmarkTables benchmarks) {
        this.dora = dora;
        this.filters = filters;
        this.breakdowns = breakdowns;
        this.benchmarks = benchmarks;
    }

    void services(Context ctx) {
        Period period = filters.period(ctx);
        Scope scope = Filters.scope(ctx);
        BenchmarkTable table = dora.benchmark(ctx);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", period.from().toString());
        body.put("to", period.to().toString());
        body.put("filters", Filters.echo(scope));
        body.put("benchmark", table.name());
        body.put("weeks", Breakdowns.weeks(period).stream().map(Object::toString).toList());
        body.put(
                "services",
                breakdowns.services(period, scope).stream()
                        .map(row -> service(row, period, table))
                        .toList());
        ctx.json(body);
    }

    private static Map<String, Object> service(
            Map<String, Object> row, Period period, BenchmarkTable table) {
        long deployments = (Long) row.get("deployments");
        double perDay = (double) deployments / period.days();
        Double cfr = deployments == 0 ? null : (double) (Long) row.get("failed") / deployments;
        Double rework =
                deployments == 0 ? null : (double) (Long) row.get("unplanned") / deployments;
        Double lead = (Double) row.get("lead_median_seconds");
        Double recovery = (Double) row.get("recovery_median_seconds");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service", row.get("service"));
        m.put("team", row.get("team"));
        m.put(
                "deployment_frequency",
                fields(
                        "deployments",
                        deployments,
                        "per_day",
                        DoraApi.round(perDay, 3),
                        "failed_attempts",
                        row.get("failed_attempts"),
                        "level",
                        deployments == 0
                                ? null
                                : table.level(Metric.DEPLOYMENT_FREQUENCY, perDay)));
        m.put(
                "lead_time",
                fields(
                        "changes", row.get("changes"),
                        "median_seconds", DoraApi.seconds(lead),
                        "p90_seconds", DoraApi.seconds((Double) row.get("lead_p90_seconds")),
                        "level", table.level(Metric.LEAD_TIME, lead)));
        m.put(
                "change_failure_rate",
                fields(
                        "failed", row.get("failed"),
                        "rate", cfr == null ? null : DoraApi.round(cfr, 3),
                        "level", table.level(Metric.CHANGE_FAILURE_RATE, cfr)));
        m.put(
                "recovery_time",
                fields(
                        "unrecovered", row.get("unrecovered_failures"),
                        "median_seconds", DoraApi.seconds(recovery),
                        "level", table.level(Metric.RECOVERY_TIME, recovery)));
        m.put(
                "time_to_restore",
                fields(
                        "incidents", row.get("restored_incidents"),
                        "median_seconds",
                                DoraApi.seconds((Double) row.get("restore_median_seconds"))));
        m.put(
                "rework_rate",
                fields(
                        "unplanned",
                        row.get("unplanned"),
                        "rate",
                        rework == null ? null : DoraApi.round(rework, 3)));
        m.put("weekly_deployments", row.get("weekly_deployments"));
        return m;
    }

    /** An ordered JSON object from name, value pairs (values may be null). */
    private static Map<String, Object> fields(Object... nameValue) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.put((String) nameValue[i], nameValue[i + 1]);
        }
        return m;
    }

    void filters(Context ctx) {
        Map<String, List<String>> values = breakdowns.filterValues();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("teams", values.get("team"));
        body.put("services", values.get("service"));
        body.put("environments", values.get("environment"));
        ctx.json(body);
    }

    void benchmarks(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("default", benchmarks.defaultName());
        body.put(
                "benchmarks",
                benchmarks.names().stream()
                        .map(n -> Map.of("name", n, "source", benchmarks.get(n).source()))
                        .toList());
        ctx.json(body);
    }
}
