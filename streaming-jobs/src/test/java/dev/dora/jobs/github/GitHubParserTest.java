package dev.dora.jobs.github;

import static dev.dora.jobs.EventFixtures.REFUNDS_PATHS;
import static dev.dora.jobs.EventFixtures.envelope;
import static dev.dora.jobs.EventFixtures.sharedFixtures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.dora.events.CanonicalEvent;
import dev.dora.events.Commit;
import dev.dora.events.DeploymentStatusEvent;
import dev.dora.events.PushEvent;
import dev.dora.events.RawEnvelope;
import dev.dora.jobs.EventFixtures;
import dev.dora.jobs.ParserSettings;
import dev.dora.jobs.Parsers;
import dev.dora.jobs.UnparseableEventException;
import dev.dora.jobs.facts.ChangeRow;
import dev.dora.jobs.facts.DeploymentRow;
import dev.dora.jobs.facts.FactRows;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The GitHub parser on the real payload files of the shared corpus and on hand-written cases. */
class GitHubParserTest {
    private static final Pattern PRODUCTION = Pattern.compile("(?i)^prod(uction)?([-_ ].*)?$");
    private static final String ZEROS = "0000000000000000000000000000000000000000";

    // ---- push ----

    @Test
    void tagDeletionMovesNoBranch() throws IOException {
        assertThat(parseFixture("push", "payload.json")).isEmpty();
    }

    @Test
    void pushCreatingTheDefaultBranch() throws IOException {
        List<CanonicalEvent> events = parseFixture("push", "with-new-branch.payload.json");

        String sha = "6113728f27ae82c7b1a177c8d03f9e96e0adf246";
        PushEvent expected =
                new PushEvent(
                        "github",
                        "Codertocat/Hello-World",
                        "master",
                        "master",
                        ZEROS,
                        sha,
                        Instant.ofEpochSecond(1557933657), // repository.pushed_at, epoch seconds
                        List.of(
                                new Commit(
                                        sha,
                                        Instant.parse("2019-05-15T15:19:25Z"),
                                        null,
                                        List.of("README.md")))); // added
        assertThat(events)
                .containsExactly(CanonicalEvent.of("evt-1", "Codertocat/Hello-World", expected));
        assertThat(events.get(0).push().toDefaultBranch()).isTrue();
    }

    @Test
    void pushToAnotherBranchConvertsTheCommitOffsetToUtc() throws IOException {
        List<CanonicalEvent> events = parseFixture("push", "hub4j-github-api__push.json");

        assertThat(events).hasSize(1);
        PushEvent push = events.get(0).push();
        assertThat(events.get(0).service()).isEqualTo("baxterthehacker/public-repo");
        assertThat(push.repo()).isEqualTo("baxterthehacker/public-repo");
        assertThat(push.branch()).isEqualTo("changes");
        assertThat(push.defaultBranch()).isEqualTo("main");
        assertThat(push.toDefaultBranch()).isFalse();
        assertThat(push.before()).isEqualTo("9049f1265b7d61be4a8904a9a27120d2064dab3b");
        assertThat(push.after()).isEqualTo("0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c");
        assertThat(push.pushedAt()).isEqualTo(Instant.ofEpochSecond(1430869217));
        // "2015-05-05T19:40:15-04:00" is four hours behind UTC.
        assertThat(push.commits())
                .containsExactly(
                        new Commit(
                                "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c",
                                Instant.parse("2015-05-05T23:40:15Z"),
                                null,
                                List.of("README.md"))); // modified
    }

    @Test
    void pushListsEachCommitsFilesSortedWithoutDuplicates() throws IOException {
        // The project's own file: the corpus has no commit that adds, modifies and removes.
        List<CanonicalEvent> events = parseResource("github/push/monorepo-paths.json");

        assertThat(events.get(0).push().commits())
                .extracting(Commit::sha, Commit::paths)
                .containsExactly(
                        tuple("2222222222222222222222222222222222222222", REFUNDS_PATHS),
                        // Empty lists: the commit touched no file.
                        tuple("3333333333333333333333333333333333333333", List.of()),
                        // No lists at all: which files it touched is unknown.
                        tuple("4444444444444444444444444444444444444444", null));

        assertThat(FactRows.changes(events.get(0)))
                .extracting(ChangeRow::paths)
                .containsExactly(String.join("\n", REFUNDS_PATHS), "", null);
    }

