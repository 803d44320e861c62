package dev.dora.jobs.gitlab;

import static dev.dora.jobs.EventFixtures.RECEIVED;
import static dev.dora.jobs.EventFixtures.REFUNDS_PATHS;
import static dev.dora.jobs.EventFixtures.sharedFixtures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

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
import dev.dora.jobs.facts.ChangeRow;
import dev.dora.jobs.facts.FactRows;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The GitLab parser on the real payload files of the shared corpus and on hand-written cases. */
class GitLabParserTest {
    private static final String HELLO_WORLD = "gitlab-org/hello-world";

    /**
     * Every file of the corpus, with the number of events it makes or why it makes none. A new file
     * fails {@link #everyFileOfTheCorpusParses()} until it is listed here.
     */
    private static final Map<String, String> CORPUS =
            Map.ofEntries(
                    Map.entry("push/go-gitlab__push.json", "1"),
                    Map.entry("push/go-scm__push_merge.json", "1"),
                    Map.entry("push/go-gitlab__tag_push.json", "ignored: a tag moves no branch"),
                    Map.entry("merge_request/go-gitlab__merge_request.json", "1"),
                    Map.entry("merge_request/go-scm__pull_request_create.json", "1"),
                    Map.entry("merge_request/go-scm__pull_request_close.json", "1"),
                    Map.entry("merge_request/go-scm__pull_request_merge.json", "1"),
                    Map.entry("deployment/go-gitlab__deployment.json", "1"),
                    Map.entry("deployment/go-playground__deployment-event.json", "1"),
                    Map.entry(
                            "pipeline/go-gitlab__pipeline.json",
                            "ignored: the pipeline has no name, so it is no deployment"),
                    Map.entry(
                            "pipeline/go-playground__pipeline-event.json",
                            "ignored: 'pipeline_name' does not match the deploy pattern"),
                    Map.entry(
                            "pipeline/go-scm__pipeline_hook.json",
                            "ignored: 'Pipeline for branch: master' does not match the deploy"
                                    + " pattern"),
                    Map.entry("job/go-gitlab__build.json", "ignored: job events are archived only"),
                    Map.entry("job/go-gitlab__job.json", "ignored: job events are archived only"),
                    Map.entry(
                            "job/go-playground__job-event.json",
                            "ignored: job events are archived only"),
                    Map.entry(
                            "release/go-gitlab__release.json",
                            "ignored: releases are archived only"));

    private static final Map<String, String> HEADER_OF_DIRECTORY =
            Map.of(
                    "push", "Push Hook",
                    "merge_request", "Merge Request Hook",
                    "deployment", "Deployment Hook",
                    "pipeline", "Pipeline Hook",
                    "job", "Job Hook",
                    "release", "Release Hook");

