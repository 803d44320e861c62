package dev.dora.ingest.sources;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dora.ingest.WebhookException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The event-type and delivery-id rules as pure functions of (headers, body): the contract with the
 * streaming job's parsers, without a server.
 */
class WebhookSourcesTest {

    @Test
    void everySourceIsInTheCatalog() {
        assertThat(WebhookSources.NAMES)
                .containsExactly(
                        "github",
                        "gitlab",
                        "bitbucket",
                        "circleci",
                        "pagerduty",
                        "opsgenie",
                        "cdevents",
                        "generic");
        WebhookSources.NAMES.forEach(n -> assertThat(WebhookSources.byName(n).name()).isEqualTo(n));
        assertThat(WebhookSources.byName("jenkins")).isNull();
        assertThat(WebhookSources.secretVariable("pagerduty")).isEqualTo("DORA_PAGERDUTY_SECRET");
    }

    @Test
    void eventTypes() {
        assertThat(type("github", Map.of("X-GitHub-Event", "deployment_status"), "{}"))
                .isEqualTo("deployment_status");
        assertThat(type("gitlab", Map.of("X-Gitlab-Event", "Pipeline Hook"), "{}"))
                .isEqualTo("Pipeline Hook");
        assertThat(type("bitbucket", Map.of("X-Event-Key", "pullrequest:fulfilled"), "{}"))
                .isEqualTo("pullrequest:fulfilled");
        assertThat(type("circleci", Map.of("circleci-event-type", "job-completed"), "{}"))
                .isEqualTo("job-completed");
        assertThat(type("circleci", Map.of(), "{\"type\":\"workflow-completed\"}"))
                .isEqualTo("workflow-completed");
        assertThat(
                        type(
                                "pagerduty",
                                Map.of(),
                                "{\"event\":{\"event_type\":\"incident.resolved\"}}"))
                .isEqualTo("incident.resolved");
        assertThat(type("pagerduty", Map.of(), "{\"event_type\":\"incident.resolved\"}"))
                .isEqualTo("webhook");
        assertThat(type("opsgenie", Map.of(), "{\"action\":\"Close\"}")).isEqualTo("Close");
        assertThat(type("opsgenie", Map.of(), "[]")).isEqualTo("webhook");
        assertThat(type("cdevents", Map.of("ce-type", "dev.cdevents.change.merged.0.2.0"), "{}"))
                .isEqualTo("dev.cdevents.change.merged.0.2.0");
        assertThat(
                        type(
                                "cdevents",
                                Map.of("Content-Type", "application/cloudevents+json"),
                                "{\"type\":\"dev.cdevents.service.deployed.0.3.0\"}"))
                .isEqualTo("dev.cdevents.service.deployed.0.3.0");
        assertThat(type("generic", Map.of(), "{}")).isEqualTo("generic");
    }

    @Test
    void requiredEventHeadersAreBadRequestsWhenMissing() {
        for (String source : new String[] {"github", "gitlab", "bitbucket", "circleci"}) {
            assertThatThrownBy(() -> type(source, Map.of(), "{}"))
                    .isInstanceOf(WebhookException.class)
                    .hasMessageStartingWith("missing ")
                    .extracting(e -> ((WebhookException) e).status())
                    .isEqualTo(400);
        }
        // cdevents in binary mode ignores a body "type": the mode is told by the content type.
        assertThatThrownBy(() -> type("cdevents", Map.of(), "{\"type\":\"t\"}"))
                .hasMessageContaining("missing ce-type header");
    }

    @Test
    void deliveryIds() {
        assertThat(delivery("github", Map.of("X-GitHub-Delivery", "g-1"), "{}")).isEqualTo("g-1");
        assertThat(
                        delivery(
                                "gitlab",
                                Map.of("Idempotency-Key", "k-1", "X-Gitlab-Event-UUID", "u-1"),
                                "{}"))
                .isEqualTo("k-1");
        assertThat(delivery("gitlab", Map.of("X-Gitlab-Event-UUID", "u-1"), "{}")).isEqualTo("u-1");
        assertThat(delivery("bitbucket", Map.of("X-Request-UUID", "b-1"), "{}")).isEqualTo("b-1");
        assertThat(delivery("circleci", Map.of(), "{\"id\":\"c-1\"}")).isEqualTo("c-1");
        assertThat(delivery("pagerduty", Map.of("X-Webhook-Id", "p-1"), "{}")).isEqualTo("p-1");
        assertThat(delivery("cdevents", Map.of("ce-source", "/s", "ce-id", "7"), "{}"))
                .isEqualTo("/s#7");
        assertThat(
                        delivery(
                                "cdevents",
                                Map.of("Content-Type", "application/cloudevents+json"),
                                "{\"source\":\"/s\",\"id\":\"8\"}"))
                .isEqualTo("/s#8");
        assertThat(delivery("generic", Map.of("Idempotency-Key", "x-1"), "{}")).isEqualTo("x-1");
    }

    @Test
    void withoutAKeyEverySourceUsesTheBodyHash() {
        String hashOfEmptyObject =
                "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";
        for (String source : WebhookSources.NAMES) {
            assertThat(delivery(source, Map.of("ce-id", "only-half"), "{}"))
                    .as(source)
                    .isEqualTo(hashOfEmptyObject);
        }
    }

    @Test
    void credentialsAreNeverKeptEvenUnderAKeptPrefix() {
        InboundWebhook w =
                new InboundWebhook(
                        Map.of(
                                "Authorization", "Bearer s",
                                "ce-id", "1",
                                "X-Hub-Signature-256", "sha256=00",
                                "X-Hub-Signature", "sha1=00",
                                "User-Agent", "ua"),
                        new byte[0]);

        assertThat(WebhookSources.byName("cdevents").keptHeaders(w))
                .isEqualTo(Map.of("ce-id", "1", "user-agent", "ua"));
        assertThat(WebhookSources.byName("github").keptHeaders(w))
                .isEqualTo(Map.of("user-agent", "ua"));
    }

    private static String type(String source, Map<String, String> headers, String body) {
        return WebhookSources.byName(source)
                .eventType(new InboundWebhook(headers, body.getBytes(UTF_8)));
    }

    private static String delivery(String source, Map<String, String> headers, String body) {
        return WebhookSources.byName(source)
                .deliveryId(new InboundWebhook(headers, body.getBytes(UTF_8)));
    }
}
