package dev.dora.ingest;

import dev.dora.events.RawEnvelope;
import dev.dora.ingest.sources.InboundWebhook;
import dev.dora.ingest.sources.JsonSyntax;
import dev.dora.ingest.sources.WebhookSource;
import dev.dora.ingest.sources.WebhookSources;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/{source}}: authenticates, bounds and forwards. Checks run in a fixed order
 * (source 404, size 413, credentials 401, content type 415, JSON syntax 400, event type and
 * validation 400); the payload is only checked for syntax, except for the few top-level fields some
 * sources keep their event type or delivery id in (parsing is the streaming job's work). It answers
 * {@code 202} only once the envelope is durable.
 */
public final class WebhookRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookRoutes.class);
    private static final String PATH = "/webhooks/{source}";

    private final IngestConfig config;
    private final EnvelopePublisher publisher;
    private final Clock clock;
    private final IngestMetrics metrics;
    private final RecentDeliveries recent;

    public WebhookRoutes(IngestConfig config, EnvelopePublisher publisher, Clock clock) {
        this(config, publisher, clock, new IngestMetrics(), new RecentDeliveries(100_000));
    }

    public WebhookRoutes(
            IngestConfig config,
            EnvelopePublisher publisher,
            Clock clock,
            IngestMetrics metrics,
            RecentDeliveries recent) {
        this.config = config;
        this.publisher = publisher;
        this.clock = clock;
        this.metrics = metrics;
        this.recent = recent;
    }

    public IngestMetrics metrics() {
        return metrics;
    }

    public void addTo(RoutesConfig routes) {
        routes.post(PATH, this::receive);
        routes.get(PATH, this::methodNotAllowed);
        routes.put(PATH, this::methodNotAllowed);
        routes.patch(PATH, this::methodNotAllowed);
        routes.delete(PATH, this::methodNotAllowed);
        routes.exception(WebhookException.class, this::answer);
    }

    /**
     * {@code GET /metrics}: ingest's counters in Prometheus text format (no credentials needed).
     */
    public void addMetricsTo(RoutesConfig routes) {
        routes.get(
                "/metrics",
                ctx ->
                        ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                                .result(metrics.render()));
    }

    private void answer(WebhookException e, Context ctx) {
        String source =
                WebhookSources.byName(sourceName(ctx)) == null ? "unknown" : sourceName(ctx);
        metrics.count(
                source,
                e.status() == 401
                        ? IngestMetrics.Outcome.UNAUTHORIZED
                        : IngestMetrics.Outcome.REJECTED);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.getMessage());
        if (!e.problems().isEmpty()) {
            body.put("problems", e.problems());
        }
        e.headers().forEach(ctx::header);
        ctx.status(e.status()).json(body);
    }

    private void methodNotAllowed(Context ctx) {
        source(ctx);
        throw new WebhookException(
                405,
                ctx.method() + " is not allowed on " + ctx.path() + "; webhooks are sent with POST",
                List.of(),
                Map.of("Allow", "POST"));
    }

    private void receive(Context ctx) {
        WebhookSource source = source(ctx);
        InboundWebhook hook = new InboundWebhook(ctx.headerMap(), body(ctx));
        authenticate(source, hook);
        String mediaType = hook.mediaType();
        if (!source.acceptsMediaType(mediaType)) {
            throw new WebhookException(
                    415,
                    "content type must be application/json (or another +json type such as"
                            + " application/cloudevents+json), got '"
                            + hook.header("Content-Type")
                            + "'");
        }
        String syntax = JsonSyntax.problem(hook.body());
        if (syntax != null) {
            throw new WebhookException(400, syntax);
        }
        String eventType = source.eventType(hook);
        source.validate(hook);
        String eventId = UUID.randomUUID().toString();
        String deliveryId = source.deliveryId(hook);
        String dedupeKey = source.name() + ":" + deliveryId;
        if (recent.contains(dedupeKey)) {
            metrics.count(source.name(), IngestMetrics.Outcome.DUPLICATE);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("delivery_id", deliveryId);
            answer.put("duplicate", true);
            ctx.status(200).json(answer);
            return;
        }
        RawEnvelope envelope =
                new RawEnvelope(
                        eventId,
                        source.name(),
                        eventType,
                        deliveryId,
                        clock.instant(),
                        source.keptHeaders(hook),
                        hook.body());
        long started = System.nanoTime();
        ctx.future(
                () ->
                        publisher
                                .publish(envelope)
                                .handle((ok, error) -> reply(ctx, envelope, error, started)));
    }

    private Void reply(Context ctx, RawEnvelope envelope, Throwable error, long started) {
        if (error != null) {
            metrics.count(envelope.source(), IngestMetrics.Outcome.UNAVAILABLE);
            LOG.warn(
                    "could not store {} delivery {}: {}",
                    envelope.source(),
                    envelope.deliveryId(),
                    error.toString());
            ctx.status(503).json(Map.of("error", "event could not be stored durably; retry later"));
        } else {
            metrics.publishLatency(System.nanoTime() - started);
            metrics.count(envelope.source(), IngestMetrics.Outcome.ACCEPTED);
            recent.add(envelope.dedupeKey());
            ctx.status(202)
                    .json(
                            Map.of(
                                    "event_id", envelope.eventId(),
                                    "delivery_id", envelope.deliveryId(),
                                    "duplicate", false));
        }
        return null;
    }

    private static String sourceName(Context ctx) {
        return ctx.pathParam("source").toLowerCase(Locale.ROOT);
    }

    private static WebhookSource source(Context ctx) {
        String name = sourceName(ctx);
        WebhookSource source = WebhookSources.byName(name);
        if (source == null) {
            throw new WebhookException(
                    404,
                    "unknown webhook source '"
                            + name
                            + "' (known: "
                            + String.join(", ", WebhookSources.NAMES)
                            + ")");
        }
        return source;
    }

    /**
     * The body, bounded: a declared length over the limit is refused before anything is read, and a
     * chunked body is cut off by Javalin's reader ({@code maxRequestSize}) at the same limit.
     */
    private byte[] body(Context ctx) {
        if (ctx.contentLength() > config.maxBodyBytes()) {
            throw tooLarge();
        }
        byte[] body;
        try {
            body = ctx.bodyAsBytes();
        } catch (HttpResponseException e) {
            if (e.getStatus() == 413) {
                throw tooLarge();
            }
            throw e;
        }
        if (body.length > config.maxBodyBytes()) {
            throw tooLarge();
        }
        return body;
    }

    private void authenticate(WebhookSource source, InboundWebhook hook) {
        String secret = config.secrets().get(source.name());
        if (secret == null || secret.isBlank()) {
            throw new WebhookException(
                    401,
                    "no secret is configured for source '"
                            + source.name()
                            + "': its webhooks are refused");
        }
        if (!source.authenticator().verify(secret, hook.headers(), hook.body())) {
            throw new WebhookException(
                    401,
                    "missing or wrong "
                            + source.authenticator().credential()
                            + " for source '"
                            + source.name()
                            + "'");
        }
    }

    private WebhookException tooLarge() {
        return new WebhookException(
                413, "body is larger than the limit of " + config.maxBodyBytes() + " bytes");
    }
}
