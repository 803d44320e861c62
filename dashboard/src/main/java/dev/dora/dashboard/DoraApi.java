package dev.dora.dashboard;

import dev.dora.warehouse.Bucket;
import dev.dora.warehouse.DoraSummary;
import dev.dora.warehouse.Period;
import dev.dora.warehouse.TrendPoint;
import dev.dora.warehouse.Warehouse;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/dora} and {@code /api/v1/dora/trend}: the DORA metrics of a period in the JSON
 * shape of DESIGN.md. Metrics whose issue has not landed yet are {@code null}.
 */
final class DoraApi {
    static final int DEFAULT_DAYS = 90;
    private final Warehouse warehouse;
    private final Clock clock;

    DoraApi(Warehouse warehouse, Clock clock) {
        this.warehouse = warehouse;
        this.clock = clock;
    }

    void summary(Context ctx) {
        Period period = period(ctx);
        DoraSummary s = warehouse.summary(period);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", period.from().toString());
        body.put("to", period.to().toString());
        body.put("filters", Map.of());
        body.put("benchmark", null);
        Map<String, Object> df = new LinkedHashMap<>();
        df.put("deployments", s.deployments());
        df.put("per_day", round(s.deploymentsPerDay(), 3));
        df.put("per_week", round(s.deploymentsPerWeek(), 3));
        df.put("failed_attempts", s.failedAttempts());
        df.put("level", null);
        body.put("deployment_frequency", df);
        Map<String, Object> lt = new LinkedHashMap<>();
        lt.put("changes", s.leadTimeChanges());
        lt.put("median_seconds", seconds(s.leadTimeMedianSeconds()));
        lt.put("p90_seconds", seconds(s.leadTimeP90Seconds()));
        lt.put("level", null);
        body.put("lead_time", lt);
        body.put("change_failure_rate", null);
        body.put("recovery_time", null);
        body.put("time_to_restore", null);
        body.put("rework_rate", null);
        Map<String, Object> dq = new LinkedHashMap<>();
        dq.put("deployments_without_changes", s.deploymentsWithoutChanges());
        dq.put("changes_without_timestamp", s.changesWithoutTimestamp());
        dq.put("negative_lead_times", s.negativeLeadTimes());
        dq.put("unattributed_incidents", null);
        body.put("data_quality", dq);
        ctx.json(body);
    }

    void trend(Context ctx) {
        Period period = period(ctx);
        Bucket bucket;
        try {
            bucket =
                    Bucket.parse(
                            ctx.queryParamAsClass("bucket", String.class).getOrDefault("week"));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
        List<TrendPoint> points = warehouse.trend(period, bucket);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", period.from().toString());
        body.put("to", period.to().toString());
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
                                    return m;
                                })
                        .toList());
        ctx.json(body);
    }

    /** {@code from} and {@code to} as whole UTC days, both included; default the last 90 days. */
    private Period period(Context ctx) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate to = date(ctx, "to", today);
        LocalDate from = date(ctx, "from", to.minusDays(DEFAULT_DAYS - 1));
        try {
            return new Period(from, to);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
    }

    private static LocalDate date(Context ctx, String name, LocalDate fallback) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new ApiException(
                    400, "'" + name + "' must be a date YYYY-MM-DD, got '" + v + "'");
        }
    }

    /** Seconds as a whole number when whole, else with one decimal; null stays null. */
    static Number seconds(Double v) {
        if (v == null) {
            return null;
        }
        BigDecimal d = BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.scale() <= 0 ? (Number) d.longValueExact() : (Number) d.doubleValue();
    }

    private static double round(double v, int places) {
        return BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }
}
