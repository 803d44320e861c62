package dev.dora.warehouse;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's breakdowns of a period: every service side by side (service_comparison.sql), what
 * could not be linked and why (data_quality.sql), and the values the filters offer
 * (filter_values.sql).
 */
public final class Breakdowns {
    /** The kinds of data-quality item, in the order data_quality.sql reports them. */
    public static final List<String> QUALITY_KINDS =
            List.of(
                    "change_without_timestamp",
                    "deployment_without_changes",
                    "negative_lead_time",
                    "rejected_event",
                    "unattributed_incident");

    private final Warehouse warehouse;

    public Breakdowns(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /**
     * One row per service of the scope, by name: the figures of dora_summary.sql for that service
     * alone, its teams now (the catalog owner, else dora.yaml's; null when neither names one) and
     * {@code weekly_deployments}, one count per week of {@link #weeks}.
     */
    public List<Map<String, Object>> services(Period period, Scope scope) {
        return warehouse.scoped("service_comparison", period, scope);
    }

    /** The Monday of every ISO week the period touches, in order: the sparklines' x axis. */
    public static List<LocalDate> weeks(Period period) {
        List<LocalDate> weeks = new ArrayList<>();
        LocalDate week = period.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (; !week.isAfter(period.to()); week = week.plusWeeks(1)) {
            weeks.add(week);
        }
        return weeks;
    }

    /**
     * Data-quality items by kind (each of {@link #QUALITY_KINDS}, empty lists included): kind,
     * service, source, item (key), label (id or sha), happened_at, detail (the reason), seconds (a
     * negative lead time) and count (rejected events of one source and reason; 1 otherwise).
     */
    public Map<String, List<Map<String, Object>>> dataQuality(Period period, Scope scope) {
        Map<String, List<Map<String, Object>>> byKind = new LinkedHashMap<>();
        QUALITY_KINDS.forEach(k -> byKind.put(k, new ArrayList<>()));
        for (Map<String, Object> row : warehouse.scoped("data_quality", period, scope)) {
            byKind.get((String) row.remove("kind")).add(row);
        }
        return byKind;
    }

    /** Every known value of each filter: {@code service}, {@code environment}, {@code team}. */
    public Map<String, List<String>> filterValues() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String kind : List.of("team", "service", "environment")) {
            values.put(kind, new ArrayList<>());
        }
        for (Map<String, Object> row : warehouse.named("filter_values")) {
            values.get((String) row.get("kind")).add((String) row.get("value"));
        }
        return values;
    }
}
