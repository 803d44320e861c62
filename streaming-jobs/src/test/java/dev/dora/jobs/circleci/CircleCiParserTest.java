package dev.dora.jobs.circleci;

import static dev.dora.jobs.EventFixtures.DEPLOYED;
import static dev.dora.jobs.EventFixtures.SERVICE;
import static dev.dora.jobs.EventFixtures.envelope;
import static dev.dora.jobs.EventFixtures.fileNames;
import static dev.dora.jobs.EventFixtures.sharedFixtures;
import static dev.dora.jobs.EventFixtures.withoutField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dora.events.CanonicalEvent;
import dev.dora.events.DeploymentStatusEvent;
import dev.dora.events.RawEnvelope;
import dev.dora.jobs.JobSettings;
import dev.dora.jobs.ParserSettings;
import dev.dora.jobs.Parsers;
import dev.dora.jobs.UnparseableEventException;
import dev.dora.jobs.facts.DeploymentRow;
import dev.dora.jobs.facts.FactRows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CircleCI parser on the real payload files of the shared corpus and on hand-written cases. */
class CircleCiParserTest {
    private static final Pattern PRODUCTION =
            Pattern.compile(JobSettings.DEFAULT_PRODUCTION_PATTERN);
    private static final String OAUTH_WORKFLOW =
            "circleci-docs__workflow-completed.github-oauth-bitbucket-cloud.json";
    private static final String GITLAB_WORKFLOW =
            "circleci-docs__workflow-completed.gitlab-githubapp-bitbucket-dc.json";
    private static final String SHA = "9fceb02d0ae598e95dc970b74767f19372d61af8";

    private record Expected(String eventType, int events, String why) {}

    /** Every file of the corpus, with what it yields under the default settings and why. */
    private static final Map<String, Expected> CORPUS =
            Map.of(
                    OAUTH_WORKFLOW,
                    new Expected(
                            "workflow-completed", 1, "workflow 'build-test-deploy' is a deploy"),
                    GITLAB_WORKFLOW,
                    new Expected(
                            "workflow-completed",
                            0,
                            "workflow 'build' does not match the deploy pattern"),
                    "circleci-docs__job-completed.github-oauth-bitbucket-cloud.json",
                    new Expected("job-completed", 0, "jobs are not deployment attempts"),
                    "circleci-docs__job-completed.gitlab-githubapp-bitbucket-dc.json",
                    new Expected("job-completed", 0, "jobs are not deployment attempts"));

    // ---- the corpus ----

    @Test
    void everyFileOfTheCorpusParsesWithAndWithoutTheEventTypeHeader() throws IOException {
        Path dir = sharedFixtures("circleci");
        assertThat(fileNames(dir)).containsExactlyInAnyOrderElementsOf(CORPUS.keySet());
        for (Map.Entry<String, Expected> file : CORPUS.entrySet()) {
            byte[] body = Files.readAllBytes(dir.resolve(file.getKey()));
            Expected expected = file.getValue();
            // CircleCI publishes no headers with its samples: once as sent, once with only the
            // body's "type".
            assertThat(CircleCiParser.parse(circleCi(expected.eventType(), body)))
                    .as(file.getKey() + ": " + expected.why())
                    .hasSize(expected.events());
            assertThat(CircleCiParser.parse(circleCi(null, body)))
                    .as(file.getKey() + " without header: " + expected.why())
                    .hasSize(expected.events());
        }
    }

    @Test
    void deployWorkflowOfAGitHubOAuthProjectIsASuccessfulProductionDeployment() throws IOException {
        List<CanonicalEvent> events = parseFixture(OAUTH_WORKFLOW, ParserSettings.defaults());

        DeploymentStatusEvent expected =
                new DeploymentStatusEvent(
                        "circleci",
                        "fda08377-fe7e-46b1-8992-3a7aaecac9c3", // workflow.id
                        "circleci/webhook-service", // from pipeline.vcs.target_repository_url
                        "1dc6aa69429bff4806ad6afe58d3d8f57e25973e",
                        "main",
                        "production",
                        "success",
                        Instant.parse("2021-09-01T22:49:03.616Z"), // workflow.created_at
                        Instant.parse("2021-09-01T22:49:34.170Z"), // workflow.stopped_at
                        null,
                        "build-test-deploy",
                        null,
                        null);
        assertThat(events)
                .containsExactly(CanonicalEvent.of("evt-1", "circleci/webhook-service", expected));

        DeploymentRow row = FactRows.deployments(events.get(0), PRODUCTION).get(0);
        assertThat(row.production()).isTrue();
        assertThat(row.finishedAt()).isEqualTo(Instant.parse("2021-09-01T22:49:34.170Z"));
    }

