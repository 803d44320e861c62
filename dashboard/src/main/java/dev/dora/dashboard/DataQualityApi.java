package dev.dora.dashboard;

import dev.dora.warehouse.Breakdowns;
import dev.dora.warehouse.Period;
import dev.dora.warehouse.Scope;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/data-quality}: what could not be linked and why, by kind ({@code
 * deployment_without_changes}, {@code change_without_timestamp}, {@code negative_lead_time}, {@code
 * unattributed_incident}, {@code rejected_event}), with a count per kind. Each item has {@code
 * service}, {@code source}, {@code item} (its key), {@code label} (its id or sha), {@code
 * happened_at}, {@code detail} (the reason), {@code seconds} (a negative lead time) and {@code
 * count} (rejected events of that source and reason, the latest as the example).
 */
final class DataQualityApi {
    private final Filters filters;
    private final Breakdowns breakdowns;

    DataQualityApi(Filters filters, Breakdowns breakdowns) {
        this.filters = filters;
        this.breakdowns = breakdowns;
    }

    void dataQuality(Context ctx) {
        Period period = filters.period(ctx);
        Scope scope = Filters.scope(ctx);
        Map<String, List<Map<String, Object>>> items = breakdowns.dataQuality(period, scope);
        Map<String, Object> counts = new LinkedHashMap<>();
        items.forEach(
                (kind, rows) ->
                        counts.put(
                                kind,
                                rows.stream()
                                        .mapToLong(r -> ((Number) r.get("count")).longValue())
                                        .sum()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", period.from().toString());
        body.put("to", period.to().toString());
        body.put("filters", Filters.echo(scope));
        body.put("counts", counts);
        items.forEach((kind, rows) -> body.put(kind, DoraApi.jsonReady(rows)));
        ctx.json(body);
    }
}
