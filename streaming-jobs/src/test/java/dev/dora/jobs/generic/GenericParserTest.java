package dev.dora.jobs.generic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dora.events.CanonicalEvent;
import dev.dora.events.Commit;
import dev.dora.events.DeploymentStatusEvent;
import dev.dora.events.IncidentEvent;
import dev.dora.events.PlatformRequestEvent;
import dev.dora.events.PushEvent;
import dev.dora.events.RawEnvelope;
import dev.dora.events.ServiceCreatedEvent;
import dev.dora.jobs.CanonicalChecks;
import dev.dora.jobs.Parsers;
import dev.dora.jobs.UnparseableEventException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generic API parser on the examples of DESIGN.md ("The generic API") and on edge cases. */
class GenericParserTest {
    private static final Instant RECEIVED = Instant.parse("2026-03-02T12:00:00Z");

    private static final Instant FIRST_COMMIT = Instant.parse("2026-03-01T16:20:00Z");
    private static final Instant SECOND_COMMIT = Instant.parse("2026-03-02T08:05:00Z");
    private static final Instant DEPLOY_STARTED = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant DEPLOY_FINISHED = Instant.parse("2026-03-02T10:04:10Z");
    private static final Instant INCIDENT_OPENED = Instant.parse("2026-03-02T11:00:00Z");
    private static final Instant INCIDENT_RESOLVED = Instant.parse("2026-03-02T11:40:00Z");

    // The three examples of DESIGN.md, verbatim (the shas are abbreviated there, dots included).
    private static final String DEPLOYMENT =
            """
            {"type": "deployment", "id": "deploy-4711", "service": "checkout", "environment": "production",
             "sha": "9fceb02...", "repo": "acme/checkout", "status": "success",
             "started_at": "2026-03-02T10:00:00Z", "finished_at": "2026-03-02T10:04:10Z",
             "rollback_of": null, "pipeline": "platform-golden-path",
             "changes": [{"sha": "41e2c8a...", "committed_at": "2026-03-01T16:20:00Z"}, {"sha": "9fceb02...", "committed_at": "2026-03-02T08:05:00Z"}]}
            """;
    private static final String INCIDENT =
            """
            {"type": "incident", "id": "INC-93", "service": "checkout", "severity": "sev2",
             "opened_at": "2026-03-02T11:00:00Z", "resolved_at": "2026-03-02T11:40:00Z",
             "caused_by": {"deployment_id": "deploy-4711"}}
            """;
    private static final String CHANGE =
            """
            {"type": "change", "sha": "9fceb02...", "repo": "acme/checkout", "branch": "main",
             "committed_at": "2026-03-01T16:20:00Z", "pr": 812}
            """;

    private static final DeploymentStatusEvent DEPLOYED =
            new DeploymentStatusEvent(
                    "generic",
                    "deploy-4711",
                    "acme/checkout",
                    "9fceb02...",
                    null,
                    "production",
                    "success",
                    DEPLOY_STARTED,
                    DEPLOY_FINISHED,
                    "checkout",
                    "platform-golden-path",
                    null,
                    List.of(
                            new Commit("41e2c8a...", FIRST_COMMIT),
                            new Commit("9fceb02...", SECOND_COMMIT)));

    private static final IncidentEvent RESOLVED_INCIDENT =
            new IncidentEvent(
                    "generic",
                    "INC-93",
                    "checkout",
                    null,
                    IncidentEvent.RESOLVED,
                    "sev2",
                    INCIDENT_OPENED,
                    INCIDENT_RESOLVED,
                    "deploy-4711",
                    null,
                    INCIDENT_RESOLVED);

    // ---- the examples of DESIGN.md ----

    @Test
    void deploymentWithItsDeclaredChanges() {
        assertThat(parse(DEPLOYMENT))
                .containsExactly(CanonicalEvent.of("evt-1", "checkout", DEPLOYED));
    }

    @Test
    void resolvedIncidentNamingTheDeploymentThatCausedIt() {
        assertThat(parse(INCIDENT))
                .containsExactly(CanonicalEvent.of("evt-1", "checkout", RESOLVED_INCIDENT));
    }