    @Test
    void gitLabProjectTakesTheRepositoryFromTheTriggerParameters() throws IOException {
        // "build" is no deploy workflow by default; a pattern that names it makes it one.
        ParserSettings buildDeploys =
                new ParserSettings(
                        Pattern.compile("(?i)^build$"),
                        ParserSettings.DEFAULT_INCIDENT_LABEL,
                        PRODUCTION);

        List<CanonicalEvent> events = parseFixture(GITLAB_WORKFLOW, buildDeploys);

        DeploymentStatusEvent expected =
                new DeploymentStatusEvent(
                        "circleci",
                        "c2006ece-778d-49fc-9e6e-b9965f72bee9",
                        "circleci/hello-world", // git@gitlab.com:circleci/hello-world.git
                        "850a1519f25d14e968649cc420d1bd381715c05c", // git.checkout_sha
                        "main", // git.branch
                        "production",
                        "failure", // "failed"
                        Instant.parse("2022-05-27T16:20:07.631Z"),
                        Instant.parse("2022-05-27T16:20:13.812Z"),
                        null,
                        "build",
                        null,
                        null);
        assertThat(events)
                .containsExactly(CanonicalEvent.of("evt-1", "circleci/hello-world", expected));
        assertThat(parseFixture(GITLAB_WORKFLOW, ParserSettings.defaults())).isEmpty();
    }

    @Test
    void withoutTheGitMapTheProviderMapNamesRepositoryShaAndBranch() throws IOException {
        String fixture = Files.readString(sharedFixtures("circleci").resolve(GITLAB_WORKFLOW));
        String body =
                withoutField(fixture, "/pipeline/trigger_parameters/git")
                        .replace("\"name\":\"build\"", "\"name\":\"deploy\"");

        DeploymentStatusEvent d = parse(body).get(0).deployment();

        assertThat(d.repo()).isEqualTo("circleci/hello-world"); // gitlab.web_url
        assertThat(d.sha()).isEqualTo("850a1519f25d14e968649cc420d1bd381715c05c");
        assertThat(d.ref()).isEqualTo("main");
    }

    @Test
    void theHeaderDecidesTheEventType() throws IOException {
        byte[] body = Files.readAllBytes(sharedFixtures("circleci").resolve(OAUTH_WORKFLOW));
        assertThat(CircleCiParser.parse(circleCi("job-completed", body))).isEmpty();
    }

    // ---- cases the corpus lacks ----

    @Test
    void failedDeployWorkflowIsAFinishedFailedAttemptWithOffsetsConvertedToUtc() {
        List<CanonicalEvent> events = parse(workflowCompleted("deploy", "failed"));

        DeploymentStatusEvent expected =
                new DeploymentStatusEvent(
                        "circleci",
                        "wf-42",
                        SERVICE,
                        SHA,
                        "main",
                        "production",
                        "failure",
                        DEPLOYED.minusSeconds(240), // 10:56:00+01:00
                        DEPLOYED, // 11:00:00+01:00
                        null,
                        "deploy",
                        null,
                        null);
        assertThat(events).containsExactly(CanonicalEvent.of("evt-1", SERVICE, expected));

        DeploymentRow row = FactRows.deployments(events.get(0), PRODUCTION).get(0);
        assertThat(row.production()).isTrue();
        assertThat(row.finishedAt()).isEqualTo(DEPLOYED);
        assertThat(events.get(0).deployment().isSuccess()).isFalse();
    }

    @Test
    void withoutStoppedAtTheStatusTimeIsWhenTheEventHappened() {
        String body = withoutField(workflowCompleted("deploy", "success"), "/workflow/stopped_at");

        DeploymentStatusEvent d = parse(body).get(0).deployment();

        assertThat(d.statusAt()).isEqualTo(Instant.parse("2026-03-02T10:00:02.5Z"));
    }

    @Test
    void workflowThatDoesNotDeployYieldsNothing() {
        assertThat(parse(workflowCompleted("build-and-test", "success"))).isEmpty();
    }

    @Test
    void tagBuildIsDeployedFromTheTag() {
        String body =
                workflowCompleted("release", "success")
                        .replace("\"branch\": \"main\"", "\"tag\": \"v1.4.0\"");

        assertThat(parse(body).get(0).deployment().ref()).isEqualTo("v1.4.0");
    }

    @ParameterizedTest
    @CsvSource({
        "success, success",
        "failed, failure",
        "error, error",
        "canceled, error",
        "unauthorized, error"
    })
    void terminalWorkflowStatusesAreFinal(String circleCi, String canonical) {
        DeploymentStatusEvent d = parse(workflowCompleted("deploy", circleCi)).get(0).deployment();

        assertThat(d.status()).isEqualTo(canonical);
        assertThat(d.isFinal()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "build-test-deploy, production",
        "deploy, production",
        "deploy-production, production",
        "deploy_prod_eu, production",
        "deploy-staging, staging",
        "deployStaging, staging",
        "stg-deploy, staging",
        "deploy-pre-prod, preprod",
        "release-qa, qa",
        "deploy-uat, uat",
        "deploy-dev, development",
        "deploy to sandbox, sandbox",
        "deploy-preview, preview"
    })
    void environmentIsProductionUnlessTheWorkflowNameSaysOtherwise(
            String workflowName, String environment) {
        assertThat(CircleCiParser.environment(workflowName)).isEqualTo(environment);
    }

