package dev.dora.ingest.sources;

import static dev.dora.ingest.WebhookServer.assertAccepted;
import static dev.dora.ingest.WebhookServer.assertError;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dora.events.RawEnvelope;
import dev.dora.ingest.RecordingPublisher;
import dev.dora.ingest.WebhookServer;
import dev.dora.ingest.auth.HmacSha256;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The generic API (DESIGN.md): {@code Authorization: Bearer} or {@code X-Dora-Signature}; event
 * type {@code generic}; dedupe on {@code Idempotency-Key}; the body's events validated, with every
 * problem named in one answer.
 */
class GenericWebhookTest {
    private static final String SECRET = WebhookServer.secret("generic");
    private static final String DEPLOYMENT =
            """
            {"type": "deployment", "id": "deploy-4711", "service": "checkout",
             "environment": "production", "sha": "9fceb02", "repo": "acme/checkout",
             "status": "success", "started_at": "2026-03-02T10:00:00Z",
             "finished_at": "2026-03-02T10:04:10Z", "rollback_of": null,
             "pipeline": "platform-golden-path",
             "changes": [{"sha": "41e2c8a", "committed_at": "2026-03-01T16:20:00Z"},
                         {"sha": "9fceb02", "committed_at": "2026-03-02T08:05:00+01:00"}]}
            """;
    private static final String BATCH =
            """
            [%s,
             {"type": "incident", "id": "INC-93", "service": "checkout", "severity": "sev2",
              "opened_at": "2026-03-02T11:00:00Z", "resolved_at": "2026-03-02T11:40:00Z",
              "caused_by": {"deployment_id": "deploy-4711"}},
             {"type": "change", "sha": "9fceb02", "repo": "acme/checkout", "branch": "main",
              "committed_at": "2026-03-01T16:20:00Z", "pr": 812},
             {"type": "service_created", "service": "checkout", "created_at": "2025-11-01T09:00:00Z"},
             {"type": "platform_request", "id": "REQ-7", "channel": "self_service",
              "requested_at": "2026-03-01T09:00:00Z", "fulfilled_at": "2026-03-01T09:02:00Z"}]
            """
                    .formatted(DEPLOYMENT);

    private final ObjectMapper json = new ObjectMapper();
    private final RecordingPublisher recorded = new RecordingPublisher();
    private WebhookServer server;

    @BeforeEach
    void start() {
        server = WebhookServer.start(recorded);
    }

    @AfterEach
    void stop() {
        if (server != null) { // null when the shared fixtures are absent and the test skipped
            server.close();
        }
    }

    @Test
    void oneValidEventWithBearerTokenIsAccepted() {
        HttpRequest request =
                bearer(DEPLOYMENT)
                        .header("Idempotency-Key", "jenkins-checkout-4711")
                        .header("User-Agent", "curl/8.5.0")
                        .build();

        RawEnvelope envelope = assertAccepted(server.send(request), recorded);

        assertThat(envelope.source()).isEqualTo("generic");
        assertThat(envelope.eventType()).isEqualTo("generic");
        assertThat(envelope.deliveryId()).isEqualTo("jenkins-checkout-4711");
        assertThat(envelope.body()).isEqualTo(DEPLOYMENT.getBytes(UTF_8));
        assertThat(envelope.headers())
                .isEqualTo(
                        Map.of(
                                "idempotency-key", "jenkins-checkout-4711",
                                "user-agent", "curl/8.5.0",
                                "content-type", "application/json"));
    }

    @Test
    void validArrayOfEveryTypeWithSignatureIsAccepted() {
        byte[] body = BATCH.getBytes(UTF_8);
        HttpRequest request =
                server.post("generic", body)
                        .header("Content-Type", "application/json")
                        .header("User-Agent", "argocd-notifications")
                        .header("X-Dora-Signature", "sha256=" + HmacSha256.hex(SECRET, body))
                        .build();

        RawEnvelope envelope = assertAccepted(server.send(request), recorded);

        assertThat(envelope.eventType()).isEqualTo("generic");
        assertThat(envelope.deliveryId()).isEqualTo(WebhookServer.bodyHash(body));
        assertThat(envelope.headers())
                .isEqualTo(
                        Map.of(
                                "user-agent", "argocd-notifications",
                                "content-type", "application/json"));
    }

    @Test
    void everyProblemOfABatchIsListedAndNothingIsPublished() throws Exception {
        String body =
                """
                [{"type": "deployment", "service": "checkout", "environment": "production",
                  "status": "queued"},
                 {"type": "deploy", "id": "d-2", "finished_at": "yesterday"},
                 {"type": "deployment", "id": "d-3", "repo": "acme/checkout",
                  "environment": "staging", "status": "done"}]
                """;

        HttpResponse<String> response = server.send(bearer(body));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()))
                .isEqualTo(
                        json.readTree(
                                """
                                {"error": "invalid generic event(s)",
                                 "problems": [
                                   "[0].id: missing",
                                   "[1].type: unknown type 'deploy'",
                                   "[1].finished_at: not an ISO-8601 time with offset: 'yesterday'",
                                   "[2].status: must be one of queued, pending, in_progress, success, failure, error, cancelled"]}
                                """));
        assertThat(recorded.envelopes).isEmpty();
    }

    @Test
    void emptyArrayIsABadRequest() {
        HttpResponse<String> response = server.send(bearer("[]"));

        assertError(response, 400, "invalid generic event(s)");
        assertThat(problems(response))
                .containsExactly("body: empty array; send at least one event");
        assertThat(recorded.envelopes).isEmpty();
    }

    @Test
    void scalarBodyIsABadRequest() {
        HttpResponse<String> response = server.send(bearer("\"deploy\""));

        assertError(response, 400, "invalid generic event(s)");
        assertThat(problems(response))
                .containsExactly("body: must be an event object or an array of event objects");
    }

    @Test
    void wrongBearerTokenIsUnauthorized() {
        HttpRequest request =
                server.post("generic", DEPLOYMENT)
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + WebhookServer.secret("opsgenie"))
                        .build();

        assertError(server.send(request), 401, "Authorization: Bearer token or X-Dora-Signature");
        assertThat(recorded.envelopes).isEmpty();
    }

    @Test
    void wrongSignatureIsUnauthorized() {
        byte[] body = DEPLOYMENT.getBytes(UTF_8);
        HttpRequest request =
                server.post("generic", body)
                        .header("Content-Type", "application/json")
                        .header("X-Dora-Signature", "sha256=" + HmacSha256.hex("guess", body))
                        .build();

        assertError(server.send(request), 401, "X-Dora-Signature");
        assertThat(recorded.envelopes).isEmpty();
    }

    @Test
    void missingCredentialsAreUnauthorized() {
        HttpRequest request =
                server.post("generic", DEPLOYMENT)
                        .header("Content-Type", "application/json")
                        .build();

        assertError(server.send(request), 401, "for source 'generic'");
        assertThat(recorded.envelopes).isEmpty();
    }

    @Test
    void authenticationComesBeforeValidation() {
        HttpRequest request =
                server.post("generic", "[]").header("Content-Type", "application/json").build();

        assertError(server.send(request), 401, "for source 'generic'");
    }

    private HttpRequest.Builder bearer(String body) {
        return server.post("generic", body)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + SECRET);
    }

    private java.util.List<String> problems(HttpResponse<String> response) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (JsonNode p : WebhookServer.json(response).path("problems")) {
            out.add(p.asText());
        }
        return out;
    }
}
