package dev.dora.ingest.sources;

import static dev.dora.ingest.WebhookServer.assertAccepted;
import static dev.dora.ingest.WebhookServer.assertError;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dora.events.RawEnvelope;
import dev.dora.ingest.Fixtures;
import dev.dora.ingest.RecordingPublisher;
import dev.dora.ingest.WebhookServer;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Opsgenie: {@code Authorization: Bearer <secret>} (it has no signature of its own); event type
 * from the body's {@code action}; no delivery id, so identical bodies are one delivery.
 */
class OpsgenieWebhookTest {
    private static final String SECRET = WebhookServer.secret("opsgenie");

    private final RecordingPublisher recorded = new RecordingPublisher();
    private WebhookServer server;
    private byte[] create;

    @BeforeEach
    void start() {
        create = Fixtures.bytes("opsgenie/zulip__create.json");
        server = WebhookServer.start(recorded);
    }

    @AfterEach
    void stop() {
        if (server != null) { // null when the shared fixtures are absent and the test skipped
            server.close();
        }
    }

    @Test
    void createAlertIsAcceptedAndIdentifiedByItsBodyHash() {
        RawEnvelope envelope = assertAccepted(server.send(opsgenie(create)), recorded);

        assertThat(envelope.source()).isEqualTo("opsgenie");
        assertThat(envelope.eventType()).isEqualTo("Create");
        assertThat(envelope.deliveryId()).isEqualTo(WebhookServer.bodyHash(create));
        assertThat(envelope.headers())
                .isEqualTo(
                        Map.of(
                                "user-agent", "Apache-HttpClient/4.5.13 (Java/11.0.14)",
                                "content-type", "application/json; charset=utf-8"));
        assertThat(envelope.headers()).doesNotContainKey("authorization");
    }

    @Test
    void theSameBytesSentTwiceAreOneDelivery() {
        var first = server.send(opsgenie(create));
        var second = server.send(opsgenie(create));

        // Opsgenie sends no delivery id: identical bytes are the same delivery, stored once.
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("\"duplicate\":true");
        assertThat(recorded.envelopes).hasSize(1);
        assertThat(recorded.envelopes.get(0).deliveryId()).startsWith("sha256:");
    }

    @Test
    void withoutActionTheEventTypeIsWebhook() {
        byte[] body = "{\"alert\":{\"alertId\":\"1\"}}".getBytes(UTF_8);

        assertThat(assertAccepted(server.send(opsgenie(body)), recorded).eventType())
                .isEqualTo("webhook");
    }

    @Test
    void wrongBearerTokenIsUnauthorized() {
        HttpRequest request = opsgenie(create).setHeader("Authorization", "Bearer nope").build();

        assertError(server.send(request), 401, "Authorization: Bearer token");
        assertThat(recorded.envelopes).isEmpty();
    }

    @Test
    void missingBearerTokenIsUnauthorized() {
        HttpRequest request =
                server.post("opsgenie", create).header("Content-Type", "application/json").build();

        assertError(server.send(request), 401, "Authorization: Bearer token");
        assertThat(recorded.envelopes).isEmpty();
    }

    private HttpRequest.Builder opsgenie(byte[] body) {
        return server.post("opsgenie", body)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Apache-HttpClient/4.5.13 (Java/11.0.14)")
                .header("Authorization", "Bearer " + SECRET);
    }
}