    @Test
    void changeIsAPushToTheDefaultBranchKeyedByItsRepository() {
        List<CanonicalEvent> events = parse(CHANGE);

        PushEvent expected =
                new PushEvent(
                        "generic",
                        "acme/checkout",
                        "main",
                        "main",
                        null,
                        "9fceb02...",
                        FIRST_COMMIT,
                        List.of(new Commit("9fceb02...", FIRST_COMMIT, "812")));
        assertThat(events).containsExactly(CanonicalEvent.of("evt-1", "acme/checkout", expected));
        assertThat(events.get(0).push().toDefaultBranch()).isTrue();
    }

    @Test
    void anArrayYieldsOneEventPerItemInOrder() {
        assertThat(parse("[" + DEPLOYMENT + "," + INCIDENT + "]"))
                .containsExactly(
                        CanonicalEvent.of("evt-1", "checkout", DEPLOYED),
                        CanonicalEvent.of("evt-1", "checkout", RESOLVED_INCIDENT));
    }

    @Test
    void parsersRouteTheGenericSourceHere() {
        assertThat(Parsers.parse(envelope(CHANGE))).isEqualTo(parse(CHANGE));
    }

    // ---- what the examples do not show ----

    @Test
    void aCancelledDeploymentIsAFailedAttemptAtItsFinishTime() {
        String body = DEPLOYMENT.replace("\"status\": \"success\"", "\"status\": \"cancelled\"");
        var d = parse(body).get(0).deployment();
        assertThat(d.status()).isEqualTo("error");
        assertThat(d.statusAt()).isEqualTo(DEPLOY_FINISHED);
    }

    @Test
    void inProgressDeploymentWithoutTimesIsStampedWithTheReceiveTime() {
        String body =
                """
                {"type": "deployment", "id": "d-1", "repo": "acme/shop", "sha": "abc",
                 "environment": "staging", "status": "IN_PROGRESS"}
                """;

        DeploymentStatusEvent d = parse(body).get(0).deployment();
        assertThat(d.status()).isEqualTo("in_progress");
        assertThat(d.startedAt()).isEqualTo(RECEIVED);
        assertThat(d.statusAt()).isEqualTo(RECEIVED);
        assertThat(d.service()).isNull();
        assertThat(d.changes()).isNull();
        assertThat(parse(body).get(0).service()).isEqualTo("acme/shop");
    }

    @Test
    void offsetsAreConvertedToUtcAndAMissingCommitTimeStaysUnknown() {
        String body =
                """
                {"type": "deployment", "id": "d-2", "service": "checkout", "sha": "abc",
                 "environment": "production", "status": "failure",
                 "started_at": "2026-03-02T12:00:00+02:00", "finished_at": "2026-03-02T05:04:10-05:00",
                 "rollback_of": "deploy-4711", "changes": [{"sha": "abc"}]}
                """;

        DeploymentStatusEvent d = parse(body).get(0).deployment();
        assertThat(d.startedAt()).isEqualTo(DEPLOY_STARTED);
        assertThat(d.statusAt()).isEqualTo(DEPLOY_FINISHED);
        assertThat(d.rollbackOf()).isEqualTo("deploy-4711");
        assertThat(d.repo()).isNull();
        assertThat(d.changes()).containsExactly(new Commit("abc", null));
    }

    @Test
    void openIncidentWithoutCause() {
        String body =
                """
                {"type": "incident", "id": "INC-94", "service": "checkout", "title": "5xx spike",
                 "opened_at": "2026-03-02T11:00:00Z", "caused_by": {"sha": "9fceb02"}}
                """;

        assertThat(parse(body))
                .containsExactly(
                        CanonicalEvent.of(
                                "evt-1",
                                "checkout",
                                new IncidentEvent(
                                        "generic",
                                        "INC-94",
                                        "checkout",
                                        "5xx spike",
                                        IncidentEvent.OPEN,
                                        null,
                                        INCIDENT_OPENED,
                                        null,
                                        null,
                                        "9fceb02",
                                        INCIDENT_OPENED)));
    }

    @Test
    void changeNamingAnotherDefaultBranchIsNotOnIt() {
        String body =
                """
                {"type": "change", "sha": "abc", "repo": "acme/shop", "branch": "release-1",
                 "default_branch": "main", "service": "shop"}
                """;

        CanonicalEvent event = parse(body).get(0);
        assertThat(event.service()).isEqualTo("shop");
        assertThat(event.push().toDefaultBranch()).isFalse();
        assertThat(event.push().pushedAt()).isEqualTo(RECEIVED);
        assertThat(event.push().commits()).containsExactly(new Commit("abc", null));
    }

