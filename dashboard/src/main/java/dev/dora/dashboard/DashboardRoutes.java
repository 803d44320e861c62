package dev.dora.dashboard;

import static dev.dora.dashboard.auth.Role.ADMIN;
import static dev.dora.dashboard.auth.Role.EXPORTER;
import static dev.dora.dashboard.auth.Role.VIEWER;

import dev.dora.dashboard.auth.Auth;
import dev.dora.dashboard.auth.Role;
import dev.dora.dashboard.auth.TokenStore;
import dev.dora.dashboard.catalog.CatalogApi;
import dev.dora.dashboard.surveys.SurveyForm;
import dev.dora.dashboard.surveys.SurveysApi;
import dev.dora.surveys.SurveyException;
import dev.dora.surveys.Surveys;
import dev.dora.warehouse.BenchmarkTables;
import dev.dora.warehouse.Breakdowns;
import dev.dora.warehouse.Warehouse;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.time.Clock;
import java.util.Map;

/**
 * The dashboard's routes: the sign-in pages, the pages and the API. Each route names the role it
 * needs ({@link Auth#check} enforces it before the route runs); routes without one are public.
 */
public final class DashboardRoutes {
    private final Auth auth;
    private final DoraApi dora;
    private final ServicesApi services;
    private final DataQualityApi dataQuality;
    private final AdoptionApi adoption;
    private final DeploymentApi deployment;
    private final ExportApi exports;
    private final TokensApi tokens;
    private final Pages pages = new Pages();
    private final SurveysApi surveys; // null: this server runs no surveys
    private final SurveyForm surveyForm;
    private CatalogApi catalog; // null: this server takes no catalog imports
    private final Warehouse warehouse;

    public DashboardRoutes(DashboardConfig config, Warehouse warehouse, Clock clock) {
        this(config, warehouse, BenchmarkTables.builtIn(), clock);
    }

    public DashboardRoutes(
            DashboardConfig config, Warehouse warehouse, BenchmarkTables benchmarks, Clock clock) {
        this(config, warehouse, benchmarks, null, clock);
    }

    /**
     * @param surveys the surveys this server runs (API, pages, the response form), or null
     */
    public DashboardRoutes(
            DashboardConfig config,
            Warehouse warehouse,
            BenchmarkTables benchmarks,
            Surveys surveys,
            Clock clock) {
        this.auth =
                new Auth(
                        config.adminToken(),
                        new TokenStore(config.tokensFile(), clock),
                        config.sessionLifetime(),
                        config.secureCookies(),
                        clock);
        this.warehouse = warehouse;
        this.dora = new DoraApi(warehouse, benchmarks, clock);
        Filters filters = new Filters(clock);
        Breakdowns breakdowns = new Breakdowns(warehouse);
        this.services = new ServicesApi(dora, filters, breakdowns, benchmarks);
        this.dataQuality = new DataQualityApi(filters, breakdowns);
        this.adoption = new AdoptionApi(warehouse, filters);
        this.deployment = new DeploymentApi(warehouse);
        this.surveys = surveys == null ? null : new SurveysApi(surveys);
        this.surveyForm = surveys == null ? null : new SurveyForm(surveys);
        this.exports = new ExportApi(warehouse, filters, this.surveys);
        this.tokens = new TokensApi(auth.tokens());
    }

    /**
     * Takes catalog imports ({@code POST /api/v1/catalog}), publishing each through {@code
     * publisher} (durable once its future completes).
     */
    public DashboardRoutes withCatalogImports(
            java.util.function.Function<
                            dev.dora.events.RawEnvelope,
                            java.util.concurrent.CompletableFuture<Void>>
                    publisher,
            Clock clock) {
        this.catalog = new CatalogApi(publisher, warehouse, clock);
        return this;
    }

