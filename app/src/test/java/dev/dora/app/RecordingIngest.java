package dev.dora.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dora.events.EnvelopeCodec;
import dev.dora.events.RawEnvelope;
import dev.dora.ingest.EnvelopePublisher;
import dev.dora.ingest.IngestConfig;
import dev.dora.ingest.WebhookRoutes;
import dev.dora.ingest.sources.WebhookSources;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The real webhook routes on a Javalin server (127.0.0.1, random port) with every source's secret
 * configured and Kafka replaced by a publisher that acknowledges at once. Each envelope is recorded
 * as the streaming job reads it back: encoded and decoded with {@link EnvelopeCodec}, the format of
 * the {@code dora.raw} topic.
 */
final class RecordingIngest implements AutoCloseable {
    static final Instant RECEIVED = Instant.parse("2026-03-02T09:00:00Z");

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final List<RawEnvelope> envelopes = new CopyOnWriteArrayList<>();
    private final Javalin app;

    RecordingIngest() {
        Map<String, String> secrets = new LinkedHashMap<>();
        WebhookSources.NAMES.forEach(source -> secrets.put(source, secret(source)));
        IngestConfig config = new IngestConfig(secrets, IngestConfig.DEFAULT_MAX_BODY_BYTES);
        WebhookRoutes routes =
                new WebhookRoutes(config, new Recorder(), Clock.fixed(RECEIVED, ZoneOffset.UTC));
        app =
                Javalin.create(
                        cfg -> {
                            cfg.http.maxRequestSize = config.maxBodyBytes();
                            cfg.startup.showJavalinBanner = false;
                            routes.addTo(cfg.routes);
                        });
        app.start("127.0.0.1", 0);
    }

    static String secret(String source) {
        return source + "-conformance-s3cret";
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + app.port());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        app.stop();
    }

    private final class Recorder implements EnvelopePublisher {
        @Override
        public CompletableFuture<Void> publish(RawEnvelope envelope) {
            envelopes.add(EnvelopeCodec.decode(EnvelopeCodec.encode(envelope)));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {}
    }
}
