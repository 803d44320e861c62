package dev.dora.dashboard;

import dev.dora.warehouse.Bucket;
import dev.dora.warehouse.Period;
import dev.dora.warehouse.Scope;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The filters every read route takes: {@code from} and {@code to} (whole UTC days, both included;
 * default the last 90 days), {@code service}, {@code team} and {@code environment}.
 */
final class Filters {
    static final int DEFAULT_DAYS = 90;
    private final Clock clock;

    Filters(Clock clock) {
        this.clock = clock;
    }

    Period period(Context ctx) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate to = date(ctx, "to", today);
        LocalDate from = date(ctx, "from", to.minusDays(DEFAULT_DAYS - 1));
        try {
            return new Period(from, to);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
    }

    /** The trend bucket, {@code day}, {@code week} (the default) or {@code month}. */
    static Bucket bucket(Context ctx) {
        try {
            return Bucket.parse(ctx.queryParamAsClass("bucket", String.class).getOrDefault("week"));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
    }

    static Scope scope(Context ctx) {
        return new Scope(
                ctx.queryParam("service"), ctx.queryParam("team"), ctx.queryParam("environment"));
    }

    /** The filters a scope applies, as the API echoes them. */
    static Map<String, Object> echo(Scope scope) {
        Map<String, Object> f = new LinkedHashMap<>();
        if (scope.team() != null) {
            f.put("team", scope.team());
        }
        if (scope.service() != null) {
            f.put("service", scope.service());
        }
        if (scope.environment() != null) {
            f.put("environment", scope.environment());
        }
        return f;
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
}
