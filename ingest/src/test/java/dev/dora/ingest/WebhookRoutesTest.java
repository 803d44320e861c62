package dev.dora.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dora.events.RawEnvelope;
import dev.dora.ingest.github.GitHubSignature;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The webhook route on a real server (random port), with Kafka replaced by in-memory doubles. */
class WebhookRoutesTest {
    private static final String SECRET = "s3cret";
    private static final int MAX_BODY_BYTES = 1024;
    private static final Instant RECEIVED = Instant.parse("2026-03-02T09:00:00Z");
    private static final String BODY = "{\"ref\":\"refs/heads/main\"}";
    private static final String DELIVERY = "72d3162e-cc78-11e3-81ab-4c9367dc0958";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final RecordingPublisher recorded = new RecordingPublisher();
    private Javalin app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void signedJsonIsAcceptedAndForwardedAsReceived() throws Exception {
        start(recorded);

        HttpResponse<String> response = send(github("/webhooks/github", BODY).build());

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.path("delivery_id").asText()).isEqualTo(DELIVERY);
        assertThat(recorded.envelopes).hasSize(1);
        RawEnvelope envelope = recorded.envelopes.get(0);
        assertThat(answer.path("event_id").asText()).isEqualTo(envelope.eventId()).isNotBlank();
        assertThat(envelope.source()).isEqualTo("github");
        assertThat(envelope.eventType()).isEqualTo("push");
        assertThat(envelope.deliveryId()).isEqualTo(DELIVERY);
        assertThat(envelope.receivedAt()).isEqualTo(RECEIVED); // the injected clock
        assertThat(envelope.body()).isEqualTo(BODY.getBytes(UTF_8));
        // Kept headers, lower-cased; the signature is a credential and is not among them.
        assertThat(envelope.headers())
                .isEqualTo(
                        Map.of(
                                "x-github-event", "push",
                                "x-github-delivery", DELIVERY,
                                "user-agent", "GitHub-Hookshot/044aadd",
                                "content-type", "application/json"));
        assertThat(envelope.headers()).doesNotContainKey("x-hub-signature-256");
    }

    @Test
    void wrongSignatureIsUnauthorizedAndNothingIsPublished() throws Exception {
        start(recorded);

        HttpResponse<String> response =
                send(
                        github("/webhooks/github", BODY)
                                .setHeader(
                                        "X-Hub-Signature-256",
                                        GitHubSignature.sign("wrong", BODY.getBytes(UTF_8)))
                                .build());

        assertError(response, 401, "X-Hub-Signature-256");
        assertThat(recorded.envelopes).isEmpty();
    }

    @Test
    void bodyOverTheLimitIsTooLarge() throws Exception {
        start(recorded);
        String big = "{\"padding\":\"" + "x".repeat(MAX_BODY_BYTES) + "\"}"; // 1038 bytes

        HttpResponse<String> response = send(github("/webhooks/github", big).build());

        assertError(response, 413, "larger than the limit of 1024 bytes");
        assertThat(recorded.envelopes).isEmpty();
    }

    @Test
    void nonJsonContentTypeIsUnsupported() throws Exception {
        start(recorded);

        HttpResponse<String> response =
                send(
                        github("/webhooks/github", BODY)
                                .setHeader("Content-Type", "text/plain")
                                .build());

        assertError(response, 415, "content type must be application/json");
        assertThat(recorded.envelopes).isEmpty();
    }

    @Test
    void missingEventTypeIsABadRequest() throws Exception {
        start(recorded);
        HttpRequest request =
                HttpRequest.newBuilder(uri("/webhooks/github"))
                        .header("Content-Type", "application/json")
                        .header("X-GitHub-Delivery", DELIVERY)
                        .header("X-Hub-Signature-256", sign(BODY))
                        .POST(HttpRequest.BodyPublishers.ofString(BODY))
                        .build();

        HttpResponse<String> response = send(request);

        assertError(response, 400, "missing X-GitHub-Event header");
        assertThat(recorded.envelopes).isEmpty();
    }

    @Test
    void unknownSourceIsNotFound() throws Exception {
        start(recorded);

        HttpResponse<String> response = send(github("/webhooks/foo", BODY).build());

        assertError(response, 404, "unknown webhook source 'foo'");
        assertThat(recorded.envelopes).isEmpty();
    }

    @Test
    void failingPublisherIsServiceUnavailable() throws Exception {
        start(new FailingPublisher());

        HttpResponse<String> response = send(github("/webhooks/github", BODY).build());

        assertError(response, 503, "could not be stored durably");
    }

    private void start(EnvelopePublisher publisher) {
        WebhookRoutes routes =
                new WebhookRoutes(
                        new IngestConfig(Map.of("github", SECRET), MAX_BODY_BYTES),
                        publisher,
                        Clock.fixed(RECEIVED, ZoneOffset.UTC));
        app =
                Javalin.create(
                        cfg -> {
                            cfg.http.maxRequestSize = MAX_BODY_BYTES;
                            cfg.startup.showJavalinBanner = false;
                            routes.addTo(cfg.routes);
                        });
        app.start("127.0.0.1", 0);
    }

    /** A request as GitHub sends it: a push, signed with the right secret. */
    private HttpRequest.Builder github(String path, String body) {
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("User-Agent", "GitHub-Hookshot/044aadd")
                .header("X-GitHub-Event", "push")
                .header("X-GitHub-Delivery", DELIVERY)
                .header("X-Hub-Signature-256", sign(body))
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static String sign(String body) {
        return GitHubSignature.sign(SECRET, body.getBytes(UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private void assertError(HttpResponse<String> response, int status, String problem)
            throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(json.readTree(response.body()).path("error").asText()).contains(problem);
    }

    /** Test double for Kafka: keeps envelopes in memory and acknowledges at once. */
    private static final class RecordingPublisher implements EnvelopePublisher {
        final List<RawEnvelope> envelopes = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<Void> publish(RawEnvelope envelope) {
            envelopes.add(envelope);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {}
    }

    /** Test double for an unreachable Kafka: every publish fails. */
    private static final class FailingPublisher implements EnvelopePublisher {
        @Override
        public CompletableFuture<Void> publish(RawEnvelope envelope) {
            return CompletableFuture.failedFuture(new IOException("broker down"));
        }

        @Override
        public void close() {}
    }
}
