package dev.dora.dashboard;

import dev.dora.warehouse.Adoption;
import dev.dora.warehouse.AdoptionTrendPoint;
import dev.dora.warehouse.Bucket;
import dev.dora.warehouse.Period;
import dev.dora.warehouse.Scope;
import dev.dora.warehouse.Warehouse;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/v1/adoption?from&to[&team]}: the platform-adoption figures of METRICS.md
 * ("Platform adoption"): golden-path coverage (the catalog as it stands), the platform pipelines'
 * share of the period's production deployments, time to first production deployment of the services
 * registered in the period, and the self-service ratio of the period's platform requests. {@code
 * GET /api/v1/adoption/trend?...&bucket=day|week|month}: coverage, pipeline share, self-service
 * share and their counts per bucket ("Adoption trends").
 */
final class AdoptionApi {
    private final Warehouse warehouse;
    private final Filters filters;

    AdoptionApi(Warehouse warehouse, Filters filters) {
        this.warehouse = warehouse;
        this.filters = filters;
    }

    void adoption(Context ctx) {
        Period period = filters.period(ctx);
        Scope scope = teamOnly(ctx);
        Adoption a = warehouse.adoption(period, scope.team());
        Map<String, Object> body = header(period, scope);
        body.put("golden_path_coverage", coverage(a.coverage()));
        body.put("platform_pipeline_share", pipelines(a.pipelines()));

        Map<String, Object> first = new LinkedHashMap<>();
        List<Adoption.FirstDeployment> registered = a.firstDeployments().services();
        first.put("services", registered.size());
        first.put("deployed", registered.stream().filter(s -> s.seconds() != null).count());
        first.put("median_seconds", DoraApi.seconds(a.firstDeployments().medianSeconds()));
        first.put(
                "per_service",
                registered.stream()
                        .map(
                                s -> {
                                    Map<String, Object> m = new LinkedHashMap<>();
                                    m.put("service", s.service());
                                    m.put("registered_at", s.registeredAt().toString());
                                    m.put(
                                            "first_deployed_at",
                                            s.firstDeployedAt() == null
                                                    ? null
                                                    : s.firstDeployedAt().toString());
                                    m.put("seconds", DoraApi.seconds(s.seconds()));
                                    return m;
                                })
                        .toList());
        body.put("time_to_first_deployment", first);

        Map<String, Object> channels = new LinkedHashMap<>();
        for (Adoption.Channel c : a.selfService().channels()) {
            Map<String, Object> m = channel(c.requests(), c.fulfilled());
            m.put("median_fulfilment_seconds", DoraApi.seconds(c.medianFulfilmentSeconds()));
            channels.put(c.channel(), m);
        }
        body.put(
                "self_service",
                selfService(
                        a.selfService().requests(), a.selfService().selfServiceShare(), channels));
        ctx.json(body);
    }

    void trend(Context ctx) {
        Period period = filters.period(ctx);
        Bucket bucket = Filters.bucket(ctx);
        Scope scope = teamOnly(ctx);
        Map<String, Object> body = header(period, scope);
        body.put("bucket", bucket.name().toLowerCase(Locale.ROOT));
        body.put(
                "points",
                warehouse.adoptionTrend(period, bucket, scope.team()).stream()
                        .map(AdoptionApi::point)
                        .toList());
        ctx.json(body);
    }

    private static Map<String, Object> point(AdoptionTrendPoint p) {
        AdoptionTrendPoint.Requests r = p.requests();
        Map<String, Object> channels =
                fields(
                        "self_service", channel(r.selfService(), r.selfServiceFulfilled()),
                        "ticket", channel(r.ticket(), r.ticketFulfilled()));
        return fields(
                "start", p.start().toString(),
                "golden_path_coverage", coverage(p.coverage()),
                "platform_pipeline_share", pipelines(p.pipelines()),
                "self_service",
                        selfService(r.selfService() + r.ticket(), r.selfServiceShare(), channels),
                "new_services",
                        fields("registered", p.registered(), "first_deployed", p.firstDeployed()));
    }

    /** Adoption takes from, to and team: a filter it cannot apply is refused, not ignored. */
    private static Scope teamOnly(Context ctx) {
        for (String unsupported : List.of("service", "environment")) {
            String v = ctx.queryParam(unsupported);
            if (v != null && !v.isBlank()) {
                throw new ApiException(
                        400, "adoption takes from, to and team, not '" + unsupported + "'");
            }
        }
        return new Scope(null, ctx.queryParam("team"), null);
    }

    private static Map<String, Object> header(Period period, Scope scope) {
        return fields(
                "from", period.from().toString(),
                "to", period.to().toString(),
                "filters", Filters.echo(scope));
    }

    private static Map<String, Object> coverage(Adoption.Coverage c) {
        return fields(
                "services", c.services(),
                "golden_path_services", c.goldenPathServices(),
                "ratio", c.ratio());
    }

    private static Map<String, Object> pipelines(Adoption.PipelineShare p) {
        return fields(
                "deployments", p.deployments(),
                "platform_deployments", p.platformDeployments(),
                "ratio", p.ratio());
    }

    private static Map<String, Object> selfService(
            long requests, Double share, Map<String, Object> channels) {
        return fields("requests", requests, "self_service_share", share, "channels", channels);
    }

    private static Map<String, Object> channel(long requests, long fulfilled) {
        return fields("requests", requests, "fulfilled", fulfilled, "open", requests - fulfilled);
    }

    /** A JSON object of the given keys and values, in that order; a value may be null. */
    private static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