    public void addTo(JavalinConfig cfg) {
        cfg.staticFiles.enableWebjars();
        cfg.staticFiles.add(
                sf -> {
                    sf.hostedPath = "/assets";
                    sf.directory = "/web/assets";
                    sf.location = Location.CLASSPATH;
                });
        cfg.routes.beforeMatched(auth::check);
        cfg.routes.after(DashboardRoutes::securityHeaders);
        cfg.routes.get("/api/v1/dora", dora::summary, VIEWER);
        cfg.routes.get("/api/v1/dora/trend", dora::trend, VIEWER);
        cfg.routes.get("/api/v1/deployments", dora::deployments, VIEWER);
        cfg.routes.get("/api/v1/incidents", dora::incidents, VIEWER);
        cfg.routes.get("/api/v1/export/{dataset}.{format}", exports::export, EXPORTER);
        cfg.routes.get("/api/v1/tokens", tokens::list, ADMIN);
        cfg.routes.post("/api/v1/tokens", tokens::create, ADMIN);
        cfg.routes.delete("/api/v1/tokens/{id}", tokens::revoke, ADMIN);
        cfg.routes.get(
                "/api/openapi.json",
                ctx -> ctx.contentType("application/json").result(OpenApi.document()),
                VIEWER);
        cfg.routes.get("/api/v1/deployment", deployment::deployment, VIEWER);
        cfg.routes.get("/api/v1/services", services::services, VIEWER);
        cfg.routes.get("/api/v1/filters", services::filters, VIEWER);
        cfg.routes.get("/api/v1/benchmarks", services::benchmarks, VIEWER);
        cfg.routes.get("/api/v1/data-quality", dataQuality::dataQuality, VIEWER);
        cfg.routes.get("/api/v1/adoption", adoption::adoption, VIEWER);
        cfg.routes.get("/api/v1/adoption/trend", adoption::trend, VIEWER);
        if (surveys != null) {
            cfg.routes.get("/api/v1/surveys", surveys::list, VIEWER);
            cfg.routes.post("/api/v1/surveys", surveys::create, ADMIN);
            cfg.routes.get("/api/v1/surveys/{id}", surveys::get, VIEWER);
            cfg.routes.post("/api/v1/surveys/{id}/close", surveys::close, ADMIN);
            cfg.routes.get("/api/v1/surveys/{id}/results", surveys::results, VIEWER);
            cfg.routes.get("/api/v1/survey-templates", surveys::templates, VIEWER);
            cfg.routes.get("/api/v1/survey-templates/{id}", surveys::template, VIEWER);
            cfg.routes.post("/api/v1/survey-templates", surveys::addTemplate, ADMIN);
            // The invitation link is its own credential: public, like the webhooks.
            cfg.routes.get("/s/{token}", surveyForm::show);
            cfg.routes.post("/s/{token}", surveyForm::submit);
        }
        if (catalog != null) {
            cfg.routes.post("/api/v1/catalog", catalog::importCatalog, ADMIN);
            cfg.routes.get("/api/v1/catalog", catalog::current, VIEWER);
        }
        for (String page : Pages.NAMES) {
            cfg.routes.get(Pages.path(page), ctx -> page(ctx, page), VIEWER);
        }
        cfg.routes.get("/sign-in", ctx -> ctx.html(pages.signIn(null)));
        cfg.routes.post("/sign-in", this::signIn);
        cfg.routes.post("/sign-out", this::signOut);
        cfg.routes.exception(
                ApiException.class,
                (e, ctx) -> ctx.status(e.status()).json(Map.of("error", e.getMessage())));
        cfg.routes.exception(
                SurveyException.class,
                (e, ctx) -> ctx.status(e.status()).json(Map.of("error", e.getMessage())));
    }

    /**
     * A page; its export links show only to a caller who may export, and its admin controls (create
     * and close surveys, import a catalog) only to an admin.
     */
    private void page(Context ctx, String name) {
        Role role = auth.caller(ctx).map(Auth.Caller::role).orElse(VIEWER);
        ctx.html(pages.page(name, role.includes(EXPORTER), role.includes(ADMIN)));
    }

    private void signIn(Context ctx) {
        var caller = auth.callerOf(ctx.formParam("token"));
        if (caller.isEmpty()) {
            ctx.status(401).html(pages.signIn("That token is not valid."));
            return;
        }
        auth.signIn(ctx, caller.get());
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private void signOut(Context ctx) {
        auth.signOut(ctx);
        ctx.redirect("/sign-in", HttpStatus.SEE_OTHER);
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header(
                "Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
    }
}
