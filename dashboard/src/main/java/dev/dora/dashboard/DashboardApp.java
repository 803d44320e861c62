package dev.dora.dashboard;

import dev.dora.warehouse.Warehouse;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.Map;

/** Builds (does not start) a stand-alone dashboard server over a warehouse. */
public final class DashboardApp {
    private DashboardApp() {}

    public static Javalin create(DashboardConfig config, Warehouse warehouse) {
        DashboardRoutes routes = new DashboardRoutes(config, warehouse, Clock.systemUTC());
        return Javalin.create(
                cfg -> {
                    cfg.startup.showJavalinBanner = false;
                    routes.addTo(cfg);
                    cfg.routes.get("/health", ctx -> ctx.json(Map.of("status", "ok")));
                });
    }
}
