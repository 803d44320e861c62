package dev.dora.jobs.github;

import static dev.dora.jobs.EventFixtures.envelope;
import static dev.dora.jobs.github.GitHubFixtures.PRODUCTION;
import static dev.dora.jobs.github.GitHubFixtures.parseFixture;
import static dev.dora.jobs.github.GitHubFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dora.events.CanonicalEvent;
import dev.dora.events.DeploymentStatusEvent;
import dev.dora.jobs.ParserSettings;
import dev.dora.jobs.UnparseableEventException;
import dev.dora.jobs.facts.DeploymentRow;
import dev.dora.jobs.facts.FactRows;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GitHub {@code workflow_run}: a completed run of a deploy workflow is a deployment attempt. */
class GitHubWorkflowRunTest {
    private static final String SHA = "9fceb02d0ae598e95dc970b74767f19372d61af8";
    private static final Instant STARTED = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant FINISHED = Instant.parse("2026-03-02T10:04:10Z");

    @Test
    void completedRunOfADeployWorkflow() throws IOException {
        // The corpus's workflow is named "test"; here that name is what marks a deploy workflow.
        // workflow_run.name is empty in this payload, so the workflow object names it.
        List<CanonicalEvent> events =
                parseFixture("workflow_run", "completed.payload.json", settings("^test$", "x"));

        DeploymentStatusEvent expected =
                new DeploymentStatusEvent(
                        "github",
                        "run-289782451",
                        "octo-org/octo-repo",
                        "3484a3fb816e0859fd6e1cea078d76385ff50625",
                        "master",
                        "production",
                        "success",
                        Instant.parse("2020-10-05T16:33:49Z"), // run_started_at
                        Instant.parse("2020-10-05T16:33:49Z"), // updated_at
                        null,
                        "test",
                        null,
                        null);
        assertThat(events)
                .containsExactly(CanonicalEvent.of("evt-1", "octo-org/octo-repo", expected));

        DeploymentRow row = FactRows.deployments(events.get(0), PRODUCTION).get(0);
        assertThat(row.production()).isTrue();
        assertThat(row.finishedAt()).isEqualTo(Instant.parse("2020-10-05T16:33:49Z"));
    }

    @Test
    void deployWorkflowRecognisedByItsPath() throws IOException {
        // workflow_run.path is null in this payload; workflow.path is .github/workflows/main.yml.
        List<CanonicalEvent> events =
                parseFixture(
                        "workflow_run",
                        "hub4j-github-api__workflow_run.json",
                        settings("workflows/main\\.yml$", "x"));

        DeploymentStatusEvent d = events.get(0).deployment();
        assertThat(d.deploymentId()).isEqualTo("run-680604745");
        assertThat(d.repo()).isEqualTo("gsmet/quarkus-bot-java-playground");
        assertThat(d.sha()).isEqualTo("dbea8d8b6ed2cf764dfd84a215f3f9040b3d4423");
        assertThat(d.ref()).isEqualTo("main");
        assertThat(d.status()).isEqualTo("success");
        assertThat(d.startedAt()).isEqualTo(Instant.parse("2021-03-23T18:35:26Z"));
        assertThat(d.statusAt()).isEqualTo(Instant.parse("2021-03-23T18:35:43Z"));
        assertThat(d.pipeline()).isEqualTo("CI");
    }

    @Test
    void corpusWorkflowsAreNotDeploysByDefault() throws IOException {
        assertThat(parseFixture("workflow_run", "completed.payload.json")).isEmpty();
        assertThat(parseFixture("workflow_run", "hub4j-github-api__workflow_run.json")).isEmpty();
    }

    @Test
    void runThatHasNotCompletedYieldsNothing() throws IOException {
        assertThat(parseFixture("workflow_run", "requested.payload.json", settings(".", "x")))
                .isEmpty();
        assertThat(GitHubParser.parse(envelope("workflow_run", run("Deploy", "in_progress", null))))
                .isEmpty();
    }

    @Test
    void completedRunOfAnotherWorkflowIsIgnored() {
        assertThat(GitHubParser.parse(envelope("workflow_run", run("CI", "completed", "success"))))
                .isEmpty();
    }

