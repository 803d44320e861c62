package dev.dora.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dora.events.RawEnvelope;
import dev.dora.ingest.sources.WebhookSources;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The webhook routes on a real Javalin server (random port) with Kafka replaced by an in-memory
 * publisher: what every webhook test starts. Each source has its own secret, {@code
 * <source>-s3cret}.
 */
public final class WebhookServer implements AutoCloseable {
    public static final Instant RECEIVED = Instant.parse("2026-03-02T09:00:00Z");
    public static final int MAX_BODY_BYTES = 256 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Javalin app;

    private final WebhookRoutes routes;

    public WebhookServer(Map<String, String> secrets, long maxBodyBytes, EnvelopePublisher out) {
        routes =
                new WebhookRoutes(
                        new IngestConfig(secrets, maxBodyBytes),
                        out,
                        Clock.fixed(RECEIVED, ZoneOffset.UTC));
        app =
                Javalin.create(
                        cfg -> {
                            cfg.http.maxRequestSize = maxBodyBytes;
                            cfg.startup.showJavalinBanner = false;
                            routes.addTo(cfg.routes);
                        });
        app.start("127.0.0.1", 0);
    }

    public IngestMetrics metrics() {
        return routes.metrics();
    }

    /** A server where every source has its secret and bodies up to {@link #MAX_BODY_BYTES}. */
    public static WebhookServer start(EnvelopePublisher out) {
        return new WebhookServer(allSecrets(), MAX_BODY_BYTES, out);
    }

    public static Map<String, String> allSecrets() {
        Map<String, String> secrets = new LinkedHashMap<>();
        WebhookSources.NAMES.forEach(s -> secrets.put(s, secret(s)));
        return secrets;
    }

    public static String secret(String source) {
        return source + "-s3cret";
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    /** A POST of this body to {@code /webhooks/<source>}, no headers set yet. */
    public HttpRequest.Builder post(String source, byte[] body) {
        return HttpRequest.newBuilder(uri("/webhooks/" + source))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    public HttpRequest.Builder post(String source, String body) {
        return post(source, body.getBytes(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request.build());
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON error answer with this status whose message contains {@code problem}. */
    public static void assertError(HttpResponse<String> response, int status, String problem) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(json(response).path("error").asText()).contains(problem);
    }

    /** A 202 whose answer names the envelope that was published, which it returns. */
    public static RawEnvelope assertAccepted(
            HttpResponse<String> response, RecordingPublisher published) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(published.envelopes).hasSize(1);
        RawEnvelope envelope = published.envelopes.get(0);
        JsonNode answer = json(response);
        assertThat(answer.path("event_id").asText()).isEqualTo(envelope.eventId()).isNotBlank();
        assertThat(answer.path("delivery_id").asText()).isEqualTo(envelope.deliveryId());
        assertThat(answer.path("duplicate").isBoolean()).isTrue();
        assertThat(answer.path("duplicate").asBoolean()).isFalse();
        assertThat(envelope.receivedAt()).isEqualTo(RECEIVED);
        return envelope;
    }

    /** The delivery id of a request without one: {@code sha256:} and the body's hex SHA-256. */
    public static String bodyHash(byte[] body) {
        try {
            return "sha256:"
                    + java.util.HexFormat.of()
                            .formatHex(
                                    java.security.MessageDigest.getInstance("SHA-256")
                                            .digest(body));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.stop();
    }
}
