package dev.dora.ingest.sources;

import static dev.dora.ingest.WebhookServer.assertAccepted;
import static dev.dora.ingest.WebhookServer.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * CDEvents as CloudEvents over HTTP, with {@code Authorization: Bearer}. The spec's conformance
 * files are CDEvents ({@code context} + {@code subject}), i.e. the data of a CloudEvent: sent as
 * the body in binary mode, wrapped in a CloudEvent envelope for structured mode.
 */
class CdEventsWebhookTest {
    private static final String SECRET = WebhookServer.secret("cdevents");
    private static final String STRUCTURED = "application/cloudevents+json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

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
    void structuredModeV041ChangeMerged() throws Exception {
        byte[] body = structured(Fixtures.json("cdevents/spec-v0.4.1/change_merged.json"));

        RawEnvelope envelope = assertAccepted(server.send(cdevents(body, STRUCTURED)), recorded);

        assertThat(envelope.source()).isEqualTo("cdevents");
        assertThat(envelope.eventType()).isEqualTo("dev.cdevents.change.merged.0.2.0");
        assertThat(envelope.deliveryId())
                .isEqualTo("/event/source/123#271069a8-fc18-44f1-b38f-9d70a1695819");
        assertThat(envelope.headers())
                .isEqualTo(Map.of("content-type", STRUCTURED, "user-agent", "cdevents-sdk/0.4"));
    }

    @Test
    void structuredModeV051ServiceDeployed() throws Exception {
        byte[] body = structured(Fixtures.json("cdevents/spec-v0.5.1/service_deployed.json"));

        RawEnvelope envelope =
                assertAccepted(
                        server.send(cdevents(body, STRUCTURED + "; charset=utf-8")), recorded);

        assertThat(envelope.eventType()).isEqualTo("dev.cdevents.service.deployed.0.3.0");
        assertThat(envelope.deliveryId())
                .isEqualTo("/event/source/123#271069a8-fc18-44f1-b38f-9d70a1695819");
    }

    @Test
    void binaryModeV051ServiceDeployedKeepsEveryCeHeader() {
        byte[] body = Fixtures.bytes("cdevents/spec-v0.5.1/service_deployed.json");

        RawEnvelope envelope = assertAccepted(server.send(binary(body)), recorded);

        assertThat(envelope.eventType()).isEqualTo("dev.cdevents.service.deployed.0.3.0");
        assertThat(envelope.deliveryId()).isEqualTo("/tekton/pipelines#deploy-4711-1");
        assertThat(envelope.body()).isEqualTo(body);
        assertThat(envelope.headers())
                .isEqualTo(
                        Map.of(
                                "ce-specversion", "1.0",
                                "ce-id", "deploy-4711-1",
                                "ce-source", "/tekton/pipelines",
                                "ce-type", "dev.cdevents.service.deployed.0.3.0",
                                "ce-subject", "mySubject123",
                                "ce-time", "2023-03-20T14:27:05.315384Z",
                                "content-type", "application/json",
                                "user-agent", "cdevents-sdk/0.4"));
        assertThat(envelope.headers()).doesNotContainKey("authorization");
    }

    @Test
    void binaryModeWithoutCeTypeIsABadRequest() {
        byte[] body = Fixtures.bytes("cdevents/spec-v0.4.1/change_merged.json");

        assertError(server.send(cdevents(body, "application/json")), 400, "missing ce-type header");
        assertThat(recorded.envelopes).isEmpty();
    }

    @Test
    void structuredModeWithoutTypeIsABadRequest() throws Exception {
        ObjectNode event =
                (ObjectNode)
                        MAPPER.readTree(
                                structured(
                                        Fixtures.json("cdevents/spec-v0.4.1/change_merged.json")));
        event.remove("type");

        assertError(
                server.send(cdevents(MAPPER.writeValueAsBytes(event), STRUCTURED)),
                400,
                "missing top-level \"type\"");
        assertThat(recorded.envelopes).isEmpty();
    }

    @Test
    void binaryModeWithoutCeIdIsDedupedOnTheBodyHash() {
        byte[] body = Fixtures.bytes("cdevents/spec-v0.4.1/change_merged.json");
        HttpRequest request =
                server.post("cdevents", body)
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + SECRET)
                        .header("ce-specversion", "1.0")
                        .header("ce-source", "/tekton/pipelines")
                        .header("ce-type", "dev.cdevents.change.merged.0.2.0")
                        .build();

        assertThat(assertAccepted(server.send(request), recorded).deliveryId())
                .isEqualTo(WebhookServer.bodyHash(body));
    }

    @Test
    void wrongBearerTokenIsUnauthorized() {
        byte[] body = Fixtures.bytes("cdevents/spec-v0.5.1/service_deployed.json");
        HttpRequest request =
                binary(body).setHeader("Authorization", "Bearer " + SECRET + "-old").build();

        assertError(server.send(request), 401, "Authorization: Bearer token");
        assertThat(recorded.envelopes).isEmpty();
    }

    @Test
    void missingBearerTokenIsUnauthorized() {
        byte[] body = Fixtures.bytes("cdevents/spec-v0.5.1/service_deployed.json");
        HttpRequest request =
                server.post("cdevents", body)
                        .header("Content-Type", "application/json")
                        .header("ce-type", "dev.cdevents.service.deployed.0.3.0")
                        .build();

        assertError(server.send(request), 401, "Authorization: Bearer token");
        assertThat(recorded.envelopes).isEmpty();
    }

    @Test
    void nonJsonContentTypeIsUnsupported() {
        byte[] body = Fixtures.bytes("cdevents/spec-v0.5.1/service_deployed.json");
        HttpRequest request = binary(body).setHeader("Content-Type", "text/plain").build();

        assertError(server.send(request), 415, "application/cloudevents+json");
        assertThat(recorded.envelopes).isEmpty();
    }

    /**
     * A structured-mode CloudEvent whose attributes are the CDEvent's context, data the CDEvent.
     */
    private static byte[] structured(JsonNode cdevent) throws Exception {
        JsonNode context = cdevent.path("context");
        ObjectNode event = MAPPER.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", context.path("id").asText());
        event.put("source", context.path("source").asText());
        event.put("type", context.path("type").asText());
        event.put("time", context.path("timestamp").asText());
        event.put("datacontenttype", "application/json");
        event.set("data", cdevent);
        return MAPPER.writeValueAsBytes(event);
    }

    private HttpRequest.Builder cdevents(byte[] body, String contentType) {
        return server.post("cdevents", body)
                .header("Content-Type", contentType)
                .header("User-Agent", "cdevents-sdk/0.4")
                .header("Authorization", "Bearer " + SECRET);
    }

    /** A binary-mode CloudEvent: attributes in ce-* headers, the CDEvent as the body. */
    private HttpRequest.Builder binary(byte[] cdevent) {
        return cdevents(cdevent, "application/json")
                .header("ce-specversion", "1.0")
                .header("ce-id", "deploy-4711-1")
                .header("ce-source", "/tekton/pipelines")
                .header("ce-type", "dev.cdevents.service.deployed.0.3.0")
                .header("ce-subject", "mySubject123")
                .header("ce-time", "2023-03-20T14:27:05.315384Z");
    }
}
