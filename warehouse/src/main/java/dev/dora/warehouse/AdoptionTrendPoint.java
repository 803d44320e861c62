package dev.dora.warehouse;

import java.time.LocalDate;
import java.util.Map;

/**
 * One bucket (day, week or month) of the platform-adoption trend (METRICS.md, "Adoption trends"):
 * golden-path coverage as the bucket closes, and the bucket's own production deployments, platform
 * requests and new services, summed from its days of {@code adoption_daily}.
 *
 * @param coverage the services known when the bucket closes and those on a golden path
 * @param pipelines the bucket's successful production deployments, those through a platform
 *     pipeline
 * @param requests the platform requests made in the bucket, per channel
 * @param registered services registered in the bucket
 * @param firstDeployed registered services whose first production deployment was in the bucket
 */
public record AdoptionTrendPoint(
        LocalDate start,
        Adoption.Coverage coverage,
        Adoption.PipelineShare pipelines,
        Requests requests,
        long registered,
        long firstDeployed) {

    /** A bucket's platform requests: made and (by now) fulfilled, per channel; share 3 places. */
    public record Requests(
            long selfService,
            long selfServiceFulfilled,
            long ticket,
            long ticketFulfilled,
            Double selfServiceShare) {}

    /** A row of adoption_trend.sql. */
    static AdoptionTrendPoint of(Map<String, Object> row) {
        Object start = row.get("bucket");
        return new AdoptionTrendPoint(
                start instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) start,
                new Adoption.Coverage(
                        count(row, "services"),
                        count(row, "golden_path_services"),
                        ratio(row, "coverage_ratio")),
                new Adoption.PipelineShare(
                        count(row, "deployments"),
                        count(row, "platform_deployments"),
                        ratio(row, "pipeline_ratio")),
                new Requests(
                        count(row, "self_service_requests"),
                        count(row, "self_service_fulfilled"),
                        count(row, "ticket_requests"),
                        count(row, "ticket_fulfilled"),
                        ratio(row, "self_service_share")),
                count(row, "registered"),
                count(row, "first_deployed"));
    }

    private static long count(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }

    private static Double ratio(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? null : ((Number) v).doubleValue();
    }
}