    @Test
    void failedDeployRunIsAFailedAttempt() {
        List<CanonicalEvent> events =
                GitHubParser.parse(
                        envelope("workflow_run", run("Deploy production", "completed", "failure")));

        DeploymentStatusEvent expected =
                new DeploymentStatusEvent(
                        "github",
                        "run-9001",
                        "acme/shop",
                        SHA,
                        "main",
                        "production",
                        "failure",
                        STARTED,
                        FINISHED,
                        null,
                        "Deploy production",
                        null,
                        null);
        assertThat(events).containsExactly(CanonicalEvent.of("evt-1", "acme/shop", expected));

        DeploymentRow row = FactRows.deployments(events.get(0), PRODUCTION).get(0);
        assertThat(row.finishedAt()).isEqualTo(FINISHED);
        assertThat(row.status()).isEqualTo("failure");
    }

    @ParameterizedTest
    @CsvSource({
        "success, success",
        "failure, failure",
        "timed_out, failure",
        "startup_failure, failure",
        "cancelled, error",
        "skipped, error",
        "neutral, error",
        "action_required, error",
        "stale, error"
    })
    void conclusionBecomesAFinalStatus(String conclusion, String status) {
        DeploymentStatusEvent d =
                GitHubParser.parse(envelope("workflow_run", run("deploy", "completed", conclusion)))
                        .get(0)
                        .deployment();
        assertThat(d.status()).isEqualTo(status);
        assertThat(d.isFinal()).isTrue();
    }

    @Test
    void unknownConclusionIsRejectedNamingIt() {
        assertThatThrownBy(
                        () ->
                                GitHubParser.parse(
                                        envelope(
                                                "workflow_run",
                                                run("deploy", "completed", "exploded"))))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage("unknown workflow_run conclusion 'exploded'");
    }

    @Test
    void reRunIsAnotherAttemptAndStartsWhenItWasStarted() {
        String body =
                """
                {"action": "completed",
                 "workflow_run": {"id": 9001, "name": "Release", "path": ".github/workflows/release.yml",
                   "head_sha": "%s", "head_branch": "main", "conclusion": "success", "run_attempt": 2,
                   "created_at": "2026-03-02T09:00:00Z", "run_started_at": "2026-03-02T11:00:00+01:00",
                   "updated_at": "2026-03-02T10:04:10Z"},
                 "repository": {"full_name": "acme/shop"}}
                """
                        .formatted(SHA);
        DeploymentStatusEvent d =
                GitHubParser.parse(envelope("workflow_run", body)).get(0).deployment();

        assertThat(d.deploymentId()).isEqualTo("run-9001-2");
        assertThat(d.startedAt()).isEqualTo(STARTED);
    }

    @Test
    void withoutRunStartedAtTheRunStartsWhenCreated() {
        String body = run("deploy", "completed", "success").replace("\"run_started_at\"", "\"x\"");
        DeploymentStatusEvent d =
                GitHubParser.parse(envelope("workflow_run", body), ParserSettings.defaults())
                        .get(0)
                        .deployment();
        assertThat(d.startedAt()).isEqualTo(Instant.parse("2026-03-02T09:59:00Z"));
    }

    /** A run of workflow {@code name} of acme/shop, created a minute before it started. */
    private static String run(String name, String action, String conclusion) {
        return """
                {"action": "%s",
                 "workflow_run": {"id": 9001, "name": "%s", "path": ".github/workflows/main.yml",
                   "head_sha": "%s", "head_branch": "main",
                   "status": "%s", "conclusion": %s, "run_attempt": 1,
                   "created_at": "2026-03-02T09:59:00Z", "run_started_at": "2026-03-02T10:00:00Z",
                   "updated_at": "2026-03-02T10:04:10Z"},
                 "workflow": {"name": "%s", "path": ".github/workflows/main.yml"},
                 "repository": {"full_name": "acme/shop"}}
                """
                .formatted(
                        action,
                        name,
                        SHA,
                        action,
                        conclusion == null ? "null" : "\"" + conclusion + "\"",
                        name);
    }
}
