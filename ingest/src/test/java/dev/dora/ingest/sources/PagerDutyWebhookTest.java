package dev.dora.ingest.sources;

import static dev.dora.ingest.WebhookServer.assertAccepted;
import static dev.dora.ingest.WebhookServer.assertError;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
 * PagerDuty V3: {@code X-PagerDuty-Signature} (any {@code v1=} value may match); event type from
 * {@code event.event_type}; dedupe on {@code X-Webhook-Id}. Driven with the signed request of
 * PagerDuty's own Go client test (secret, body file and header from the shared vectors).
 */
class PagerDutyWebhookTest {
    private static final String WEBHOOK_ID = "b4a4e4e0-5b5a-11ee-8c99-0242ac120002";

    private final RecordingPublisher recorded = new RecordingPublisher();
    private WebhookServer server;
    private String secret;
    private byte[] body;
    private String signature;

    @BeforeEach
    void start() {
        JsonNode vector = Fixtures.signingVectors("pagerduty").get(0);
        secret = vector.path("secret").asText();
        body = Fixtures.bytes(vector.path("body_file").asText());
        signature = vector.path("header_value").asText();
        server = new WebhookServer(Map.of("pagerduty", secret), 64 * 1024, recorded);
    }

    @AfterEach
    void stop() {
        if (server != null) { // null when the shared fixtures are absent and the test skipped
            server.close();
        }
    }

    @Test
    void vendorSignedRequestIsAcceptedWithItsEventTypeAndWebhookId() {
        RawEnvelope envelope = assertAccepted(server.send(pagerduty(signature)), recorded);

        assertThat(envelope.source()).isEqualTo("pagerduty");
        assertThat(envelope.eventType()).isEqualTo("incident.priority_updated");
        assertThat(envelope.deliveryId()).isEqualTo(WEBHOOK_ID);
        assertThat(envelope.body()).isEqualTo(body);
        assertThat(envelope.headers())
                .isEqualTo(
                        Map.of(
                                "x-webhook-id", WEBHOOK_ID,
                                "user-agent", "PagerDuty-Webhook/V3.0",
                                "content-type", "application/json"));
        assertThat(envelope.headers()).doesNotContainKey("x-pagerduty-signature");
    }

    @Test
    void duringRotationAnyMatchingV1Passes() {
        String old = "v1=" + HmacSha256.hex("the-previous-secret", body);

        assertAccepted(server.send(pagerduty(old + "," + signature)), recorded);
    }

    @Test
    void onlyNonMatchingValuesAreUnauthorized() {
        String old = "v1=" + HmacSha256.hex("the-previous-secret", body);
        String other = "v1=" + HmacSha256.hex("yet-another-secret", body);

        assertError(server.send(pagerduty(old + "," + other)), 401, "X-PagerDuty-Signature");
        assertThat(recorded.envelopes).isEmpty();
    }

    @Test
    void missingSignatureIsUnauthorized() {
        HttpRequest request =
                server.post("pagerduty", body).header("Content-Type", "application/json").build();

        assertError(server.send(request), 401, "X-PagerDuty-Signature");
        assertThat(recorded.envelopes).isEmpty();
    }

    @Test
    void withoutEventTypeOrWebhookIdTheFallbacksApply() {
        byte[] ping = "{\"event\":{\"id\":\"x\"}}".getBytes(UTF_8);
        HttpRequest request =
                server.post("pagerduty", ping)
                        .header("Content-Type", "application/json")
                        .header("X-PagerDuty-Signature", "v1=" + HmacSha256.hex(secret, ping))
                        .build();

        RawEnvelope envelope = assertAccepted(server.send(request), recorded);

        assertThat(envelope.eventType()).isEqualTo("webhook");
        assertThat(envelope.deliveryId()).isEqualTo(WebhookServer.bodyHash(ping));
    }

    private HttpRequest.Builder pagerduty(String signatureHeader) {
        return server.post("pagerduty", body)
                .header("Content-Type", "application/json")
                .header("User-Agent", "PagerDuty-Webhook/V3.0")
                .header("X-Webhook-Id", WEBHOOK_ID)
                .header("X-PagerDuty-Signature", signatureHeader);
    }
}
