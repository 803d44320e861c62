package dev.dora.ingest.sources;

import static dev.dora.ingest.WebhookServer.assertAccepted;
import static dev.dora.ingest.WebhookServer.assertError;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dora.events.RawEnvelope;
import dev.dora.ingest.Fixtures;
import dev.dora.ingest.RecordingPublisher;
import dev.dora.ingest.WebhookServer;
import dev.dora.ingest.auth.HmacSha256;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CircleCI: {@code circleci-signature: v1=<hex>}; event type from {@code circleci-event-type} (else
 * the body's {@code type}); dedupe on the body's top-level {@code id}.
 */
class CircleCiWebhookTest {
    private static final String SECRET = WebhookServer.secret("circleci");
    private static final String WORKFLOW_ID = "3888f21b-eaa7-38e3-8f3d-75a63bba8895";

    private final RecordingPublisher recorded = new RecordingPublisher();
    private WebhookServer server;
    private byte[] workflow;

    @BeforeEach
    void start() {
        workflow =
                Fixtures.bytes(
                        "circleci/circleci-docs__workflow-completed.github-oauth-bitbucket-cloud.json");
        server = WebhookServer.start(recorded);
    }

    @AfterEach
    void stop() {
        if (server != null) { // null when the shared fixtures are absent and the test skipped
            server.close();
        }
    }

    @Test
    void signedWorkflowCompletedIsAcceptedAndDedupedOnTheBodyId() {
        RawEnvelope envelope = assertAccepted(server.send(circleci(workflow)), recorded);

        assertThat(envelope.source()).isEqualTo("circleci");
        assertThat(envelope.eventType()).isEqualTo("workflow-completed");
        assertThat(envelope.deliveryId()).isEqualTo(WORKFLOW_ID);
        assertThat(envelope.headers())
                .isEqualTo(
                        Map.of(
                                "circleci-event-type", "workflow-completed",
                                "user-agent", "CircleCI-Webhook/1.0",
                                "content-type", "application/json"));
        assertThat(envelope.headers()).doesNotContainKey("circleci-signature");
    }

    @Test
    void laterSignatureVersionsBesideV1AreTolerated() {
        HttpRequest request =
                circleci(workflow)
                        .setHeader("circleci-signature", sign(workflow) + ",v2=0123abcd")
                        .build();

        assertAccepted(server.send(request), recorded);
    }

    @Test
    void withoutTheEventTypeHeaderTheBodyTypeIsUsed() {
        HttpRequest request =
                server.post("circleci", workflow)
                        .header("Content-Type", "application/json")
                        .header("circleci-signature", sign(workflow))
                        .build();

        assertThat(assertAccepted(server.send(request), recorded).eventType())
                .isEqualTo("workflow-completed");
    }

    @Test
    void withNeitherHeaderNorBodyTypeItIsABadRequest() {
        byte[] body = "{\"id\":\"abc\"}".getBytes(UTF_8);
        HttpRequest request =
                server.post("circleci", body)
                        .header("Content-Type", "application/json")
                        .header("circleci-signature", sign(body))
                        .build();

        assertError(server.send(request), 400, "missing circleci-event-type header");
        assertThat(recorded.envelopes).isEmpty();
    }

    @Test
    void withoutBodyIdTheBodyHashIsTheDeliveryId() {
        byte[] body = "{\"type\":\"job-completed\"}".getBytes(UTF_8);

        RawEnvelope envelope = assertAccepted(server.send(circleci(body)), recorded);

        assertThat(envelope.deliveryId()).isEqualTo(WebhookServer.bodyHash(body));
    }

    @Test
    void wrongSignatureIsUnauthorized() {
        HttpRequest request =
                circleci(workflow)
                        .setHeader("circleci-signature", "v1=" + HmacSha256.hex("no", workflow))
                        .build();

        assertError(server.send(request), 401, "circleci-signature");
        assertThat(recorded.envelopes).isEmpty();
    }

    @Test
    void missingSignatureIsUnauthorized() {
        HttpRequest request =
                server.post("circleci", workflow)
                        .header("Content-Type", "application/json")
                        .header("circleci-event-type", "workflow-completed")
                        .build();

        assertError(server.send(request), 401, "circleci-signature");
        assertThat(recorded.envelopes).isEmpty();
    }

    private HttpRequest.Builder circleci(byte[] body) {
        return server.post("circleci", body)
                .header("Content-Type", "application/json")
                .header("User-Agent", "CircleCI-Webhook/1.0")
                .header("circleci-event-type", "workflow-completed")
                .header("circleci-signature", sign(body));
    }

    private static String sign(byte[] body) {
        return "v1=" + HmacSha256.hex(SECRET, body);
    }
}
