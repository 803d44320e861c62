package dev.dora.dashboard;

import dev.dora.warehouse.BenchmarkTables;
import dev.dora.warehouse.Breakdowns;
import dev.dora.warehouse.Warehouse;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.time.Clock;
import java.util.Map;

/**
 * The dashboard's routes: the sign-in pages, the dashboard pages and the metrics API. Every {@code
 * /api/} call needs a bearer token or a session; pages without a session go to sign-in.
 */
public final class DashboardRoutes {
    private final Auth auth;
    private final DoraApi dora;
    private final ServicesApi services;
    private final DataQualityApi dataQuality;
    private final DeploymentApi deployment;
    private final Pages pages = new Pages();

    public DashboardRoutes(DashboardConfig config, Warehouse warehouse, Clock clock) {
        this(config, warehouse, BenchmarkTables.builtIn(), clock);
    }

    public DashboardRoutes(
            DashboardConfig config, Warehouse warehouse, BenchmarkTables benchmarks, Clock clock) {
        this.auth = new Auth(config, clock);
        this.dora = new DoraApi(warehouse, benchmarks, clock);
        Breakdowns breakdowns = new Breakdowns(warehouse);
        this.services = new ServicesApi(dora, breakdowns, benchmarks);
        this.dataQuality = new DataQualityApi(dora, breakdowns);
        this.deployment = new DeploymentApi(warehouse);
    }

    public void addTo(JavalinConfig cfg) {
        cfg.staticFiles.enableWebjars();
        cfg.staticFiles.add(
                sf -> {
                    sf.hostedPath = "/assets";
                    sf.directory = "/web/assets";
                    sf.location = Location.CLASSPATH;
                });
        cfg.routes.beforeMatched("/api/*", auth::requireApiAccess);
        cfg.routes.after(DashboardRoutes::securityHeaders);
        cfg.routes.get("/api/v1/dora", dora::summary);
        cfg.routes.get("/api/v1/dora/trend", dora::trend);
        cfg.routes.get("/api/v1/deployments", dora::deployments);
        cfg.routes.get("/api/v1/incidents", dora::incidents);
        cfg.routes.get("/api/v1/deployment", deployment::deployment);
        cfg.routes.get("/api/v1/services", services::services);
        cfg.routes.get("/api/v1/filters", services::filters);
        cfg.routes.get("/api/v1/benchmarks", services::benchmarks);
        cfg.routes.get("/api/v1/data-quality", dataQuality::dataQuality);
        for (String page : Pages.NAMES) {
            cfg.routes.get(Pages.path(page), ctx -> page(ctx, page));
        }
        cfg.routes.get("/sign-in", ctx -> ctx.html(pages.signIn(null)));
        cfg.routes.post("/sign-in", this::signIn);
        cfg.routes.post("/sign-out", this::signOut);
        cfg.routes.exception(
                ApiException.class,
                (e, ctx) -> ctx.status(e.status()).json(Map.of("error", e.getMessage())));
    }

    private void page(Context ctx, String name) {
        if (!auth.authenticated(ctx)) {
            ctx.redirect("/sign-in");
            return;
        }
        ctx.html(pages.page(name));
    }

    private void signIn(Context ctx) {
        if (!auth.validToken(ctx.formParam("token"))) {
            ctx.status(401).html(pages.signIn("That token is not valid."));
            return;
        }
        auth.signIn(ctx);
        ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void signOut(Context ctx) {
        auth.signOut(ctx);
        ctx.redirect("/sign-in", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header(
                "Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
    }
}
