package dev.dora.ingest;

import static dev.dora.ingest.WebhookServer.assertAccepted;
import static dev.dora.ingest.WebhookServer.assertError;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dora.events.RawEnvelope;
import dev.dora.ingest.github.GitHubSignature;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The webhook route's contract, shown on GitHub (the first source), on a real server (random port)
 * with Kafka replaced by in-memory doubles: statuses, the order of checks, and what is published.
 * Each other source has its own test in {@code sources/}.
 */
class WebhookRoutesTest {
    private static final String SECRET = WebhookServer.secret("github");
    private static final String BODY = "{\"ref\":\"refs/heads/main\"}";
    private static final String DELIVERY = "72d3162e-cc78-11e3-81ab-4c9367dc0958";

    private final RecordingPublisher recorded = new RecordingPublisher();
    private WebhookServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aRedeliveryIsAnsweredAsDuplicateAndStoredOnce() {
        server = WebhookServer.start(recorded);

        HttpResponse<String> first = server.send(github("github", BODY));
        HttpResponse<String> again = server.send(github("github", BODY));

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body())
                .isEqualTo("{\"delivery_id\":\"" + DELIVERY + "\",\"duplicate\":true}");
        assertThat(recorded.envelopes).hasSize(1);
    }

    @Test
    void metricsCountOutcomesPerSourceInPrometheusFormat() {
        server = WebhookServer.start(recorded);
        server.send(github("github", BODY));
        server.send(github("github", BODY));
        server.send(github("github", BODY).setHeader("X-Hub-Signature-256", "sha256=00"));

        String text = server.metrics().render();

        assertThat(text)
                .contains("dora_ingest_requests_total{source=\"github\",outcome=\"accepted\"} 1\n")
                .contains("dora_ingest_requests_total{source=\"github\",outcome=\"duplicate\"} 1\n")
                .contains(
                        "dora_ingest_requests_total{source=\"github\",outcome=\"unauthorized\"} 1\n")
                .contains("dora_ingest_publish_seconds_count 1\n")
                .contains("# TYPE dora_ingest_spool_depth gauge\ndora_ingest_spool_depth 0\n");
    }

    @Test
    void signedJsonIsAcceptedAndForwardedAsReceived() {
        server = WebhookServer.start(recorded);

        HttpResponse<String> response = server.send(github("github", BODY));

        RawEnvelope envelope = assertAccepted(response, recorded);
        assertThat(envelope.source()).isEqualTo("github");
        assertThat(envelope.eventType()).isEqualTo("push");
        assertThat(envelope.deliveryId()).isEqualTo(DELIVERY);
        assertThat(envelope.body()).isEqualTo(BODY.getBytes(UTF_8));
        // Kept headers, lower-cased; the signature is a credential and is not among them.
        assertThat(envelope.headers())
                .isEqualTo(
                        Map.of(
                                "x-github-event", "push",
                                "x-github-delivery", DELIVERY,
                                "x-github-hook-id", "292430182",
                                "user-agent", "GitHub-Hookshot/044aadd",
                                "content-type", "application/json"));
    }

    @Test
    void withoutDeliveryHeaderTheBodyHashIsTheDeliveryId() {
        server = WebhookServer.start(recorded);
        HttpRequest request =
                server.post("github", BODY)
                        .header("Content-Type", "application/json")
                        .header("X-GitHub-Event", "push")
                        .header("X-Hub-Signature-256", sign(BODY))
                        .build();

        RawEnvelope envelope = assertAccepted(server.send(request), recorded);

        assertThat(envelope.deliveryId())
                .isEqualTo(WebhookServer.bodyHash(BODY.getBytes(UTF_8)))
                .hasSize("sha256:".length() + 64);
    }

    @Test
    void wrongSignatureIsUnauthorizedAndNothingIsPublished() {
        server = WebhookServer.start(recorded);

        HttpResponse<String> response =
                server.send(
                        github("github", BODY)
                                .setHeader(
                                        "X-Hub-Signature-256",
                                        GitHubSignature.sign("wrong", BODY.getBytes(UTF_8))));

        assertError(response, 401, "missing or wrong X-Hub-Signature-256 for source 'github'");
        assertThat(recorded.envelopes).isEmpty();
    }

    @Test
    void missingSignatureIsUnauthorized() {
        server = WebhookServer.start(recorded);
        HttpRequest request =
                server.post("github", BODY)
                        .header("Content-Type", "application/json")
                        .header("X-GitHub-Event", "push")
                        .build();

        assertError(server.send(request), 401, "X-Hub-Signature-256");
        assertThat(recorded.envelopes).isEmpty();
    }

    @Test
    void sourceWithoutSecretRefusesEvenASignedRequest() {
        server = new WebhookServer(Map.of("gitlab", "other"), 4096, recorded);

        HttpResponse<String> response = server.send(github("github", BODY));

        assertError(response, 401, "no secret is configured for source 'github'");
        assertThat(recorded.envelopes).isEmpty();
    }

    @Test
    void bodyOverTheLimitIsTooLarge() {
        server = new WebhookServer(WebhookServer.allSecrets(), 1024, recorded);
        String big = "{\"padding\":\"" + "x".repeat(1024) + "\"}"; // 1038 bytes

        HttpResponse<String> response = server.send(github("github", big));

        assertError(response, 413, "larger than the limit of 1024 bytes");
        assertThat(recorded.envelopes).isEmpty();
    }

    @Test
    void chunkedBodyOverTheLimitIsTooLargeWithTheSameJsonAnswer() {
        server = new WebhookServer(WebhookServer.allSecrets(), 1024, recorded);
        byte[] big = ("{\"padding\":\"" + "x".repeat(1024) + "\"}").getBytes(UTF_8);
        // No Content-Length: the size is only known once the body has been read.
        HttpRequest request =
                github("github", "{}")
                        .setHeader("X-Hub-Signature-256", GitHubSignature.sign(SECRET, big))
                        .POST(
                                HttpRequest.BodyPublishers.ofInputStream(
                                        () -> new ByteArrayInputStream(big)))
                        .build();

        HttpResponse<String> response = server.send(request);

        assertError(response, 413, "larger than the limit of 1024 bytes");
        assertThat(recorded.envelopes).isEmpty();
    }

    @Test
    void bodyAtTheLimitIsAccepted() {
        server = new WebhookServer(WebhookServer.allSecrets(), 1024, recorded);
        String exact = "{\"padding\":\"" + "x".repeat(1024 - 14) + "\"}";
        assertThat(exact.getBytes(UTF_8).length).isEqualTo(1024);

        assertAccepted(server.send(github("github", exact)), recorded);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/xml"})
    void nonJsonContentTypeIsUnsupported(String contentType) {
        server = WebhookServer.start(recorded);

        HttpResponse<String> response =
                server.send(github("github", BODY).setHeader("Content-Type", contentType));

        assertError(response, 415, "content type must be application/json");
        assertThat(WebhookServer.json(response).path("error").asText()).contains(contentType);
        assertThat(recorded.envelopes).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "application/json; charset=utf-8",
                "Application/JSON",
                "application/vnd.github+json"
            })
    void jsonAndPlusJsonContentTypesAreAccepted(String contentType) {
        server = WebhookServer.start(recorded);

        HttpResponse<String> response =
                server.send(github("github", BODY).setHeader("Content-Type", contentType));

        assertAccepted(response, recorded);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"ref\": ", "not json", "{\"a\": [1, 2,]}", "{} {}", "   "})
    void malformedJsonIsABadRequest(String body) {
        server = WebhookServer.start(recorded);

        HttpResponse<String> response = server.send(github("github", body));

        assertError(response, 400, "");
        assertThat(WebhookServer.json(response).path("error").asText())
                .containsAnyOf("body is not valid JSON", "body is empty");
        assertThat(recorded.envelopes).isEmpty();
    }

    @Test
    void malformedJsonAnswerSaysWhere() {
        server = WebhookServer.start(recorded);

        HttpResponse<String> response = server.send(github("github", "{\"ref\": tru}"));

        assertError(response, 400, "body is not valid JSON");
        assertThat(WebhookServer.json(response).path("error").asText()).contains("line 1");
    }

    @Test
    void missingEventTypeIsABadRequest() {
        server = WebhookServer.start(recorded);
        HttpRequest request =
                server.post("github", BODY)
                        .header("Content-Type", "application/json")
                        .header("X-GitHub-Delivery", DELIVERY)
                        .header("X-Hub-Signature-256", sign(BODY))
                        .build();

        assertError(server.send(request), 400, "missing X-GitHub-Event header");
        assertThat(recorded.envelopes).isEmpty();
    }

    @Test
    void unknownSourceIsNotFound() {
        server = WebhookServer.start(recorded);

        HttpResponse<String> response = server.send(github("foo", BODY));

        assertError(response, 404, "unknown webhook source 'foo'");
        assertThat(recorded.envelopes).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PUT", "PATCH", "DELETE"})
    void otherMethodsAreNotAllowed(String method) {
        server = WebhookServer.start(recorded);
        HttpRequest request =
                HttpRequest.newBuilder(server.uri("/webhooks/github"))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build();

        HttpResponse<String> response = server.send(request);

        assertError(response, 405, method + " is not allowed");
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        assertThat(recorded.envelopes).isEmpty();
    }

    @Test
    void failingPublisherIsServiceUnavailable() {
        server = WebhookServer.start(new FailingPublisher());

        assertError(server.send(github("github", BODY)), 503, "could not be stored durably");
    }

    // The order of checks: each request below fails two checks and gets the earlier one's answer.

    @Test
    void unknownSourceComesBeforeSize() {
        server = new WebhookServer(WebhookServer.allSecrets(), 16, recorded);

        assertError(server.send(github("foo", BODY)), 404, "unknown webhook source");
    }

    @Test
    void sizeComesBeforeAuthentication() {
        server = new WebhookServer(WebhookServer.allSecrets(), 16, recorded);

        HttpResponse<String> response =
                server.send(github("github", BODY).setHeader("X-Hub-Signature-256", "sha256=00"));

        assertError(response, 413, "larger than the limit");
    }

    @Test
    void authenticationComesBeforeContentType() {
        server = WebhookServer.start(recorded);

        HttpResponse<String> response =
                server.send(
                        github("github", BODY)
                                .setHeader("X-Hub-Signature-256", "sha256=00")
                                .setHeader("Content-Type", "text/plain"));

        assertError(response, 401, "X-Hub-Signature-256");
    }

    @Test
    void contentTypeComesBeforeJsonSyntax() {
        server = WebhookServer.start(recorded);

        HttpResponse<String> response =
                server.send(github("github", "a=b").setHeader("Content-Type", "text/plain"));

        assertError(response, 415, "content type");
    }

    @Test
    void jsonSyntaxComesBeforeEventType() {
        server = WebhookServer.start(recorded);
        HttpRequest request =
                server.post("github", "{oops")
                        .header("Content-Type", "application/json")
                        .header("X-Hub-Signature-256", sign("{oops"))
                        .build();

        assertError(server.send(request), 400, "body is not valid JSON");
    }

    /** A request as GitHub sends it: a push, signed with the right secret. */
    private HttpRequest.Builder github(String source, String body) {
        return server.post(source, body)
                .header("Content-Type", "application/json")
                .header("User-Agent", "GitHub-Hookshot/044aadd")
                .header("X-GitHub-Event", "push")
                .header("X-GitHub-Delivery", DELIVERY)
                .header("X-GitHub-Hook-ID", "292430182")
                .header("X-Hub-Signature-256", sign(body));
    }

    private static String sign(String body) {
        return GitHubSignature.sign(SECRET, body.getBytes(UTF_8));
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
