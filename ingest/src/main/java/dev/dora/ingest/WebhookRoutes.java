package dev.dora.ingest;

import dev.dora.events.RawEnvelope;
import dev.dora.ingest.github.GitHubSignature;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/{source}}: authenticates, bounds and forwards. It never parses the payload
 * (parsing is the streaming job's work); it answers {@code 202} only once the envelope is durable.
 */
public final class WebhookRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookRoutes.class);

    /** Request headers kept in the envelope; credentials and signatures are never among them. */
    private static final List<String> GITHUB_HEADERS =
            List.of(
                    "X-GitHub-Event",
                    "X-GitHub-Delivery",
                    "X-GitHub-Hook-ID",
                    "X-GitHub-Hook-Installation-Target-ID",
                    "X-GitHub-Hook-Installation-Target-Type",
                    "User-Agent",
                    "Content-Type");

    private final IngestConfig config;
    private final EnvelopePublisher publisher;
    private final Clock clock;

    public WebhookRoutes(IngestConfig config, EnvelopePublisher publisher, Clock clock) {
        this.config = config;
        this.publisher = publisher;
        this.clock = clock;
    }

    public void addTo(RoutesConfig routes) {
        routes.post("/webhooks/{source}", this::receive);
        routes.exception(
                WebhookException.class,
                (e, ctx) -> ctx.status(e.status()).json(Map.of("error", e.getMessage())));
    }

    private void receive(Context ctx) {
        String source = ctx.pathParam("source").toLowerCase(Locale.ROOT);
        if (!"github".equals(source)) {
            throw new WebhookException(404, "unknown webhook source '" + source + "'");
        }
        long length = ctx.contentLength();
        if (length > config.maxBodyBytes()) {
            throw tooLarge();
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length > config.maxBodyBytes()) {
            throw tooLarge();
        }
        String secret = config.secrets().get(source);
        if (secret == null
                || !GitHubSignature.verify(secret, body, ctx.header("X-Hub-Signature-256"))) {
            throw new WebhookException(
                    401, "missing or wrong X-Hub-Signature-256 for source '" + source + "'");
        }
        String contentType = ctx.contentType();
        if (contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new WebhookException(
                    415,
                    "content type must be application/json (set the webhook's content type to"
                            + " application/json), got '"
                            + contentType
                            + "'");
        }
        String eventType = ctx.header("X-GitHub-Event");
        if (eventType == null || eventType.isBlank()) {
            throw new WebhookException(400, "missing X-GitHub-Event header");
        }
        String eventId = UUID.randomUUID().toString();
        String delivery = ctx.header("X-GitHub-Delivery");
        String deliveryId = delivery == null || delivery.isBlank() ? eventId : delivery;

        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : GITHUB_HEADERS) {
            String v = ctx.header(name);
            if (v != null) {
                kept.put(name.toLowerCase(Locale.ROOT), v);
            }
        }
        RawEnvelope envelope =
                new RawEnvelope(
                        eventId, source, eventType, deliveryId, clock.instant(), kept, body);
        ctx.future(
                () ->
                        publisher
                                .publish(envelope)
                                .handle(
                                        (ok, error) -> {
                                            if (error != null) {
                                                LOG.warn(
                                                        "could not store {} delivery {}: {}",
                                                        source,
                                                        deliveryId,
                                                        error.toString());
                                                ctx.status(503)
                                                        .json(
                                                                Map.of(
                                                                        "error",
                                                                        "event could not be stored"
                                                                                + " durably; retry"
                                                                                + " later"));
                                            } else {
                                                ctx.status(202)
                                                        .json(
                                                                Map.of(
                                                                        "event_id", eventId,
                                                                        "delivery_id", deliveryId,
                                                                        "duplicate", false));
                                            }
                                            return null;
                                        }));
    }

    private WebhookException tooLarge() {
        return new WebhookException(
                413, "body is larger than the limit of " + config.maxBodyBytes() + " bytes");
    }
}
