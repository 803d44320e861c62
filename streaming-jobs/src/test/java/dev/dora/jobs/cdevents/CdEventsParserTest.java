package dev.dora.jobs.cdevents;

import static dev.dora.jobs.EventFixtures.sharedFixtures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dora.events.CanonicalEvent;
import dev.dora.events.Commit;
import dev.dora.events.DeploymentStatusEvent;
import dev.dora.events.IncidentEvent;
import dev.dora.events.PullRequestEvent;
import dev.dora.events.PushEvent;
import dev.dora.events.RawEnvelope;
import dev.dora.jobs.JobSettings;
import dev.dora.jobs.ParserSettings;
import dev.dora.jobs.Parsers;
import dev.dora.jobs.UnparseableEventException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CDEvents parser on the conformance examples of spec 0.4.1 and 0.5.1 and the Java SDK's test
 * resource, in binary and structured CloudEvents mode, and on hand-written cases.
 */
class CdEventsParserTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant RECEIVED = Instant.parse("2026-03-02T12:00:00Z");

    /** context.timestamp of the service, change, pipeline run and artifact examples. */
    private static final Instant EXAMPLE_TIME = Instant.parse("2023-03-20T14:27:05.315384Z");

    /** context.timestamp of the incident examples. */
    private static final Instant INCIDENT_TIME = Instant.parse("2022-11-11T13:52:20.079Z");

    private static final String EXAMPLE_ID = "271069a8-fc18-44f1-b38f-9d70a1695819";
    private static final String OCI_ARTIFACT =
            "pkg:oci/myapp@sha256%3A0b31b1c02ff458ad9b7b81cbdf8f028bd54699fa151f221d1e8de6817db93427";
    private static final String COMMIT = "9fceb02d0ae598e95dc970b74767f19372d61af8";

    /** How many canonical events each example yields with the default settings. */
    private static final Map<String, Integer> EXPECTED_EVENTS =
            Map.ofEntries(
                    Map.entry("artifact_packaged.json", 0),
                    Map.entry("artifact_published.json", 0),
                    Map.entry("change_created.json", 0),
                    Map.entry("change_merged.json", 1), // no commit sha: no push
                    Map.entry("environment_created.json", 0),
                    Map.entry("incident_detected.json", 1),
                    Map.entry("incident_reported.json", 1),
                    Map.entry("incident_resolved.json", 1),
                    Map.entry("pipelinerun_finished.json", 0), // "myPipeline" is no deploy
                    Map.entry("pipelinerun_finished_optional.json", 0), // no pipelineName
                    Map.entry("service_deployed.json", 1),
                    Map.entry("service_rolledback.json", 1),
                    Map.entry("service_upgraded.json", 1));

    // ---- the whole corpus ----

    @Test
    void everyExampleParsesInBinaryAndStructuredMode() throws IOException {
        int files = 0;
        for (String dir : List.of("spec-v0.4.1", "spec-v0.5.1", "sdk-java")) {
            try (Stream<Path> paths = Files.list(sharedFixtures("cdevents/" + dir))) {
                for (Path file : paths.sorted().toList()) {
                    Integer expected = EXPECTED_EVENTS.get(file.getFileName().toString());
                    assertThat(expected).as("expected count of " + file).isNotNull();
                    List<CanonicalEvent> binary = CdEventsParser.parse(binary(file));
                    assertThat(binary).as("binary " + file).hasSize(expected);
                    assertThat(CdEventsParser.parse(structured(file)))
                            .as("structured " + file)
                            .isEqualTo(binary);
                    files++;
                }
            }
        }
        assertThat(files).isEqualTo(25);
    }

    @Test
    void ignoredTypesAreIgnoredEvenWhenTheBodyIsRead() throws IOException {
        // An envelope whose event type is not a CDEvents type makes the parser read the body and
        // decide on context.type: the ignored examples are still well-formed and still ignored.
        for (String dir : List.of("spec-v0.4.1", "spec-v0.5.1")) {
            for (String file :
                    List.of(
                            "artifact_packaged.json",
                            "artifact_published.json",
                            "change_created.json",
                            "environment_created.json")) {
                Path path = sharedFixtures("cdevents/" + dir).resolve(file);
                RawEnvelope unknownType = envelope("cdevents", Map.of(), Files.readAllBytes(path));
                assertThat(CdEventsParser.parse(unknownType)).as(path.toString()).isEmpty();
            }
        }
    }

    // ---- field by field, in both spec versions ----

    @ParameterizedTest
    @ValueSource(strings = {"spec-v0.4.1", "spec-v0.5.1"})
    void serviceDeployed(String spec) throws IOException {
        assertThat(parseExample(spec, "service_deployed.json"))
                .containsExactly(
                        CanonicalEvent.of("evt-1", "mySubject123", serviceDeployment(null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"spec-v0.4.1", "spec-v0.5.1"})
    void serviceUpgradedIsADeploymentToo(String spec) throws IOException {
        assertThat(parseExample(spec, "service_upgraded.json"))
                .containsExactly(
                        CanonicalEvent.of("evt-1", "mySubject123", serviceDeployment(null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"spec-v0.4.1", "spec-v0.5.1"})
    void serviceRolledBackWithoutNamingWhatItReplaces(String spec) throws IOException {
        // Its links are TRIGGER, PATH and END: none names the deployment it rolls back.
        assertThat(parseExample(spec, "service_rolledback.json"))
                .containsExactly(
                        CanonicalEvent.of("evt-1", "mySubject123", serviceDeployment(null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"spec-v0.4.1", "spec-v0.5.1"})
    void incidentDetected(String spec) throws IOException {
        assertThat(parseExample(spec, "incident_detected.json"))
                .containsExactly(
                        CanonicalEvent.of(
                                "evt-1",
                                "myApp",
                                new IncidentEvent(
                                        "cdevents",
                                        "incident-123",
                                        "myApp",
                                        "Response time above threshold of 100ms",
                                        IncidentEvent.OPEN,
                                        null,
                                        INCIDENT_TIME,
                                        null,
                                        null,
                                        null, // the artifact is an image digest, not a commit
                                        INCIDENT_TIME)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"spec-v0.4.1", "spec-v0.5.1"})
    void incidentReportedTakesTheSeverityFromCustomData(String spec) throws IOException {
        assertThat(parseExample(spec, "incident_reported.json"))
                .containsExactly(
                        CanonicalEvent.of(
                                "evt-1",
                                "myApp",
                                new IncidentEvent(
                                        "cdevents",
                                        "incident-123",
                                        "myApp",
                                        "Response time above threshold of 100ms",
                                        IncidentEvent.OPEN,
                                        "medium",
                                        INCIDENT_TIME,
                                        null,
                                        null,
                                        null,
                                        INCIDENT_TIME)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"spec-v0.4.1", "spec-v0.5.1"})
    void incidentResolvedKnowsOnlyWhenItWasResolved(String spec) throws IOException {
        assertThat(parseExample(spec, "incident_resolved.json"))
                .containsExactly(
                        CanonicalEvent.of(
                                "evt-1",
                                "myApp",
                                new IncidentEvent(
                                        "cdevents",
                                        "incident-123",
                                        "myApp",
                                        "Response time restored below 100ms",
                                        IncidentEvent.RESOLVED,
                                        null,
                                        null,
                                        INCIDENT_TIME,
                                        null,
                                        null,
                                        INCIDENT_TIME)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"spec-v0.4.1", "spec-v0.5.1"})
    void changeMergedWithoutCommitIsAMergedPullRequestOnly(String spec) throws IOException {
        assertThat(parseExample(spec, "change_merged.json"))
                .containsExactly(
                        CanonicalEvent.of(
                                "evt-1",
                                "TestRepo/TestOrg",
                                new PullRequestEvent(
                                        "cdevents",
                                        "TestRepo/TestOrg",
                                        "mySubject123",
                                        "merged",
                                        true,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        EXAMPLE_TIME,
                                        EXAMPLE_TIME)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"spec-v0.4.1", "spec-v0.5.1"})
    void pipelineRunFinishedIsADeploymentWhenItsPipelineIsADeployPipeline(String spec)
            throws IOException {
        Path file = sharedFixtures("cdevents/" + spec).resolve("pipelinerun_finished.json");
        ParserSettings myPipelineDeploys =
                new ParserSettings(
                        Pattern.compile("(?i)^myPipeline$"),
                        ParserSettings.DEFAULT_INCIDENT_LABEL,
                        Pattern.compile(JobSettings.DEFAULT_PRODUCTION_PATTERN));

        assertThat(CdEventsParser.parse(binary(file))).isEmpty(); // default pattern: deploy|release
        assertThat(CdEventsParser.parse(binary(file), myPipelineDeploys))
                .containsExactly(
                        CanonicalEvent.of(
                                "evt-1",
                                "myPipeline",
                                new DeploymentStatusEvent(
                                        "cdevents",
                                        "mySubject123",
                                        null,
                                        null,
                                        null,
                                        "production",
                                        "failure",
                                        EXAMPLE_TIME,
                                        EXAMPLE_TIME,
                                        "myPipeline",
                                        "myPipeline",
                                        null,
                                        null)));
    }

    // ---- structured mode ----

    @ParameterizedTest
    @ValueSource(strings = {"spec-v0.4.1", "spec-v0.5.1"})
    void structuredModeCarriesTheSameEvents(String spec) throws IOException {
        Path dir = sharedFixtures("cdevents/" + spec);

        assertThat(CdEventsParser.parse(structured(dir.resolve("service_deployed.json"))))
                .containsExactly(
                        CanonicalEvent.of("evt-1", "mySubject123", serviceDeployment(null)));
        assertThat(CdEventsParser.parse(structured(dir.resolve("incident_resolved.json"))))
                .singleElement()
                .extracting(e -> e.incident().resolvedAt())
                .isEqualTo(INCIDENT_TIME);
        assertThat(CdEventsParser.parse(structured(dir.resolve("change_merged.json"))))
                .singleElement()
                .extracting(e -> e.pullRequest().number())
                .isEqualTo("mySubject123");
    }

    @Test
    void structuredModeWithBase64DataOrWithoutItsContentType() throws IOException {
        Path file = sharedFixtures("cdevents/spec-v0.5.1").resolve("service_deployed.json");
        JsonNode cdEvent = MAPPER.readTree(Files.readAllBytes(file));
        List<CanonicalEvent> expected =
                List.of(CanonicalEvent.of("evt-1", "mySubject123", serviceDeployment(null)));

        ObjectNode base64 = cloudEvent(cdEvent);
        base64.remove("data");
        base64.put(
                "data_base64",
                Base64.getEncoder().encodeToString(MAPPER.writeValueAsBytes(cdEvent)));
        assertThat(CdEventsParser.parse(envelope(typeOf(cdEvent), structuredHeaders(), base64)))
                .isEqualTo(expected);

        // Sent as application/json: recognised by its CloudEvents attributes.
        RawEnvelope plainJson =
                envelope(
                        typeOf(cdEvent),
                        Map.of("content-type", "application/json"),
                        MAPPER.writeValueAsBytes(cloudEvent(cdEvent)));
        assertThat(CdEventsParser.parse(plainJson)).isEqualTo(expected);
    }

    @Test
    void structuredModeWithoutDataIsRefused() {
        RawEnvelope envelope =
                envelope(
                        "dev.cdevents.service.deployed.0.3.0",
                        structuredHeaders(),
                        "{\"specversion\": \"1.0\", \"type\": \"dev.cdevents.service.deployed.0.3.0\"}"
                                .getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> CdEventsParser.parse(envelope))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessageContaining("'data'");
    }

    // ---- what the examples do not show ----

    @Test
    void deploymentOfACommitWithAnOffsetTimestamp() {
        String body =
                serviceEvent(
                        "dev.cdevents.service.deployed.0.3.0",
                        "2026-03-02T11:00:00+01:00",
                        "pkg:github/acme/checkout@" + COMMIT.toUpperCase(),
                        "");

        DeploymentStatusEvent d = parseJson(body).get(0).deployment();
        assertThat(d.sha()).isEqualTo(COMMIT);
        assertThat(d.ref()).isEqualTo("pkg:github/acme/checkout@" + COMMIT.toUpperCase());
        assertThat(d.environment()).isEqualTo("production");
        assertThat(d.service()).isEqualTo("service/checkout");
        assertThat(d.startedAt()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
        assertThat(d.statusAt()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
    }

    @Test
    void rollbackLinkedToTheDeploymentItReplaces() {
        String links =
                """
                , "links": [{"linkType": "RELATION", "linkKind": "ROLLBACK_OF",
                              "target": {"contextId": "deploy-event-41"}}]
                """;
        String body =
                serviceEvent(
                        "dev.cdevents.service.rolledback.0.3.0",
                        "2026-03-02T10:00:00Z",
                        "pkg:oci/checkout@sha256%3Aabc",
                        links);

        DeploymentStatusEvent d = parseJson(body).get(0).deployment();
        assertThat(d.rollbackOf()).isEqualTo("deploy-event-41");
        assertThat(d.status()).isEqualTo("success");
        assertThat(d.sha()).isNull();
    }

    @Test
    void incidentLinkedToItsCauseAndNamingTheCommitRunning() {
        String body =
                """
                {"context": {"specversion": "0.5.1", "id": "evt-incident", "source": "/monitoring",
                   "type": "dev.cdevents.incident.detected.0.3.0",
                   "timestamp": "2026-03-02T11:00:00Z",
                   "links": [{"linkType": "RELATION", "linkKind": "CAUSE",
                              "target": {"contextId": "deploy-event-42"}}]},
                 "subject": {"id": "INC-7", "source": "/monitoring",
                   "content": {"environment": {"id": "production"},
                               "artifactId": "pkg:generic/checkout?vcs_url=git%2Bhttps://github.com/acme/checkout.git%40%s"}}}
                """
                        .replace("%s", COMMIT);

        CanonicalEvent event = parseJson(body).get(0);
        // No service named: keyed by the sender, so it stays unattributed by service.
        assertThat(event.service()).isEqualTo("/monitoring");
        assertThat(event.incident().serviceRef()).isNull();
        assertThat(event.incident().causedByDeploymentId()).isEqualTo("deploy-event-42");
        assertThat(event.incident().causedBySha()).isEqualTo(COMMIT);
        assertThat(event.incident().title()).isNull();
    }

    @Test
    void changeMergedWithACommitIsAlsoAPush() {
        String body =
                """
                {"context": {"version": "0.4.1", "id": "evt-merge", "source": "/git",
                   "type": "dev.cdevents.change.merged.0.2.0",
                   "timestamp": "2026-03-01T17:20:00+01:00"},
                 "subject": {"id": "812", "source": "/git", "type": "change",
                   "content": {"repository": {"id": "r-1", "name": "checkout", "owner": "acme"}}},
                 "customData": {"sha": "%s", "branch": "main"}}
                """
                        .replace("%s", COMMIT);
        Instant merged = Instant.parse("2026-03-01T16:20:00Z");

        assertThat(parseJson(body))
                .containsExactly(
                        CanonicalEvent.of(
                                "evt-1",
                                "acme/checkout",
                                new PullRequestEvent(
                                        "cdevents",
                                        "acme/checkout",
                                        "812",
                                        "merged",
                                        true,
                                        null,
                                        "main",
                                        null,
                                        COMMIT,
                                        null,
                                        merged,
                                        merged)),
                        CanonicalEvent.of(
                                "evt-1",
                                "acme/checkout",
                                new PushEvent(
                                        "cdevents",
                                        "acme/checkout",
                                        "main",
                                        "main",
                                        null,
                                        COMMIT,
                                        merged,
                                        List.of(new Commit(COMMIT, merged)))));
    }

    @Test
    void changeMergedNamingOnlyTheRepositoryUrl() {
        String body =
                """
                {"context": {"version": "0.4.1", "id": "evt-merge", "source": "/git",
                   "type": "dev.cdevents.change.merged.0.2.0", "timestamp": "2026-03-01T16:20:00Z"},
                 "subject": {"id": "812", "content": {"repository": {"url": "git://my-git.example/an-org/a-repo.git"}}},
                 "customData": {"sha": "%s"}}
                """
                        .replace("%s", COMMIT);

        List<CanonicalEvent> events = parseJson(body);
        assertThat(events.get(0).pullRequest().repo()).isEqualTo("an-org/a-repo");
        assertThat(events.get(1).push().branch()).isEqualTo(CdEventsParser.DEFAULT_BRANCH);
        assertThat(events.get(1).push().toDefaultBranch()).isTrue();
    }

    @Test
    void deployPipelineNamingItsServiceEnvironmentAndCommit() {
        String body =
                """
                {"context": {"specversion": "0.5.1", "id": "evt-run", "source": "/tekton",
                   "type": "dev.cdevents.pipelinerun.finished.0.3.0", "timestamp": "2026-03-02T10:04:10Z"},
                 "subject": {"id": "run-77", "content": {"pipelineName": "deploy-checkout", "outcome": "success"}},
                 "customData": {"service": "checkout", "environment": {"id": "prod-eu"}, "sha": "%s"}}
                """
                        .replace("%s", COMMIT);

        CanonicalEvent event = parseJson(body).get(0);
        assertThat(event.service()).isEqualTo("checkout");
        DeploymentStatusEvent d = event.deployment();
        assertThat(d.deploymentId()).isEqualTo("run-77");
        assertThat(d.environment()).isEqualTo("prod-eu");
        assertThat(d.sha()).isEqualTo(COMMIT);
        assertThat(d.pipeline()).isEqualTo("deploy-checkout");
        assertThat(d.status()).isEqualTo("success");
    }

    @Test
    void deployPipelineWithAnUnknownOutcomeIsRefused() {
        String body =
                """
                {"context": {"id": "evt-run", "source": "/tekton",
                   "type": "dev.cdevents.pipelinerun.finished.0.2.0", "timestamp": "2026-03-02T10:04:10Z"},
                 "subject": {"id": "run-78", "content": {"pipelineName": "deploy", "outcome": "cancelled"}}}
                """;

        assertThatThrownBy(() -> parseJson(body))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessageContaining("'subject.content.outcome'")
                .hasMessageContaining("'cancelled'");
    }

    @Test
    void deploymentWithoutEnvironmentIsRefusedNamingTheField() {
        String body =
                """
                {"context": {"id": "e", "source": "/s", "type": "dev.cdevents.service.deployed.0.3.0",
                   "timestamp": "2026-03-02T10:00:00Z"},
                 "subject": {"id": "service/checkout", "content": {"artifactId": "pkg:oci/x"}}}
                """;

        assertThatThrownBy(() -> parseJson(body))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage("missing field 'subject.content.environment'");
    }

    @Test
    void eventWithoutTimestampIsRefusedNamingTheField() {
        String body =
                """
                {"context": {"id": "e", "source": "/s", "type": "dev.cdevents.incident.resolved.0.3.0"},
                 "subject": {"id": "INC-1", "content": {"environment": {"id": "production"}}}}
                """;

        assertThatThrownBy(() -> parseJson(body))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage("missing field 'context.timestamp'");
    }

    @Test
    void bodyOfAnotherTypeThanAnnouncedIsRefused() throws IOException {
        Path file = sharedFixtures("cdevents/spec-v0.5.1").resolve("incident_detected.json");
        RawEnvelope envelope =
                envelope("dev.cdevents.service.deployed.0.3.0", Map.of(), Files.readAllBytes(file));

        assertThatThrownBy(() -> CdEventsParser.parse(envelope))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void bodyThatIsNotJsonIsRefused() {
        RawEnvelope envelope =
                envelope(
                        "dev.cdevents.service.deployed.0.3.0",
                        Map.of(),
                        "<html/>".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> CdEventsParser.parse(envelope))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessageStartingWith("body is not JSON");
    }

    @Test
    void parsersRouteTheCdEventsSourceHere() throws IOException {
        Path file = sharedFixtures("cdevents/spec-v0.4.1").resolve("service_deployed.json");
        assertThat(Parsers.parse(binary(file))).isEqualTo(CdEventsParser.parse(binary(file)));
    }

    @Test
    void kindIgnoresTheVersion() {
        assertThat(CdEventsParser.kind("dev.cdevents.service.deployed.0.2.0"))
                .isEqualTo("service.deployed");
        assertThat(CdEventsParser.kind("dev.cdevents.pipelinerun.finished.0.1.0-draft"))
                .isEqualTo("pipelinerun.finished");
        assertThat(CdEventsParser.kind("dev.cdevents.service")).isNull();
        assertThat(CdEventsParser.kind("push")).isNull();
    }

    // ---- helpers ----

    private static DeploymentStatusEvent serviceDeployment(String rollbackOf) {
        return new DeploymentStatusEvent(
                "cdevents",
                EXAMPLE_ID,
                null,
                null, // an image digest is not a commit
                OCI_ARTIFACT,
                "test123",
                "success",
                EXAMPLE_TIME,
                EXAMPLE_TIME,
                "mySubject123",
                null,
                rollbackOf,
                null);
    }

    private static String serviceEvent(
            String type, String timestamp, String artifactId, String extraContext) {
        return """
                {"context": {"specversion": "0.5.1", "id": "evt-deploy", "source": "/argocd",
                   "type": "%s", "timestamp": "%s"%s},
                 "subject": {"id": "service/checkout", "source": "/argocd",
                   "content": {"environment": {"id": "production"}, "artifactId": "%s"}}}
                """
                .formatted(type, timestamp, extraContext, artifactId);
    }

    private static List<CanonicalEvent> parseExample(String spec, String file) throws IOException {
        return CdEventsParser.parse(binary(sharedFixtures("cdevents/" + spec).resolve(file)));
    }

    /** A hand-written CDEvent in binary mode, announced with its own type. */
    private static List<CanonicalEvent> parseJson(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            return CdEventsParser.parse(
                    envelope(typeOf(MAPPER.readTree(bytes)), binaryHeaders(), bytes));
        } catch (IOException e) {
            throw new IllegalArgumentException("test body is not JSON", e);
        }
    }

    /** Binary mode: the CloudEvents attributes as ce-* headers, the CDEvent as the body. */
    private static RawEnvelope binary(Path file) throws IOException {
        byte[] body = Files.readAllBytes(file);
        JsonNode cdEvent = MAPPER.readTree(body);
        return envelope(typeOf(cdEvent), binaryHeaders(cdEvent), body);
    }

    /** Structured mode: the CDEvent as the data of a CloudEvent. */
    private static RawEnvelope structured(Path file) throws IOException {
        JsonNode cdEvent = MAPPER.readTree(Files.readAllBytes(file));
        return envelope(typeOf(cdEvent), structuredHeaders(), cloudEvent(cdEvent));
    }

    private static ObjectNode cloudEvent(JsonNode cdEvent) {
        JsonNode context = cdEvent.get("context");
        ObjectNode ce = MAPPER.createObjectNode();
        ce.put("specversion", "1.0");
        ce.put("id", context.get("id").asText());
        ce.put("source", context.get("source").asText());
        ce.put("type", context.get("type").asText());
        ce.put("time", context.get("timestamp").asText());
        ce.put("datacontenttype", "application/json");
        ce.set("data", cdEvent);
        return ce;
    }

    private static Map<String, String> binaryHeaders(JsonNode cdEvent) {
        JsonNode context = cdEvent.get("context");
        return Map.of(
                "content-type", "application/json",
                "ce-specversion", "1.0",
                "ce-id", context.get("id").asText(),
                "ce-type", context.get("type").asText(),
                "ce-source", context.get("source").asText());
    }

    private static Map<String, String> binaryHeaders() {
        return Map.of("content-type", "application/json", "ce-specversion", "1.0");
    }

    private static Map<String, String> structuredHeaders() {
        return Map.of("content-type", "application/cloudevents+json; charset=UTF-8");
    }

    private static String typeOf(JsonNode cdEvent) {
        return cdEvent.get("context").get("type").asText();
    }

    private static RawEnvelope envelope(String type, Map<String, String> headers, JsonNode body) {
        try {
            return envelope(type, headers, MAPPER.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RawEnvelope envelope(String type, Map<String, String> headers, byte[] body) {
        return new RawEnvelope("evt-1", "cdevents", type, "delivery-1", RECEIVED, headers, body);
    }
}