    @Test
    void bodyThatIsNotJsonIsRejected() {
        assertThatThrownBy(() -> parse("<html>502 Bad Gateway</html>"))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessageStartingWith("body is not JSON");
    }

    @Test
    void deployWorkflowWithoutIdIsRejectedNamingTheField() {
        String body = withoutField(workflowCompleted("deploy", "success"), "/workflow/id");

        assertThatThrownBy(() -> parse(body))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage("missing field 'workflow.id'");
    }

    @Test
    void deployWorkflowWithoutVcsInformationIsRejectedNamingTheFields() {
        String body = withoutField(workflowCompleted("deploy", "success"), "/pipeline/vcs");

        assertThatThrownBy(() -> parse(body))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage("missing field 'pipeline.vcs' (or 'pipeline.trigger_parameters')");
    }

    @Test
    void deployWorkflowWithoutRevisionIsRejectedNamingTheField() {
        String body =
                withoutField(workflowCompleted("deploy", "success"), "/pipeline/vcs/revision");

        assertThatThrownBy(() -> parse(body))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage("missing field 'pipeline.vcs.revision'");
    }

    @Test
    void nonTerminalStatusIsRejectedNamingTheValue() {
        assertThatThrownBy(() -> parse(workflowCompleted("deploy", "on_hold")))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage("field 'workflow.status' is not a terminal status: on_hold");
    }

    @Test
    void bodyWithoutTypeAndWithoutHeaderIsRejected() {
        String body = withoutField(workflowCompleted("deploy", "success"), "/type");

        assertThatThrownBy(() -> CircleCiParser.parse(circleCi(null, body.getBytes())))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage("missing field 'type' (and no circleci-event-type header)");
    }

    @Test
    void parsersRouteCircleCiHere() {
        RawEnvelope envelope = circleCi("workflow-completed", workflowCompleted("deploy", "error"));
        assertThat(Parsers.parse(envelope)).isEqualTo(CircleCiParser.parse(envelope));
    }

    // ---- helpers ----

    /**
     * A workflow-completed event of acme/shop (GitHub OAuth shape), times in UTC+1: created at
     * 10:56:00+01:00, stopped at 11:00:00+01:00 (= {@code DEPLOYED}).
     */
    private static String workflowCompleted(String workflowName, String status) {
        return """
                {"id": "5f1a6c0e-2b1d-4c1e-9a4e-0d7d3f9c2a11", "type": "workflow-completed",
                 "happened_at": "2026-03-02T11:00:02.5+01:00",
                 "webhook": {"id": "cf8c4fdd-0587-4da1-b4ca-4846e9640af9", "name": "dora"},
                 "project": {"id": "p-1", "name": "shop", "slug": "github/acme/shop"},
                 "organization": {"id": "o-1", "name": "acme"},
                 "workflow": {"id": "wf-42", "name": "%s", "status": "%s",
                              "created_at": "2026-03-02T10:56:00+01:00",
                              "stopped_at": "2026-03-02T11:00:00+01:00",
                              "url": "https://app.circleci.com/pipelines/github/acme/shop/7/workflows/wf-42"},
                 "pipeline": {"id": "pl-7", "number": 7, "created_at": "2026-03-02T10:55:58+01:00",
                              "trigger": {"type": "webhook"},
                              "vcs": {"provider_name": "github",
                                      "origin_repository_url": "https://github.com/acme/shop",
                                      "target_repository_url": "https://github.com/acme/shop",
                                      "revision": "%s", "branch": "main"}}}
                """
                .formatted(workflowName, status, SHA);
    }

    private static List<CanonicalEvent> parse(String body) {
        return CircleCiParser.parse(circleCi("workflow-completed", body));
    }

    private static RawEnvelope circleCi(String eventTypeHeader, String body) {
        return circleCi(eventTypeHeader, body.getBytes());
    }

    private static RawEnvelope circleCi(String eventTypeHeader, byte[] body) {
        Map<String, String> headers =
                eventTypeHeader == null
                        ? Map.of("user-agent", "CircleCI-Webhook/1.0")
                        : Map.of(
                                "circleci-event-type",
                                eventTypeHeader,
                                "user-agent",
                                "CircleCI-Webhook/1.0");
        return envelope(
                "circleci", eventTypeHeader == null ? "unknown" : eventTypeHeader, headers, body);
    }

    private static List<CanonicalEvent> parseFixture(String file, ParserSettings settings)
            throws IOException {
        byte[] body = Files.readAllBytes(sharedFixtures("circleci").resolve(file));
        return CircleCiParser.parse(circleCi("workflow-completed", body), settings);
    }
}