    @Test
    void everyFileOfTheCorpusParses() throws IOException {
        Path root = sharedFixtures("gitlab");
        List<String> seen = new ArrayList<>();
        SoftAssertions softly = new SoftAssertions();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = root.relativize(file).toString().replace('\\', '/');
                seen.add(name);
                String expected = CORPUS.get(name);
                softly.assertThat(expected)
                        .as("classify new fixture %s in CORPUS", name)
                        .isNotNull();
                if (expected == null) {
                    continue;
                }
                List<CanonicalEvent> events = GitLabParser.parse(fixtureEnvelope(name));
                if (expected.startsWith("ignored")) {
                    softly.assertThat(events).as("%s, %s", name, expected).isEmpty();
                } else {
                    softly.assertThat(events).as(name).hasSize(Integer.parseInt(expected));
                    softly.assertThat(events)
                            .as(name)
                            .allSatisfy(e -> assertThat(e.eventId()).isEqualTo("evt-1"));
                }
            }
        }
        softly.assertThat(seen).as("files listed in CORPUS").containsAll(CORPUS.keySet());
        softly.assertAll();
    }

    // ---- push ----

    /** Each commit of go-gitlab's push adds CHANGELOG and modifies the application controller. */
    private static final List<String> DIASPORA_PATHS =
            List.of("CHANGELOG", "app/controller/application.rb");

    @Test
    void pushToTheDefaultBranchConvertsCommitOffsetsToUtc() throws IOException {
        List<CanonicalEvent> events = parseFixture("push/go-gitlab__push.json");

        PushEvent expected =
                new PushEvent(
                        "gitlab",
                        "mike/diaspora",
                        "master",
                        "master",
                        "95790bf891e76fee5e1747ab589903a6a1f80f22",
                        "da1560886d4f094c3e6c9ef40349f7d38b5d27d7",
                        RECEIVED, // GitLab does not say when the push happened
                        List.of(
                                // "2011-12-12T14:27:31+02:00" and "2012-01-03T23:36:29+02:00"
                                new Commit(
                                        "b6568db1bc1dcd7f8b4d5a946b0b91f9dacd7327",
                                        Instant.parse("2011-12-12T12:27:31Z"),
                                        null,
                                        DIASPORA_PATHS),
                                new Commit(
                                        "da1560886d4f094c3e6c9ef40349f7d38b5d27d7",
                                        Instant.parse("2012-01-03T21:36:29Z"),
                                        null,
                                        DIASPORA_PATHS)));
        assertThat(events).containsExactly(CanonicalEvent.of("evt-1", "mike/diaspora", expected));
        assertThat(events.get(0).push().toDefaultBranch()).isTrue();
    }

    @Test
    void mergeCommitPushedToMasterWithANegativeOffset() throws IOException {
        PushEvent push = parseFixture("push/go-scm__push_merge.json").get(0).push();

        assertThat(push.repo()).isEqualTo(HELLO_WORLD);
        assertThat(push.before()).isEqualTo("2adc9465c4edfc33834e173fe89436a7cb899a1d");
        assertThat(push.after()).isEqualTo("78a76ee6b4992a6baf64c59fc4c44c7323d60438");
        assertThat(push.commits())
                .containsExactly(
                        // "2017-12-10T08:28:36-08:00" is eight hours behind UTC.
                        new Commit(
                                "c4c79227ed610f1151f05bbc5be33b4f340d39c8",
                                Instant.parse("2017-12-10T16:28:36Z"),
                                null,
                                List.of("README.md")),
                        new Commit(
                                "78a76ee6b4992a6baf64c59fc4c44c7323d60438",
                                Instant.parse("2017-12-10T17:08:06Z"),
                                null,
                                List.of("README.md")));
    }

    @Test
    void pushListsEachCommitsFilesSortedWithoutDuplicates() throws IOException {
        // The project's own file: the corpus has no commit that adds, modifies and removes.
        List<CanonicalEvent> events;
        try (InputStream in =
                GitLabParserTest.class.getResourceAsStream("/gitlab/push/monorepo-paths.json")) {
            assertThat(in).isNotNull();
            events = GitLabParser.parse(gitlab("Push Hook", in.readAllBytes()));
        }

        assertThat(events.get(0).push().commits())
                .extracting(Commit::sha, Commit::paths)
                .containsExactly(
                        tuple("2222222222222222222222222222222222222222", REFUNDS_PATHS),
                        // Empty lists: the commit touched no file.
                        tuple("3333333333333333333333333333333333333333", List.of()));
        assertThat(FactRows.changes(events.get(0)))
                .extracting(ChangeRow::paths)
                .containsExactly(String.join("\n", REFUNDS_PATHS), "");
    }

    @Test
    void fileListThatIsNotAnArrayIsRejectedNamingIt() {
        String body =
                """
                {"object_kind": "push", "ref": "refs/heads/main", "before": "b0", "after": "c0",
                 "project": {"path_with_namespace": "acme/shop", "default_branch": "main"},
                 "commits": [{"id": "c0", "removed": "old.txt"}]}
                """;

        assertThatThrownBy(() -> GitLabParser.parse(gitlab("Push Hook", body)))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage("field 'commits[0].removed' is not an array");
    }

    // ---- merge requests ----

    @Test
    void mergedMergeRequest() throws IOException {
        List<CanonicalEvent> events = parseFixture("merge_request/go-scm__pull_request_merge.json");

        Instant merged = Instant.parse("2017-12-10T17:08:07Z"); // "2017-12-10 17:08:07 UTC"
        PullRequestEvent expected =
                new PullRequestEvent(
                        "gitlab",
                        HELLO_WORLD,
                        "1",
                        "merged",
                        true,
                        "feature",
                        "master",
                        "c4c79227ed610f1151f05bbc5be33b4f340d39c8",
                        "78a76ee6b4992a6baf64c59fc4c44c7323d60438",
                        Instant.parse("2017-12-10T17:01:11Z"),
                        merged,
                        merged);
        assertThat(events).containsExactly(CanonicalEvent.of("evt-1", HELLO_WORLD, expected));
    }

    @Test
    void mergeRequestClosedWithoutMerging() throws IOException {
        PullRequestEvent pr =
                parseFixture("merge_request/go-scm__pull_request_close.json").get(0).pullRequest();

        assertThat(pr.action()).isEqualTo("closed");
        assertThat(pr.merged()).isFalse();
        assertThat(pr.mergeCommitSha()).isNull();
        assertThat(pr.mergedAt()).isNull();
        assertThat(pr.closedAt()).isEqualTo(Instant.parse("2017-12-10T17:02:46Z"));
    }

    @Test
    void openedMergeRequestWithIsoTimes() throws IOException {
        List<CanonicalEvent> events = parseFixture("merge_request/go-gitlab__merge_request.json");

        PullRequestEvent expected =
                new PullRequestEvent(
                        "gitlab",
                        "gitlabhq/gitlab-test",
                        "1", // the iid, not the global id 99
                        "opened",
                        false,
                        "ms-viewport",
                        "master",
                        "da1560886d4f094c3e6c9ef40349f7d38b5d27d7",
                        null,
                        Instant.parse("2013-12-03T17:23:34Z"),
                        null,
                        null);
        assertThat(events)
                .containsExactly(CanonicalEvent.of("evt-1", "gitlabhq/gitlab-test", expected));
    }

    // ---- deployments ----

    @Test
    void successfulDeploymentTakesTheFullShaFromTheCommitUrl() throws IOException {
        List<CanonicalEvent> events = parseFixture("deployment/go-gitlab__deployment.json");

        Instant changed = Instant.parse("2021-04-28T19:50:00Z"); // "2021-04-28 21:50:00 +0200"
        DeploymentStatusEvent expected =
                new DeploymentStatusEvent(
                        "gitlab",
                        "15",
                        "root/test-deployment-webhooks",
                        "279484c09fbe69ededfced8c1bb6e6d24616b468",
                        "1.0.0",
                        "staging",
                        "success",
                        changed,
                        changed);
        assertThat(events)
                .containsExactly(
                        CanonicalEvent.of("evt-1", "root/test-deployment-webhooks", expected));
        assertThat(events.get(0).deployment().isFinal()).isTrue();
    }

    @Test
    void olderDeploymentPayloadHasNoRef() throws IOException {
        DeploymentStatusEvent d =
                parseFixture("deployment/go-playground__deployment-event.json").get(0).deployment();

        assertThat(d.ref()).isNull();
        assertThat(d.sha()).isEqualTo("279484c09fbe69ededfced8c1bb6e6d24616b468");
        assertThat(d.statusAt()).isEqualTo(Instant.parse("2021-04-28T19:50:00Z"));
    }

    @ParameterizedTest
    @CsvSource({
        "success, success",
        "failed, failure",
        "canceled, error",
        "running, in_progress",
        "created, queued",
        "blocked, queued",
        "skipped, skipped"
    })
    void deploymentStatusesInTheCanonicalVocabulary(String gitlab, String canonical) {
        String body =
                """
                {"object_kind": "deployment", "status": "%s", "deployment_id": 7,
                 "status_changed_at": "2026-03-02 10:00:00 UTC", "environment": "production",
                 "sha": "9fceb02d0ae598e95dc970b74767f19372d61af8",
                 "project": {"path_with_namespace": "acme/shop"}}
                """
                        .formatted(gitlab);
        assertThat(GitLabParser.parse(gitlab("Deployment Hook", body)).get(0).deployment().status())
                .isEqualTo(canonical);
    }

    @Test
    void corpusPipelineCountsWhenItsNameMatchesAConfiguredPattern() throws IOException {
        ParserSettings pipelinesForBranches =
                new ParserSettings(
                        Pattern.compile("(?i)^pipeline for branch"),
                        ParserSettings.DEFAULT_INCIDENT_LABEL,
                        Pattern.compile(JobSettings.DEFAULT_PRODUCTION_PATTERN));
        List<CanonicalEvent> events =
                GitLabParser.parse(
                        fixtureEnvelope("pipeline/go-scm__pipeline_hook.json"),
                        pipelinesForBranches);

        DeploymentStatusEvent expected =
                new DeploymentStatusEvent(
                        "gitlab",
                        "pipeline-31",
                        "gitlab-org/gitlab-test",
                        "bcbb5ec396a2c0f828686f14fac9b80b780504f2",
                        "master",
                        "production", // the job "production" declares environment production
                        "success",
                        Instant.parse("2016-08-12T15:23:28Z"),
                        Instant.parse("2016-08-12T15:26:29Z"),
                        null,
                        "Pipeline for branch: master",
                        null,
                        null);
        assertThat(events)
                .containsExactly(CanonicalEvent.of("evt-1", "gitlab-org/gitlab-test", expected));
    }

    @Test
    void failedDeployPipelineWithoutEnvironmentIsAFailedProductionAttempt() {
        String body =
                """
                {"object_kind": "pipeline",
                 "object_attributes": {"id": 4711, "name": "Deploy checkout", "ref": "main",
                   "sha": "9fceb02d0ae598e95dc970b74767f19372d61af8", "status": "failed",
                   "stages": ["build", "ship"],
                   "created_at": "2026-03-02 11:00:00 +0100",
                   "finished_at": "2026-03-02 11:04:10 +0100"},
                 "project": {"path_with_namespace": "acme/checkout", "default_branch": "main"},
                 "builds": [{"id": 1, "stage": "ship", "name": "ship", "status": "failed"}]}
                """;
        List<CanonicalEvent> events = GitLabParser.parse(gitlab("Pipeline Hook", body));

        DeploymentStatusEvent expected =
                new DeploymentStatusEvent(
                        "gitlab",
                        "pipeline-4711",
                        "acme/checkout",
                        "9fceb02d0ae598e95dc970b74767f19372d61af8",
                        "main",
                        "production",
                        "failure",
                        Instant.parse("2026-03-02T10:00:00Z"),
                        Instant.parse("2026-03-02T10:04:10Z"),
                        null,
                        "Deploy checkout",
                        null,
                        null);
        assertThat(events).containsExactly(CanonicalEvent.of("evt-1", "acme/checkout", expected));
    }

    @Test
    void runningDeployPipelineTakesTheProductionTierJobsEnvironment() {
        String body =
                """
                {"object_kind": "pipeline",
                 "object_attributes": {"id": 12, "name": "release train", "ref": "main",
                   "sha": "9fceb02d0ae598e95dc970b74767f19372d61af8", "status": "running",
                   "created_at": "2026-03-02T10:00:00Z", "finished_at": null},
                 "project": {"path_with_namespace": "acme/checkout"},
                 "builds": [
                   {"name": "to-staging", "environment": {"name": "staging",
                                                         "deployment_tier": "staging"}},
                   {"name": "to-prod", "environment": {"name": "prod-eu",
                                                      "deployment_tier": "production"}}]}
                """;
        DeploymentStatusEvent d =
                GitLabParser.parse(gitlab("Pipeline Hook", body)).get(0).deployment();

        assertThat(d.environment()).isEqualTo("prod-eu");
        assertThat(d.status()).isEqualTo("in_progress");
        assertThat(d.isFinal()).isFalse();
        assertThat(d.statusAt()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
    }

    // ---- incidents ----

    @Test
    void issueLabelledIncidentNamesItsRootCause() {
        String body =
                """
                {"object_kind": "issue", "event_type": "issue",
                 "project": {"path_with_namespace": "acme/shop", "default_branch": "main"},
                 "object_attributes": {"id": 301, "iid": 23, "title": "Checkout returns 500",
                   "description": "Customers cannot pay.\\n\\nRoot cause: 9FCEB02D0AE598E95DC970B74767F19372D61AF8\\n",
                   "state": "closed", "action": "close",
                   "created_at": "2026-03-02 11:00:00 UTC",
                   "updated_at": "2026-03-02 11:40:05 UTC",
                   "closed_at": "2026-03-02 11:40:00 UTC"},
                 "labels": [{"id": 1, "title": "bug"}, {"id": 2, "title": "Incident"}]}
                """;
        List<CanonicalEvent> events = GitLabParser.parse(gitlab("Issue Hook", body));

        IncidentEvent expected =
                new IncidentEvent(
                        "gitlab",
                        "acme/shop#23",
                        "acme/shop",
                        "Checkout returns 500",
                        IncidentEvent.RESOLVED,
                        null,
                        Instant.parse("2026-03-02T11:00:00Z"),
                        Instant.parse("2026-03-02T11:40:00Z"),
                        null,
                        "9fceb02d0ae598e95dc970b74767f19372d61af8",
                        Instant.parse("2026-03-02T11:40:05Z"));
        assertThat(events).containsExactly(CanonicalEvent.of("evt-1", "acme/shop", expected));
    }

    @Test
    void openIncidentWithoutRootCause() {
        String body =
                """
                {"object_kind": "issue",
                 "project": {"path_with_namespace": "acme/shop"},
                 "object_attributes": {"iid": 24, "title": "Slow search", "state": "opened",
                   "severity": "high", "description": "p95 over 3 s, cause unknown",
                   "created_at": "2026-03-02T12:00:00+01:00", "closed_at": null,
                   "labels": [{"title": "INCIDENT"}]}}
                """;
        IncidentEvent incident = GitLabParser.parse(gitlab("Issue Hook", body)).get(0).incident();

        assertThat(incident.status()).isEqualTo(IncidentEvent.OPEN);
        assertThat(incident.severity()).isEqualTo("high");
        assertThat(incident.openedAt()).isEqualTo(Instant.parse("2026-03-02T11:00:00Z"));
        assertThat(incident.occurredAt()).isEqualTo(incident.openedAt());
        assertThat(incident.resolvedAt()).isNull();
        assertThat(incident.causedBySha()).isNull();
    }

    @Test
    void issueWithoutTheIncidentLabelYieldsNothing() {
        String body =
                """
                {"object_kind": "issue", "project": {"path_with_namespace": "acme/shop"},
                 "object_attributes": {"iid": 25, "state": "opened",
                   "created_at": "2026-03-02 12:00:00 UTC"},
                 "labels": [{"title": "incident-review"}]}
                """;
        assertThat(GitLabParser.parse(gitlab("Issue Hook", body))).isEmpty();
    }

    // ---- object_kind, header and rejections ----

    @Test
    void objectKindDecidesOverTheHeader() throws IOException {
        // A system hook sends its own header with a push body.
        byte[] push =
                Files.readAllBytes(sharedFixtures("gitlab").resolve("push/go-gitlab__push.json"));
        assertThat(GitLabParser.parse(gitlab("System Hook", push))).hasSize(1);
    }

    @Test
    void headerDecidesWhenTheBodyHasNoObjectKind() {
        String body =
                """
                {"ref": "refs/heads/main", "before": "%s", "after": "%s", "commits": [],
                 "project": {"path_with_namespace": "acme/shop", "default_branch": "main"}}
                """
                        .formatted("0".repeat(40), "9fceb02d0ae598e95dc970b74767f19372d61af8");
        assertThat(GitLabParser.parse(gitlab("Push Hook", body)))
                .singleElement()
                .satisfies(e -> assertThat(e.push().toDefaultBranch()).isTrue());
        assertThat(GitLabParser.parse(gitlab("Note Hook", body))).isEmpty();
    }

    @Test
    void bodyThatIsNotJsonIsRejected() {
        assertThatThrownBy(() -> GitLabParser.parse(gitlab("Push Hook", "object_kind=push")))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessageStartingWith("body is not JSON");
    }

    @Test
    void jsonThatIsNotAnObjectIsRejected() {
        assertThatThrownBy(() -> GitLabParser.parse(gitlab("Push Hook", "[]")))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage("body is not a JSON object");
    }

    @Test
    void pushWithoutProjectIsRejectedNamingTheField() {
        String body =
                """
                {"object_kind": "push", "ref": "refs/heads/main",
                 "before": "95790bf891e76fee5e1747ab589903a6a1f80f22",
                 "after": "da1560886d4f094c3e6c9ef40349f7d38b5d27d7",
                 "repository": {"name": "shop"}, "commits": []}
                """;
        assertThatThrownBy(() -> GitLabParser.parse(gitlab("Push Hook", body)))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage("missing field 'project'");
    }

    @Test
    void deploymentWithoutProjectPathIsRejectedNamingTheField() {
        String body =
                """
                {"object_kind": "deployment", "status": "success", "deployment_id": 7,
                 "status_changed_at": "2026-03-02 10:00:00 UTC", "environment": "production",
                 "project": {"name": "shop"}}
                """;
        assertThatThrownBy(() -> GitLabParser.parse(gitlab("Deployment Hook", body)))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage("missing field 'project.path_with_namespace'");
    }

    @Test
    void commitTimeWithoutZoneIsRejectedNamingTheCommit() {
        String body =
                """
                {"object_kind": "push", "ref": "refs/heads/main",
                 "before": "95790bf891e76fee5e1747ab589903a6a1f80f22",
                 "after": "da1560886d4f094c3e6c9ef40349f7d38b5d27d7",
                 "project": {"path_with_namespace": "acme/shop"},
                 "commits": [{"id": "da1560886d4f094c3e6c9ef40349f7d38b5d27d7",
                              "timestamp": "2026-03-02 10:00:00"}]}
                """;
        assertThatThrownBy(() -> GitLabParser.parse(gitlab("Push Hook", body)))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage(
                        "time 'commits[0].timestamp' is not a GitLab time with a zone:"
                                + " 2026-03-02 10:00:00");
    }

    @Test
    void parsersRouteTheGitLabSource() throws IOException {
        assertThat(Parsers.parse(fixtureEnvelope("merge_request/go-scm__pull_request_merge.json")))
                .singleElement()
                .satisfies(e -> assertThat(e.pullRequest().merged()).isTrue());
    }

    // ---- times ----

    @ParameterizedTest
    @CsvSource({
        "2013-12-03T17:23:34Z, 2013-12-03T17:23:34Z",
        "2011-12-12T14:27:31+02:00, 2011-12-12T12:27:31Z",
        "2017-12-10T08:28:36-08:00, 2017-12-10T16:28:36Z",
        "2025-03-19T16:19:36.993+08:00, 2025-03-19T08:19:36.993Z",
        "2016-08-12 15:23:28 UTC, 2016-08-12T15:23:28Z",
        "2021-04-28 21:50:00 +0200, 2021-04-28T19:50:00Z",
        "2021-04-28 21:50:00 -0130, 2021-04-28T23:20:00Z"
    })
    void everyGitLabTimeFormatBecomesUtc(String gitlab, String utc) {
        assertThat(GitLabTime.parse(gitlab)).isEqualTo(Instant.parse(utc));
    }

    @ParameterizedTest
    @CsvSource({"2016-08-12 15:23:28", "2016-08-12T15:23:28", "12/08/2016", "''"})
    void timesWithoutZoneAreNotGuessed(String text) {
        assertThat(GitLabTime.parse(text)).isNull();
    }

    // ---- helpers ----

    private static List<CanonicalEvent> parseFixture(String name) throws IOException {
        return GitLabParser.parse(fixtureEnvelope(name));
    }

    /** A corpus file as ingest would wrap it, with the header GitLab sends for its directory. */
    private static RawEnvelope fixtureEnvelope(String name) throws IOException {
        Path file = sharedFixtures("gitlab").resolve(name);
        String header =
                name.contains("tag_push")
                        ? "Tag Push Hook"
                        : HEADER_OF_DIRECTORY.get(name.substring(0, name.indexOf('/')));
        return gitlab(header, Files.readAllBytes(file));
    }

    private static RawEnvelope gitlab(String header, byte[] body) {
        return new RawEnvelope(
                "evt-1",
                "gitlab",
                header,
                "delivery-1",
                RECEIVED,
                Map.of("x-gitlab-event", header),
                body);
    }

    private static RawEnvelope gitlab(String header, String body) {
        return gitlab(header, body.getBytes(StandardCharsets.UTF_8));
    }
}
