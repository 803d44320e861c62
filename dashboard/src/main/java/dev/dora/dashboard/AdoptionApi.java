package dev.dora.dashboard;

import dev.dora.warehouse.Adoption;
import dev.dora.warehouse.Period;
import dev.dora.warehouse.Scope;
import dev.dora.warehouse.Warehouse;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/adoption?from&to[&team]}: the platform-adoption figures of METRICS.md
 * ("Platform adoption"): golden-path coverage (the catalog as it stands), the platform pipelines'
 * share of the period's production deployments, time to first production deployment of the services
 * registered in the period, and the self-service ratio of the period's platform requests.
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
        for (String unsupported : List.of("service", "environment")) {
            String v = ctx.queryParam(unsupported);
            if (v != null && !v.isBlank()) {
                throw new ApiException(
                        400, "adoption takes from, to and team, not '" + unsupported + "'");
            }
        }
        Scope scope = new Scope(null, ctx.queryParam("team"), null);
        Adoption a = warehouse.adoption(period, scope.team());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", period.from().toString());
        body.put("to", period.to().toString());
        body.put("filters", Filters.echo(scope));

        Map<String, Object> coverage = new LinkedHashMap<>();
        coverage.put("services", a.coverage().services());
        coverage.put("golden_path_services", a.coverage().goldenPathServices());
        coverage.put("ratio", a.coverage().ratio());
        body.put("golden_path_coverage", coverage);

        Map<String, Object> pipelines = new LinkedHashMap<>();
        pipelines.put("deployments", a.pipelines().deployments());
        pipelines.put("platform_deployments", a.pipelines().platformDeployments());
        pipelines.put("ratio", a.pipelines().ratio());
        body.put("platform_pipeline_share", pipelines);

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

        Map<String, Object> self = new LinkedHashMap<>();
        self.put("requests", a.selfService().requests());
        self.put("self_service_share", a.selfService().selfServiceShare());
        Map<String, Object> channels = new LinkedHashMap<>();
        for (Adoption.Channel c : a.selfService().channels()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("requests", c.requests());
            m.put("fulfilled", c.fulfilled());
            m.put("open", c.requests() - c.fulfilled());
            m.put("median_fulfilment_seconds", DoraApi.seconds(c.medianFulfilmentSeconds()));
            channels.put(c.channel(), m);
        }
        self.put("channels", channels);
        body.put("self_service", self);
        ctx.json(body);
    }
}