    @Test
    void changeWithPathsKeepsThemSortedWithoutDuplicates() {
        String body =
                """
                [{"type": "change", "sha": "a1", "repo": "acme/mono",
                  "paths": ["svc/b/B.java", "svc/a/A.java", "svc/b/B.java"]},
                 {"type": "change", "sha": "a2", "repo": "acme/mono", "paths": []},
                 {"type": "change", "sha": "a3", "repo": "acme/mono"}]
                """;

        assertThat(parse(body))
                .extracting(e -> e.push().commits().get(0).paths())
                .containsExactly(List.of("svc/a/A.java", "svc/b/B.java"), List.of(), null);
    }

    @Test
    void pathsThatAreNotStringsAreRejectedNamingThem() {
        String body = "{\"type\": \"change\", \"sha\": \"a\", \"repo\": \"r\", \"paths\": [\"\"]}";

        assertThatThrownBy(() -> parse(body))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage("field '[0].paths[0]' is not a non-empty string");
    }

    @Test
    void changeNamingNoBranchIsOnTheDefaultBranch() {
        String body = "{\"type\": \"change\", \"sha\": \"abc\", \"repo\": \"acme/shop\"}";

        PushEvent push = parse(body).get(0).push();
        assertThat(push.branch()).isEqualTo(GenericParser.DEFAULT_BRANCH);
        assertThat(push.toDefaultBranch()).isTrue();
    }

    @Test
    void serviceCreatedWithItsTemplateInUtc() {
        String body =
                """
                [{"type": "service_created", "service": "checkout",
                  "created_at": "2026-03-01T10:15:00+02:00", "template": "java-golden-path"},
                 {"type": "service_created", "service": "legacy-billing",
                  "created_at": "2026-03-01T12:00:00Z"}]
                """;

        assertThat(parse(body))
                .containsExactly(
                        CanonicalEvent.of(
                                "evt-1",
                                new ServiceCreatedEvent(
                                        "generic",
                                        "checkout",
                                        Instant.parse("2026-03-01T08:15:00Z"),
                                        "java-golden-path")),
                        CanonicalEvent.of(
                                "evt-1",
                                new ServiceCreatedEvent(
                                        "generic",
                                        "legacy-billing",
                                        Instant.parse("2026-03-01T12:00:00Z"),
                                        null)));
        assertThat(parse(body).get(0).service()).isEqualTo("checkout");
    }

    @Test
    void platformRequestOpenThenFulfilled() {
        String open =
                """
                {"type": "platform_request", "id": "REQ-1", "channel": "ticket",
                 "requested_at": "2026-03-02T09:00:00Z", "team": "payments", "kind": "database"}
                """;
        String fulfilled =
                """
                {"type": "platform_request", "id": "REQ-1", "channel": "ticket",
                 "requested_at": "2026-03-02T09:00:00Z", "fulfilled_at": "2026-03-03T09:30:00-05:00",
                 "service": "checkout", "team": "payments", "kind": "database"}
                """;

        List<CanonicalEvent> opened = parse(open);
        assertThat(opened)
                .containsExactly(
                        CanonicalEvent.of(
                                "evt-1",
                                new PlatformRequestEvent(
                                        "generic",
                                        "REQ-1",
                                        null,
                                        "payments",
                                        "ticket",
                                        Instant.parse("2026-03-02T09:00:00Z"),
                                        null,
                                        "database")));
        assertThat(opened.get(0).service()).isNull(); // a request may name no service
        PlatformRequestEvent done = parse(fulfilled).get(0).platformRequest();
        assertThat(done.service()).isEqualTo("checkout");
        assertThat(done.fulfilledAt()).isEqualTo(Instant.parse("2026-03-03T14:30:00Z"));
        assertThat(parse(fulfilled).get(0).service()).isEqualTo("checkout");
    }

    @Test
    void platformRequestWithAnUnknownChannelOrAFulfilmentBeforeItsRequestIsRefused() {
        assertThatThrownBy(
                        () ->
                                parse(
                                        """
                                        {"type": "platform_request", "id": "R", "channel": "email",
                                         "requested_at": "2026-03-02T09:00:00Z"}
                                        """))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessageContaining("'[0].channel'");
        assertThatThrownBy(
                        () ->
                                parse(
                                        """
                                        {"type": "platform_request", "id": "R", "channel": "ticket",
                                         "requested_at": "2026-03-02T09:00:00Z",
                                         "fulfilled_at": "2026-03-02T08:00:00Z"}
                                        """))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage("field '[0].fulfilled_at' is before [0].requested_at");
        assertThatThrownBy(
                        () ->
                                parse(
                                        """
                                        {"type": "service_created", "service": "checkout"}
                                        """))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage("missing field '[0].created_at'");
    }

