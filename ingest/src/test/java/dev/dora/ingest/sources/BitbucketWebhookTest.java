package dev.dora.ingest.sources;

import static dev.dora.ingest.WebhookServer.assertAccepted;
import static dev.dora.ingest.WebhookServer.assertError;
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

/** Bitbucket Cloud: {@code X-Hub-Signature: sha256=<hex>}; dedupe on {@code X-Request-UUID}. */
class BitbucketWebhookTest {
    private static final String SECRET = WebhookServer.secret("bitbucket");
    private static final String REQUEST_UUID = "2f4f2f3c-1d10-4b9a-9a4c-3e8f6b3a6f1f";
    private static final String HOOK_UUID = "{4b7a3c6e-0d5b-4a62-9b1d-0fa1e2b3c4d5}";

    private final RecordingPublisher recorded = new RecordingPublisher();
    private WebhookServer server;
    private byte[] push;

    @BeforeEach
    void start() {
        push = Fixtures.bytes("bitbucket-cloud/go-scm__push.json");
        server = WebhookServer.start(recorded);
    }

    @AfterEach
    void stop() {
        if (server != null) { // null when the shared fixtures are absent and the test skipped
            server.close();
        }
    }

    @Test
    void signedPushIsAcceptedWithItsEventKeyAndRequestUuid() {
        RawEnvelope envelope = assertAccepted(server.send(bitbucket(push)), recorded);

        assertThat(envelope.source()).isEqualTo("bitbucket");
        assertThat(envelope.eventType()).isEqualTo("repo:push");
        assertThat(envelope.deliveryId()).isEqualTo(REQUEST_UUID);
        assertThat(envelope.headers())
                .isEqualTo(
                        Map.of(
                                "x-event-key", "repo:push",
                                "x-request-uuid", REQUEST_UUID,
                                "x-hook-uuid", HOOK_UUID,
                                "x-attempt-number", "1",
                                "user-agent", "Bitbucket-Webhooks/2.0",
                                "content-type", "application/json"));
        assertThat(envelope.headers()).doesNotContainKey("x-hub-signature");
    }

    @Test
    void withoutRequestUuidTheBodyHashIsTheDeliveryId() {
        HttpRequest request =
                server.post("bitbucket", push)
                        .header("Content-Type", "application/json")
                        .header("X-Event-Key", "repo:push")
                        .header("X-Hub-Signature", sign(push))
                        .build();

        assertThat(assertAccepted(server.send(request), recorded).deliveryId())
                .isEqualTo(WebhookServer.bodyHash(push));
    }

    @Test
    void wrongSignatureIsUnauthorized() {
        HttpRequest request =
                bitbucket(push)
                        .setHeader("X-Hub-Signature", "sha256=" + HmacSha256.hex("wrong", push))
                        .build();

        assertError(server.send(request), 401, "missing or wrong X-Hub-Signature for source");
        assertThat(recorded.envelopes).isEmpty();
    }

    @Test
    void signatureUnderGitHubsHeaderNameIsNotEnough() {
        HttpRequest request =
                server.post("bitbucket", push)
                        .header("Content-Type", "application/json")
                        .header("X-Event-Key", "repo:push")
                        .header("X-Hub-Signature-256", sign(push))
                        .build();

        assertError(server.send(request), 401, "X-Hub-Signature");
        assertThat(recorded.envelopes).isEmpty();
    }

    @Test
    void missingEventKeyIsABadRequest() {
        HttpRequest request =
                server.post("bitbucket", push)
                        .header("Content-Type", "application/json")
                        .header("X-Hub-Signature", sign(push))
                        .build();

        assertError(server.send(request), 400, "missing X-Event-Key header");
        assertThat(recorded.envelopes).isEmpty();
    }

    private HttpRequest.Builder bitbucket(byte[] body) {
        return server.post("bitbucket", body)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Bitbucket-Webhooks/2.0")
                .header("X-Event-Key", "repo:push")
                .header("X-Request-UUID", REQUEST_UUID)
                .header("X-Hook-UUID", HOOK_UUID)
                .header("X-Attempt-Number", "1")
                .header("X-Hub-Signature", sign(body));
    }

    private static String sign(byte[] body) {
        return "sha256=" + HmacSha256.hex(SECRET, body);
    }
}
