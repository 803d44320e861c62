package dev.dora.jobs.github;

import static dev.dora.jobs.EventFixtures.envelope;
import static dev.dora.jobs.github.GitHubFixtures.PRODUCTION;
import static dev.dora.jobs.github.GitHubFixtures.parseFixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dora.events.CanonicalEvent;
import dev.dora.events.DeploymentStatusEvent;
import dev.dora.jobs.facts.DeploymentRow;
import dev.dora.jobs.facts.FactRows;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GitHub {@code deployment}: an announced attempt, reported as {@code queued}. */
class GitHubDeploymentTest {
    private static final String REPO = "Codertocat/Hello-World";
    private static final String SHA = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";

    @Test
    void createdDeploymentIsAQueuedAttempt() throws IOException {
        List<CanonicalEvent> events = parseFixture("deployment", "payload.json");

        Instant created = Instant.parse("2019-05-15T15:20:53Z"); // deployment.created_at
        DeploymentStatusEvent expected =
                new DeploymentStatusEvent(
                        "github",
                        "145988746",
                        REPO,
                        SHA,
                        "master",
                        "production",
                        "queued",
                        created,
                        created);
        assertThat(events).containsExactly(CanonicalEvent.of("evt-1", REPO, expected));

        DeploymentRow row = FactRows.deployments(events.get(0), PRODUCTION).get(0);
        assertThat(row.deploymentKey()).isEqualTo("github:Codertocat/Hello-World:145988746");
        assertThat(row.production()).isTrue();
        assertThat(row.finishedAt()).isNull();
    }

    @Test
    void theSameAttemptAsItsStatuses() throws IOException {
        // deployment/payload.json and deployment_status/payload.json describe one deployment.
        DeploymentStatusEvent queued =
                parseFixture("deployment", "payload.json").get(0).deployment();
        DeploymentStatusEvent success =
                parseFixture("deployment_status", "payload.json").get(0).deployment();

        assertThat(success.deploymentId()).isEqualTo(queued.deploymentId());
        assertThat(success.startedAt()).isEqualTo(queued.startedAt());
        assertThat(success.statusAt()).isAfter(queued.statusAt());
    }

    @Test
    void deploymentMadeByAWorkflowRunNamesItsPipeline() throws IOException {
        List<CanonicalEvent> events = parseFixture("deployment", "gh-pages.payload.json");

        Instant created = Instant.parse("2022-01-03T01:28:30Z");
        DeploymentStatusEvent expected =
                new DeploymentStatusEvent(
                        "github",
                        "145988746",
                        REPO,
                        SHA,
                        "gh-pages",
                        "github-pages",
                        "queued",
                        created,
                        created,
                        null,
                        "pages build and deployment",
                        null,
                        null);
        assertThat(events).containsExactly(CanonicalEvent.of("evt-1", REPO, expected));
        assertThat(parseFixture("deployment_status", "gh-pages.payload.json").get(0))
                .extracting(e -> e.deployment().pipeline())
                .isEqualTo("pages build and deployment");
    }

    @Test
    void rollbackDeclaredInTheDeploymentPayload() {
        String body =
                """
                {"action": "created",
                 "deployment": {"id": 4712, "sha": "41e2c8a6f0e5d1a2b3c4d5e6f708192a3b4c5d6e",
                   "ref": "main", "environment": "prod-eu",
                   "payload": {"rollback_of": 4711},
                   "created_at": "2026-03-02T11:00:00+01:00"},
                 "repository": {"full_name": "acme/shop"}}
                """;
        DeploymentStatusEvent d =
                GitHubParser.parse(envelope("deployment", body)).get(0).deployment();

        assertThat(d.rollbackOf()).isEqualTo("4711");
        assertThat(d.environment()).isEqualTo("prod-eu");
        assertThat(d.startedAt()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
        assertThat(d.statusAt()).isEqualTo(d.startedAt());
    }

    @Test
    void deploymentPayloadGivenAsTextDeclaresNothing() {
        String body =
                """
                {"action": "created",
                 "deployment": {"id": 4712, "sha": "41e2c8a6f0e5d1a2b3c4d5e6f708192a3b4c5d6e",
                   "ref": "main", "environment": "production", "payload": "{}",
                   "created_at": "2026-03-02T10:00:00Z"},
                 "repository": {"full_name": "acme/shop"}}
                """;
        assertThat(
                        GitHubParser.parse(envelope("deployment", body))
                                .get(0)
                                .deployment()
                                .rollbackOf())
                .isNull();
    }
}