    @Test
    void platformFactsPassTheCanonicalChecks() {
        String body =
                """
                [{"type": "service_created", "service": "checkout",
                  "created_at": "2026-03-01T10:15:00Z"},
                 {"type": "platform_request", "id": "REQ-1", "channel": "self_service",
                  "requested_at": "2026-03-02T09:00:00Z"}]
                """;

        assertThat(parse(body)).extracting(CanonicalChecks::problem).containsOnlyNulls();
    }

    @Test
    void otherEventTypesOfTheSourceYieldNothing() {
        assertThat(GenericParser.parse(envelope("ping", "{}"))).isEmpty();
    }

    // ---- refusals name the item and the field ----

    @Test
    void missingIdRejectsTheWholeArrayNamingItsItem() {
        String body = "[" + CHANGE + "," + INCIDENT.replace("\"id\": \"INC-93\", ", "") + "]";

        assertThatThrownBy(() -> parse(body))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage("missing field '[1].id'");
    }

    @Test
    void unparseableTimeIsNamed() {
        String body = DEPLOYMENT.replace("2026-03-02T10:00:00Z", "yesterday at ten");

        assertThatThrownBy(() -> parse(body))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage(
                        "field '[0].started_at' is not an ISO-8601 time with offset:"
                                + " 'yesterday at ten'");
    }

    @Test
    void timeWithoutOffsetIsRefused() {
        String body = INCIDENT.replace("2026-03-02T11:00:00Z", "2026-03-02T11:00:00");

        assertThatThrownBy(() -> parse(body))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessageContaining("'[0].opened_at'");
    }

    @Test
    void unparseableCommitTimeOfADeclaredChangeIsNamed() {
        String body = "[" + CHANGE + "," + DEPLOYMENT.replace("2026-03-02T08:05:00Z", "soon") + "]";

        assertThatThrownBy(() -> parse(body))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessageContaining("'[1].changes[1].committed_at'");
    }

    @Test
    void finalStatusWithoutFinishTimeIsRefused() {
        String body = DEPLOYMENT.replace("\"finished_at\": \"2026-03-02T10:04:10Z\",", "");

        assertThatThrownBy(() -> parse(body))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage("missing field '[0].finished_at'");
    }

    @Test
    void unknownStatusIsRefused() {
        String body = DEPLOYMENT.replace("\"success\"", "\"done\"");

        assertThatThrownBy(() -> parse(body))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessageContaining("'[0].status'")
                .hasMessageContaining("'done'");
    }

    @Test
    void itemWithNeitherServiceNorRepoIsRefused() {
        String body = INCIDENT.replace("\"service\": \"checkout\", ", "");

        assertThatThrownBy(() -> parse(body))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage("missing field '[0].service' (or '[0].repo')");
    }

    @Test
    void resolutionBeforeOpeningIsRefused() {
        String body = INCIDENT.replace("11:40:00Z", "10:40:00Z");

        assertThatThrownBy(() -> parse(body))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage("field '[0].resolved_at' is before [0].opened_at");
    }

    @Test
    void unknownTypeIsRefused() {
        assertThatThrownBy(() -> parse("{\"type\": \"deploy\", \"id\": \"x\"}"))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessageContaining("'[0].type'")
                .hasMessageContaining("'deploy'");
    }

    @Test
    void bodiesThatAreNotItemsAreRefused() {
        assertThatThrownBy(() -> parse("not json"))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessageStartingWith("body is not JSON");
        assertThatThrownBy(() -> parse("\"deployment\""))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage("body is not a JSON object or array");
        assertThatThrownBy(() -> parse("[" + CHANGE + ", 42]"))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage("item [1] is not a JSON object");
    }

    private static List<CanonicalEvent> parse(String body) {
        return GenericParser.parse(envelope(body));
    }

    private static RawEnvelope envelope(String body) {
        return envelope(GenericParser.EVENT_TYPE, body);
    }

    private static RawEnvelope envelope(String eventType, String body) {
        return new RawEnvelope(
                "evt-1",
                "generic",
                eventType,
                "delivery-1",
                RECEIVED,
                Map.of("content-type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
