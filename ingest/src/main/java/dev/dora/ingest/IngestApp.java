package dev.dora.ingest;

import io.javalin.Javalin;
import java.time.Clock;

/**
 * Builds (does not start) a stand-alone ingest server: the webhook routes and {@code /health}. The
 * embedded {@code dora up} adds the same routes to its single server instead.
 */
public final class IngestApp {
    private IngestApp() {}

    public static Javalin create(IngestConfig config, EnvelopePublisher publisher) {
        WebhookRoutes webhooks = new WebhookRoutes(config, publisher, Clock.systemUTC());
        if (publisher instanceof dev.dora.ingest.spool.SpooledKafkaPublisher spooled) {
            webhooks.metrics().spoolDepth(spooled::spoolDepth);
        }
        return Javalin.create(
                cfg -> {
                    cfg.http.maxRequestSize = config.maxBodyBytes();
                    cfg.startup.showJavalinBanner = false;
                    webhooks.addTo(cfg.routes);
                    webhooks.addMetricsTo(cfg.routes);
                    cfg.routes.get("/health", ctx -> ctx.json(java.util.Map.of("status", "ok")));
                });
    }
}
