package dev.dora.ingest.sources;

import static dev.dora.ingest.WebhookServer.assertAccepted;
import static dev.dora.ingest.WebhookServer.assertError;
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

/** GitLab: {@code X-Gitlab-Token} equal to the secret; dedupe on {@code Idempotency-Key}. */
class GitLabWebhookTest {
    private static final String SECRET = WebhookServer.secret("gitlab");
    private static final String IDEMPOTENCY_KEY = "3e8f6b3a-6f1f-4b9a-9a4c-2f4f2f3c1d10";
    private static final String EVENT_UUID = "13792a34-cac6-4fda-95a8-c58e00a3954e";

    private final RecordingPublisher recorded = new RecordingPublisher();
    private WebhookServer server;
    private byte[] push;

    @BeforeEach
    void start() {
        push = Fixtures.bytes("gitlab/push/go-gitlab__push.json");
        server = WebhookServer.start(recorded);
    }

    @AfterEach
    void stop() {
        if (server != null) { // null when the shared fixtures are absent and the test skipped
            server.close();
        }
    }

    @Test
    void pushHookIsAcceptedWithItsEventAndIdempotencyKey() {
        RawEnvelope envelope = assertAccepted(server.send(gitlab(push)), recorded);

        assertThat(envelope.source()).isEqualTo("gitlab");
        assertThat(envelope.eventType()).isEqualTo("Push Hook");
        assertThat(envelope.deliveryId()).isEqualTo(IDEMPOTENCY_KEY);
        assertThat(envelope.body()).isEqualTo(push);
        assertThat(envelope.headers())
                .isEqualTo(
                        Map.of(
                                "x-gitlab-event", "Push Hook",
                                "idempotency-key", IDEMPOTENCY_KEY,
                                "x-gitlab-event-uuid", EVENT_UUID,
                                "x-gitlab-instance", "https://gitlab.example.com",
                                "user-agent", "GitLab/17.4.0",
                                "content-type", "application/json"));
        assertThat(envelope.headers()).doesNotContainKey("x-gitlab-token");
    }

    @Test
    void olderGitLabWithoutIdempotencyKeyIsDedupedOnTheEventUuid() {
        HttpRequest request =
                server.post("gitlab", push)
                        .header("Content-Type", "application/json")
                        .header("X-Gitlab-Event", "Push Hook")
                        .header("X-Gitlab-Event-UUID", EVENT_UUID)
                        .header("X-Gitlab-Token", SECRET)
                        .build();

        assertThat(assertAccepted(server.send(request), recorded).deliveryId())
                .isEqualTo(EVENT_UUID);
    }

    @Test
    void withNeitherKeyTheBodyHashIsTheDeliveryId() {
        HttpRequest request =
                server.post("gitlab", push)
                        .header("Content-Type", "application/json")
                        .header("X-Gitlab-Event", "Push Hook")
                        .header("X-Gitlab-Token", SECRET)
                        .build();

        assertThat(assertAccepted(server.send(request), recorded).deliveryId())
                .isEqualTo(WebhookServer.bodyHash(push));
    }

    @Test
    void wrongTokenIsUnauthorized() {
        assertError(
                server.send(gitlab(push).setHeader("X-Gitlab-Token", SECRET + "x")),
                401,
                "missing or wrong X-Gitlab-Token for source 'gitlab'");
        assertThat(recorded.envelopes).isEmpty();
    }

    @Test
    void anotherSourcesSecretIsUnauthorized() {
        HttpRequest request =
                gitlab(push).setHeader("X-Gitlab-Token", WebhookServer.secret("github")).build();

        assertError(server.send(request), 401, "X-Gitlab-Token");
        assertThat(recorded.envelopes).isEmpty();
    }

    @Test
    void missingTokenIsUnauthorized() {
        HttpRequest request =
                server.post("gitlab", push)
                        .header("Content-Type", "application/json")
                        .header("X-Gitlab-Event", "Push Hook")
                        .build();

        assertError(server.send(request), 401, "X-Gitlab-Token");
        assertThat(recorded.envelopes).isEmpty();
    }

    @Test
    void missingEventHeaderIsABadRequest() {
        HttpRequest request =
                server.post("gitlab", push)
                        .header("Content-Type", "application/json")
                        .header("X-Gitlab-Token", SECRET)
                        .build();

        assertError(server.send(request), 400, "missing X-Gitlab-Event header");
        assertThat(recorded.envelopes).isEmpty();
    }

    /** A push as GitLab 17.4+ sends it. */
    private HttpRequest.Builder gitlab(byte[] body) {
        return server.post("gitlab", body)
                .header("Content-Type", "application/json")
                .header("User-Agent", "GitLab/17.4.0")
                .header("X-Gitlab-Event", "Push Hook")
                .header("X-Gitlab-Event-UUID", EVENT_UUID)
                .header("X-Gitlab-Instance", "https://gitlab.example.com")
                .header("Idempotency-Key", IDEMPOTENCY_KEY)
                .header("X-Gitlab-Token", SECRET);
    }
}
