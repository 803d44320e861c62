package dev.dora.dashboard;

import dev.dora.warehouse.Warehouse;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/deployment?key=<deployment_key>}: one deployment's drill-down, as {@code
 * /api/v1/deployments} lists it (changes with lead times, failure and why, recovery, incidents),
 * whatever its period; 404 when no live deployment has that key.
 */
final class DeploymentApi {
    private final Warehouse warehouse;

    DeploymentApi(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    void deployment(Context ctx) {
        String key = ctx.queryParam("key");
        if (key == null || key.isBlank()) {
            throw new ApiException(400, "'key' must name a deployment_key");
        }
        Map<String, Object> d =
                warehouse
                        .deployment(key)
                        .orElseThrow(
                                () -> new ApiException(404, "no live deployment '" + key + "'"));
        ctx.json(DoraApi.jsonReady(new java.util.ArrayList<>(List.of(d))).get(0));
    }
}