    @Test
    void fileListThatIsNotAnArrayOfPathsIsRejectedNamingIt() {
        String body =
                """
                {"ref": "refs/heads/main", "before": "b0", "after": "c1",
                 "repository": {"full_name": "acme/shop", "default_branch": "main"},
                 "commits": [{"id": "c0", "timestamp": "2026-03-02T08:00:00Z", "added": []},
                             {"id": "c1", "timestamp": "2026-03-02T08:00:00Z",
                              "added": ["a.txt"], "modified": ["b.txt", 7]}]}
                """;

        assertThatThrownBy(() -> GitHubParser.parse(envelope("push", body)))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage("field 'commits[1].modified[1]' is not a non-empty string");
    }

    /** Event types whose payloads become canonical events. */
    private static final Set<String> USED =
            Set.of(
                    "push",
                    "deployment",
                    "deployment_status",
                    "pull_request",
                    "workflow_run",
                    "issues");

    /** Event types kept in the raw archive only: they yield nothing, whatever they contain. */
    private static final Set<String> IGNORED =
            Set.of("ping", "check_run", "check_suite", "release", "status", "workflow_job");

    /**
     * Files of used types that yield nothing under the default settings: the tag deletion, and the
     * corpus's workflow runs ("test", "CI") and issues (labelled "bug" or not at all), which are
     * neither deploy workflows nor incidents by default.
     */
    private static boolean emptyByDefault(String type, String name) {
        return name.equals("push/payload.json")
                || type.equals("workflow_run")
                || type.equals("issues");
    }

    /**
     * Files that yield nothing even when every workflow is a deploy and "bug" marks an incident:
     * the tag deletion, a run that has not completed, an issue without labels.
     */
    private static final Set<String> EMPTY_WHEN_PERMISSIVE =
            Set.of(
                    "push/payload.json",
                    "workflow_run/requested.payload.json",
                    "issues/zulip__issues__closed.json");

    @Test
    void everyFileOfTheCorpusParsesWithItsDirectoryAsEventType() throws IOException {
        ParserSettings permissive = GitHubFixtures.settings(".", "bug");
        List<Path> dirs;
        try (Stream<Path> list = Files.list(sharedFixtures("github"))) {
            dirs = list.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(dirs).isNotEmpty();
        int files = 0;
        for (Path dir : dirs) {
            String type = dir.getFileName().toString();
            assertThat(USED.contains(type) || IGNORED.contains(type))
                    .as("fixture directory github/%s is neither used nor ignored", type)
                    .isTrue();
            try (Stream<Path> list = Files.list(dir)) {
                for (Path file : list.sorted().toList()) {
                    String name = type + "/" + file.getFileName();
                    RawEnvelope envelope = envelope(type, Files.readAllBytes(file));
                    List<CanonicalEvent> byDefault = GitHubParser.parse(envelope);
                    List<CanonicalEvent> permissively = GitHubParser.parse(envelope, permissive);
                    if (IGNORED.contains(type)) {
                        assertThat(byDefault).as(name).isEmpty();
                        assertThat(permissively).as(name).isEmpty();
                    } else {
                        assertThat(byDefault).as(name).hasSize(emptyByDefault(type, name) ? 0 : 1);
                        assertThat(permissively)
                                .as(name)
                                .hasSize(EMPTY_WHEN_PERMISSIVE.contains(name) ? 0 : 1);
                        assertThat(permissively)
                                .as(name)
                                .allSatisfy(e -> assertThat(e.eventId()).isEqualTo("evt-1"));
                    }
                    files++;
                }
            }
        }
        assertThat(files).isGreaterThanOrEqualTo(30);
    }

    // ---- deployment_status ----

    @Test
    void successfulProductionDeployment() throws IOException {
        List<CanonicalEvent> events = parseFixture("deployment_status", "payload.json");

        DeploymentStatusEvent expected =
                new DeploymentStatusEvent(
                        "github",
                        "145988746",
                        "Codertocat/Hello-World",
                        "f95f852bd8fca8fcc58a9a2d6c842781e32a215e",
                        "master",
                        "production",
                        "success",
                        Instant.parse("2019-05-15T15:20:53Z"), // deployment.created_at
                        Instant.parse("2019-05-15T15:20:55Z")); // deployment_status.created_at
        assertThat(events)
                .containsExactly(CanonicalEvent.of("evt-1", "Codertocat/Hello-World", expected));

        DeploymentRow row = FactRows.deployments(events.get(0), PRODUCTION).get(0);
        assertThat(row.deploymentKey()).isEqualTo("github:Codertocat/Hello-World:145988746");
        assertThat(row.production()).isTrue();
        assertThat(row.finishedAt()).isEqualTo(Instant.parse("2019-05-15T15:20:55Z"));
    }

    @Test
    void inProgressGitHubPagesDeploymentIsNeitherProductionNorFinished() throws IOException {
        List<CanonicalEvent> events = parseFixture("deployment_status", "gh-pages.payload.json");

        DeploymentStatusEvent d = events.get(0).deployment();
        assertThat(d.status()).isEqualTo("in_progress");
        assertThat(d.environment()).isEqualTo("github-pages");
        assertThat(d.startedAt()).isEqualTo(Instant.parse("2022-01-03T01:28:30Z"));
        assertThat(d.statusAt()).isEqualTo(Instant.parse("2022-01-03T01:28:40Z"));

        DeploymentRow row = FactRows.deployments(events.get(0), PRODUCTION).get(0);
        assertThat(row.production()).isFalse();
        assertThat(row.finishedAt()).isNull();
        assertThat(row.statusAt()).isEqualTo(Instant.parse("2022-01-03T01:28:40Z"));
    }

    @Test
    void failureWithoutActionTakesTheEnvironmentFromTheDeployment() throws IOException {
        // Older payload shape: no "action", no deployment_status.environment.
        List<CanonicalEvent> events =
                parseFixture("deployment_status", "zulip__deployment_status__failure.json");

        DeploymentStatusEvent expected =
                new DeploymentStatusEvent(
                        "github",
                        "710692",
                        "baxterthehacker/public-repo",
                        "9049f1265b7d61be4a8904a9a27120d2064dab3b",
                        "master",
                        "production",
                        "failure",
                        Instant.parse("2015-05-05T23:40:38Z"),
                        Instant.parse("2015-05-05T23:40:39Z"));
        assertThat(events)
                .containsExactly(
                        CanonicalEvent.of("evt-1", "baxterthehacker/public-repo", expected));

        DeploymentRow row = FactRows.deployments(events.get(0), PRODUCTION).get(0);
        assertThat(row.production()).isTrue();
        assertThat(row.finishedAt()).isEqualTo(Instant.parse("2015-05-05T23:40:39Z"));
    }

    // ---- cases the corpus lacks ----

    @Test
    void bodyThatIsNotJsonIsRejected() {
        assertThatThrownBy(() -> GitHubParser.parse(envelope("push", "<html>oops</html>")))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void deploymentStatusWithoutDeploymentIsRejectedNamingTheField() {
        String body =
                """
                {"deployment_status": {"state": "success", "environment": "production",
                                       "created_at": "2026-03-02T10:00:00Z"},
                 "repository": {"full_name": "acme/shop"}}
                """;
        assertThatThrownBy(() -> GitHubParser.parse(envelope("deployment_status", body)))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage("missing field 'deployment'");
    }

    @Test
    void eventTypesWithoutFactsYieldNothing() {
        assertThat(GitHubParser.parse(envelope("star", "{\"action\": \"created\"}"))).isEmpty();
    }

    @Test
    void unknownSourceIsRejectedNamingIt() {
        RawEnvelope gitea =
                new RawEnvelope(
                        "evt-1",
                        "gitea",
                        "Push Hook",
                        "delivery-1",
                        EventFixtures.RECEIVED,
                        Map.of(),
                        "{}".getBytes());
        assertThatThrownBy(() -> Parsers.parse(gitea))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage("no parser for source 'gitea'");
    }

    /** A file of the project's own, under {@code src/test/resources}. */
    private static List<CanonicalEvent> parseResource(String file) throws IOException {
        try (InputStream in = GitHubParserTest.class.getResourceAsStream("/" + file)) {
            assertThat(in).as(file).isNotNull();
            return GitHubParser.parse(envelope("push", in.readAllBytes()));
        }
    }

    private static List<CanonicalEvent> parseFixture(String eventType, String file)
            throws IOException {
        Path path = sharedFixtures("github/" + eventType).resolve(file);
        return GitHubParser.parse(envelope(eventType, Files.readAllBytes(path)));
    }
}
