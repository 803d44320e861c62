package dev.dora.app;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dora.events.CanonicalEvent;
import dev.dora.events.DeploymentStatusEvent;
import dev.dora.events.IncidentEvent;
import dev.dora.events.PullRequestEvent;
import dev.dora.events.PushEvent;
import dev.dora.events.RawEnvelope;
import dev.dora.jobs.CanonicalChecks;
import dev.dora.jobs.ParseEnvelopes;
import dev.dora.jobs.ParserSettings;
import dev.dora.jobs.Parsers;
import dev.dora.jobs.UnparseableEventException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Every webhook sample of the shared corpus, from HTTP to canonical events, without Kafka: each
 * file is posted as its vendor would send it to the real webhook routes, and the envelope ingest
 * stores is parsed as the streaming job's parse step does ({@link Parsers}, then {@link
 * CanonicalChecks} on every event, as in {@link ParseEnvelopes}). {@link #EXPECTED} gives the
 * outcome of every file; a file it does not list fails, so a new fixture gets a decision.
 *
 * <p>The parsers' own tests check every field; {@link #SPOT_CHECKS} only shows the mapping end to
 * end, for one file per source and event type that yields events. The class is longer than most
 * because of these two tables, which are data.
 */
class FixtureConformanceTest {

    /** Files of the corpus that are not webhook bodies, with the reason. */
    private static final Map<String, String> NOT_WEBHOOKS =
            Map.of(
                    "README.md", "the corpus's provenance table",
                    "signing-test-vectors.json",
                            "sidecar: HMAC known answers of GitHub, CircleCI and PagerDuty",
                    "pagerduty/v3/go-pagerduty__webhookv3_test.signature.json",
                            "sidecar: the secret and X-PagerDuty-Signature of the defaultBody file");

    /**
     * What the job makes of each file, one line per file: {@code <n> <kinds>} (the canonical
     * events, in order), {@code 0: <why nothing is made>} or {@code rejected: <part of the reason>}
     * (the envelope goes to {@code rejected_events}).
     */
    private static final Map<String, Outcome> EXPECTED =
            Outcome.table(
                    """
            bitbucket-cloud/go-scm__pipeline_hook_created.json                             0: commit statuses are not used
            bitbucket-cloud/go-scm__pipeline_hook_update.json                              0: commit statuses are not used
            bitbucket-cloud/go-scm__pr_created.json                                        1 pull_request
            bitbucket-cloud/go-scm__pr_declined.json                                       1 pull_request
            bitbucket-cloud/go-scm__pr_fulfilled.json                                      1 pull_request
            bitbucket-cloud/go-scm__push.json                                              1 push
            cdevents/sdk-java/pipelinerun_finished_optional.json                           0: a pipeline run without a name is no deploy pipeline
            cdevents/spec-v0.4.1/artifact_packaged.json                                    0: event type not used
            cdevents/spec-v0.4.1/artifact_published.json                                   0: event type not used
            cdevents/spec-v0.4.1/change_created.json                                       0: event type not used
            cdevents/spec-v0.4.1/change_merged.json                                        1 pull_request
            cdevents/spec-v0.4.1/environment_created.json                                  0: event type not used
            cdevents/spec-v0.4.1/incident_detected.json                                    1 incident
            cdevents/spec-v0.4.1/incident_reported.json                                    1 incident
            cdevents/spec-v0.4.1/incident_resolved.json                                    1 incident
            cdevents/spec-v0.4.1/pipelinerun_finished.json                                 0: 'myPipeline' is no deploy pipeline
            cdevents/spec-v0.4.1/service_deployed.json                                     1 deployment
            cdevents/spec-v0.4.1/service_rolledback.json                                   1 deployment
            cdevents/spec-v0.4.1/service_upgraded.json                                     1 deployment
            cdevents/spec-v0.5.1/artifact_packaged.json                                    0: event type not used
            cdevents/spec-v0.5.1/artifact_published.json                                   0: event type not used
            cdevents/spec-v0.5.1/change_created.json                                       0: event type not used
            cdevents/spec-v0.5.1/change_merged.json                                        1 pull_request
            cdevents/spec-v0.5.1/environment_created.json                                  0: event type not used
            cdevents/spec-v0.5.1/incident_detected.json                                    1 incident
            cdevents/spec-v0.5.1/incident_reported.json                                    1 incident
            cdevents/spec-v0.5.1/incident_resolved.json                                    1 incident
            cdevents/spec-v0.5.1/pipelinerun_finished.json                                 0: 'myPipeline' is no deploy pipeline
            cdevents/spec-v0.5.1/service_deployed.json                                     1 deployment
            cdevents/spec-v0.5.1/service_rolledback.json                                   1 deployment
            cdevents/spec-v0.5.1/service_upgraded.json                                     1 deployment
            circleci/circleci-docs__job-completed.github-oauth-bitbucket-cloud.json        0: jobs are not used: the workflow is the attempt
            circleci/circleci-docs__job-completed.gitlab-githubapp-bitbucket-dc.json       0: jobs are not used: the workflow is the attempt
            circleci/circleci-docs__workflow-completed.github-oauth-bitbucket-cloud.json   1 deployment
            circleci/circleci-docs__workflow-completed.gitlab-githubapp-bitbucket-dc.json  0: workflow 'build' is no deploy workflow
            github/check_run/completed.1.payload.json                                      0: event type not used
            github/check_run/completed.payload.json                                        0: event type not used
            github/check_suite/completed.1.payload.json                                    0: event type not used
            github/check_suite/completed.payload.json                                      0: event type not used
            github/deployment/gh-pages.payload.json                                        1 deployment
            github/deployment/payload.json                                                 1 deployment
            github/deployment/with-installation.payload.json                               1 deployment
            github/deployment_status/gh-pages.payload.json                                 1 deployment
            github/deployment_status/payload.json                                          1 deployment
            github/deployment_status/with-installation.payload.json                        1 deployment
            github/deployment_status/zulip__deployment_status__failure.json                1 deployment
            github/issues/labeled.payload.json                                             0: no 'incident' label: an ordinary issue
            github/issues/opened.payload.json                                              0: no 'incident' label: an ordinary issue
            github/issues/reopened.payload.json                                            0: no 'incident' label: an ordinary issue
            github/issues/zulip__issues__closed.json                                       0: no 'incident' label: an ordinary issue
            github/ping/payload.json                                                       0: event type not used
            github/ping/with-app_id.payload.json                                           0: event type not used
            github/ping/with-organization.payload.json                                     0: event type not used
            github/pull_request/closed.payload.json                                        1 pull_request
            github/pull_request/opened.payload.json                                        1 pull_request
            github/pull_request/reopened.payload.json                                      1 pull_request
            github/pull_request/repo-automation-bots__pull_request_merged.json             1 pull_request
            github/pull_request/synchronize.payload.json                                   1 pull_request
            github/push/hub4j-github-api__push.json                                        1 push
            github/push/payload.json                                                       0: a tag moves no branch
            github/push/with-new-branch.payload.json                                       1 push
            github/push/with-no-username-committer.payload.json                            1 push
            github/release/created.payload.json                                            0: event type not used
            github/release/published.payload.json                                          0: event type not used
            github/release/released.json                                                   0: event type not used
            github/status/payload.json                                                     0: event type not used
            github/workflow_job/completed.failure.with-organization.payload.json           0: event type not used
            github/workflow_job/completed.success.with-organization.payload.json           0: event type not used
            github/workflow_job/in_progress.payload.json                                   0: event type not used
            github/workflow_job/queued.with-deployment.payload.json                        0: event type not used
            github/workflow_run/completed.payload.json                                     0: workflow 'test' is no deploy workflow
            github/workflow_run/completed.with-pull-requests.payload.json                  0: workflow 'test' is no deploy workflow
            github/workflow_run/hub4j-github-api__workflow_run.json                        0: workflow 'CI' is no deploy workflow
            github/workflow_run/requested.payload.json                                     0: a requested run is not finished
            gitlab/deployment/go-gitlab__deployment.json                                   1 deployment
            gitlab/deployment/go-playground__deployment-event.json                         1 deployment
            gitlab/job/go-gitlab__build.json                                               0: event type not used (jobs deploy via the Deployment Hook)
            gitlab/job/go-gitlab__job.json                                                 0: event type not used (jobs deploy via the Deployment Hook)
            gitlab/job/go-playground__job-event.json                                       0: event type not used (jobs deploy via the Deployment Hook)
            gitlab/merge_request/go-gitlab__merge_request.json                             1 pull_request
            gitlab/merge_request/go-scm__pull_request_close.json                           1 pull_request
            gitlab/merge_request/go-scm__pull_request_create.json                          1 pull_request
            gitlab/merge_request/go-scm__pull_request_merge.json                           1 pull_request
            gitlab/pipeline/go-gitlab__pipeline.json                                       0: an unnamed pipeline is no deploy pipeline
            gitlab/pipeline/go-playground__pipeline-event.json                             0: 'pipeline_name' is no deploy pipeline
            gitlab/pipeline/go-scm__pipeline_hook.json                                     0: 'Pipeline for branch: master' is no deploy pipeline
            gitlab/push/go-gitlab__push.json                                               1 push
            gitlab/push/go-gitlab__tag_push.json                                           0: a tag moves no branch
            gitlab/push/go-scm__push_merge.json                                            1 push
            gitlab/release/go-gitlab__release.json                                         0: event type not used
            opsgenie/zulip__acknowledge.json                                               1 incident
            opsgenie/zulip__close.json                                                     1 incident
            opsgenie/zulip__create.json                                                    1 incident
            pagerduty/v3/developer-docs__event-data-type.incident.json                     rejected: missing field 'event'
            pagerduty/v3/developer-docs__incident.priority_updated.json                    0: a priority change is no state change
            pagerduty/v3/developer-docs__service.updated.json                              0: event type not used
            pagerduty/v3/go-pagerduty__webhookv3_test.defaultBody.json                     0: a priority change is no state change
            pagerduty/v3/zulip__acknowledged_v3.json                                       1 incident
            pagerduty/v3/zulip__resolved_v3.json                                           1 incident
            pagerduty/v3/zulip__triggered_v3.json                                          1 incident
            """);

    /**
     * A few key fields, for one file per source and event type that yields events. GitHub's {@code
     * workflow_run} and {@code issues}, GitLab's pipelines and CDEvents' {@code pipelinerun} have
     * no file here that yields one (see {@link #EXPECTED}).
     */
    private static final Map<String, Consumer<List<CanonicalEvent>>> SPOT_CHECKS =
            Map.ofEntries(
                    entry(
                            "bitbucket-cloud/go-scm__push.json",
                            push(
                                    "brydzewski/foo",
                                    "master",
                                    "141977fedf5cf35aa290ac87d4b5177ac4cd9de1",
                                    RecordingIngest.RECEIVED.toString())),
                    entry(
                            "bitbucket-cloud/go-scm__pr_created.json",
                            pullRequest(
                                    "brydzewski/foo",
                                    "1",
                                    "opened",
                                    "2018-07-02T21:51:39.492248Z")),
                    entry(
                            "bitbucket-cloud/go-scm__pr_declined.json",
                            pullRequest(
                                    "brydzewski/foo",
                                    "2",
                                    "closed",
                                    "2018-07-03T01:44:00.030575Z")),
                    entry(
                            "bitbucket-cloud/go-scm__pr_fulfilled.json",
                            pullRequest(
                                    "brydzewski/foo",
                                    "1",
                                    "merged",
                                    "2018-07-03T01:28:05.903251Z")),
                    entry(
                            "cdevents/spec-v0.5.1/change_merged.json",
                            pullRequest(
                                    "TestRepo/TestOrg",
                                    "mySubject123",
                                    "merged",
                                    "2023-03-20T14:27:05.315384Z")),
                    entry(
                            "cdevents/spec-v0.5.1/service_deployed.json",
                            deployment(
                                    "mySubject123",
                                    "271069a8-fc18-44f1-b38f-9d70a1695819",
                                    "test123",
                                    "success",
                                    "2023-03-20T14:27:05.315384Z")),
                    entry(
                            "cdevents/spec-v0.5.1/service_upgraded.json",
                            deployment(
                                    "mySubject123",
                                    "271069a8-fc18-44f1-b38f-9d70a1695819",
                                    "test123",
                                    "success",
                                    "2023-03-20T14:27:05.315384Z")),
                    entry(
                            "cdevents/spec-v0.5.1/service_rolledback.json",
                            deployment(
                                    "mySubject123",
                                    "271069a8-fc18-44f1-b38f-9d70a1695819",
                                    "test123",
                                    "success",
                                    "2023-03-20T14:27:05.315384Z")),
                    entry(
                            "cdevents/spec-v0.5.1/incident_detected.json",
                            incident("myApp", "incident-123", "open", "2022-11-11T13:52:20.079Z")),
                    entry(
                            "cdevents/spec-v0.5.1/incident_reported.json",
                            incident("myApp", "incident-123", "open", "2022-11-11T13:52:20.079Z")),
                    entry(
                            "cdevents/spec-v0.5.1/incident_resolved.json",
                            incident(
                                    "myApp",
                                    "incident-123",
                                    "resolved",
                                    "2022-11-11T13:52:20.079Z")),
                    entry(
                            "circleci/circleci-docs__workflow-completed.github-oauth-bitbucket-cloud.json",
                            deployment(
                                    "circleci/webhook-service",
                                    "fda08377-fe7e-46b1-8992-3a7aaecac9c3",
                                    "production",
                                    "success",
                                    "2021-09-01T22:49:34.170Z")),
                    entry(
                            "github/push/with-new-branch.payload.json",
                            push(
                                    "Codertocat/Hello-World",
                                    "master",
                                    "6113728f27ae82c7b1a177c8d03f9e96e0adf246",
                                    "2019-05-15T15:20:57Z")),
                    entry(
                            "github/deployment/payload.json",
                            deployment(
                                    "Codertocat/Hello-World",
                                    "145988746",
                                    "production",
                                    "queued",
                                    "2019-05-15T15:20:53Z")),
                    entry(
                            "github/deployment_status/zulip__deployment_status__failure.json",
                            deployment(
                                    "baxterthehacker/public-repo",
                                    "710692",
                                    "production",
                                    "failure",
                                    "2015-05-05T23:40:39Z")),
                    entry(
                            "github/pull_request/repo-automation-bots__pull_request_merged.json",
                            pullRequest(
                                    "Codertocat/Hello-World",
                                    "2",
                                    "merged",
                                    "2019-05-15T15:20:33Z")),
                    entry(
                            "gitlab/push/go-scm__push_merge.json",
                            push(
                                    "gitlab-org/hello-world",
                                    "master",
                                    "78a76ee6b4992a6baf64c59fc4c44c7323d60438",
                                    RecordingIngest.RECEIVED.toString())),
                    entry(
                            "gitlab/merge_request/go-scm__pull_request_merge.json",
                            pullRequest(
                                    "gitlab-org/hello-world",
                                    "1",
                                    "merged",
                                    "2017-12-10T17:08:07Z")),
                    entry(
                            "gitlab/deployment/go-gitlab__deployment.json",
                            // status_changed_at "2021-04-28 21:50:00 +0200", converted to UTC
                            deployment(
                                    "root/test-deployment-webhooks",
                                    "15",
                                    "staging",
                                    "success",
                                    "2021-04-28T19:50:00Z")),
                    entry(
                            "opsgenie/zulip__create.json",
                            // updatedAt is in epoch nanoseconds, createdAt in milliseconds
                            incident(
                                    "Server",
                                    "ec03dad6-62c8-4c94-b38b-d88f398e900f",
                                    "open",
                                    "2017-08-14T11:25:56.288000110Z")),
                    entry(
                            "opsgenie/zulip__acknowledge.json",
                            incident(
                                    "fili@ifountain.com",
                                    "052652ac-5d1c-464a-812a-7dd18bbfba8c",
                                    "acknowledged",
                                    "2015-01-05T10:03:44.764002246Z")),
                    entry(
                            "opsgenie/zulip__close.json",
                            incident(
                                    "fili@ifountain.com",
                                    "052652ac-5d1c-464a-812a-7dd18bbfba8c",
                                    "resolved",
                                    "2015-01-05T10:06:14.669001603Z")),
                    entry(
                            "pagerduty/v3/zulip__triggered_v3.json",
                            incident("PA2P440", "PFQZPSY", "open", "2021-06-04T13:35:29.781Z")),
                    entry(
                            "pagerduty/v3/zulip__acknowledged_v3.json",
                            incident(
                                    "PA2P440",
                                    "PQ1K5C8",
                                    "acknowledged",
                                    "2021-06-04T13:55:30.394Z")),
                    entry(
                            "pagerduty/v3/zulip__resolved_v3.json",
                            incident(
                                    "PA2P440", "PCPZE64", "resolved", "2021-06-04T13:16:53.816Z")));

    /** One file per source, for the redelivery test. */
    private static final List<String> REDELIVERED =
            List.of(
                    "github/push/with-new-branch.payload.json",
                    "gitlab/push/go-gitlab__push.json",
                    "bitbucket-cloud/go-scm__push.json",
                    "circleci/circleci-docs__workflow-completed.github-oauth-bitbucket-cloud.json",
                    "pagerduty/v3/zulip__triggered_v3.json",
                    "opsgenie/zulip__create.json",
                    "cdevents/spec-v0.5.1/service_deployed.json");

    @TestFactory
    Stream<DynamicTest> everyFixtureIsAcceptedAndParsedAsExpected() {
        Path root = fixtures();
        FixtureDeliveries deliveries = new FixtureDeliveries(root);
        return webhookFiles(root).stream()
                .map(path -> forFile(path, () -> conforms(deliveries, path)));
    }

    /**
     * The same delivery twice, one file per source: a {@code 202}, then a {@code 200} that says it
     * is a duplicate, and a single envelope stored.
     */
    @TestFactory
    Stream<DynamicTest> aRedeliveryIsAnsweredAsDuplicateAndStoredOnce() {
        FixtureDeliveries deliveries = new FixtureDeliveries(fixtures());
        return REDELIVERED.stream().map(path -> forFile(path, () -> storedOnce(deliveries, path)));
    }

    /** The tables name only files that exist, so a renamed or removed fixture is noticed too. */
    @Test
    void theTablesNameOnlyExistingFiles() {
        Path root = fixtures();
        List<String> files = webhookFiles(root);
        assertThat(EXPECTED.keySet()).allSatisfy(path -> assertThat(files).contains(path));
        assertThat(SPOT_CHECKS.keySet()).allSatisfy(path -> assertThat(files).contains(path));
        assertThat(REDELIVERED).allSatisfy(path -> assertThat(files).contains(path));
        assertThat(NOT_WEBHOOKS.keySet())
                .allSatisfy(path -> assertThat(root.resolve(path)).isRegularFile());
    }

    /** One dynamic test per file, named by its path; its failures name the file too. */
    private static DynamicTest forFile(String path, Executable check) {
        return DynamicTest.dynamicTest(
                path,
                () -> {
                    try {
                        check.execute();
                    } catch (AssertionError e) {
                        throw new AssertionError(path + ": " + e.getMessage(), e);
                    }
                });
    }

    private static void storedOnce(FixtureDeliveries deliveries, String path) {
        try (RecordingIngest ingest = new RecordingIngest()) {
            HttpRequest request = deliveries.request(ingest.base(), path, deliveryId(path));
            HttpResponse<String> first = ingest.send(request);
            HttpResponse<String> again = ingest.send(request);

            assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            JsonNode answer = RecordingIngest.json(again);
            assertThat(answer.path("duplicate").asBoolean()).isTrue();
            assertThat(answer.path("delivery_id").asText())
                    .isEqualTo(RecordingIngest.json(first).path("delivery_id").asText());
            assertThat(ingest.envelopes).hasSize(1);
        }
    }

    private static void conforms(FixtureDeliveries deliveries, String path) {
        String source = FixtureDeliveries.source(path);
        if (source == null) {
            fail(
                    "under no webhook source's directory: map it in FixtureDeliveries.source or"
                            + " list it in NOT_WEBHOOKS");
        }
        try (RecordingIngest ingest = new RecordingIngest()) {
            HttpResponse<String> answer =
                    ingest.send(deliveries.request(ingest.base(), path, deliveryId(path)));

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
            assertThat(ingest.envelopes).hasSize(1);
            RawEnvelope envelope = ingest.envelopes.get(0);
            assertThat(RecordingIngest.json(answer).path("event_id").asText())
                    .isNotBlank()
                    .isEqualTo(envelope.eventId());
            assertThat(envelope.source()).isEqualTo(source);
            assertThat(envelope.body()).isEqualTo(deliveries.bytes(path));

            Parsed parsed = parse(envelope);
            Outcome expected = EXPECTED.get(path);
            if (expected == null) {
                fail(
                        "no expected outcome in FixtureConformanceTest.EXPECTED; it now gives '"
                                + parsed
                                + "'");
            }
            expected.check(parsed);
            for (CanonicalEvent event : parsed.events()) {
                assertThat(event.eventId()).isEqualTo(envelope.eventId());
                assertThat(payloadSource(event)).isEqualTo(source);
            }
            SPOT_CHECKS.getOrDefault(path, events -> {}).accept(parsed.events());
        }
    }

    /**
     * The job's parse step ({@link ParseEnvelopes#processElement}): the events, or the reason the
     * envelope goes to {@code rejected_events}.
     */
    private static Parsed parse(RawEnvelope envelope) {
        try {
            List<CanonicalEvent> events = Parsers.parse(envelope, ParserSettings.defaults());
            for (CanonicalEvent event : events) {
                String problem = CanonicalChecks.problem(event);
                if (problem != null) {
                    throw new UnparseableEventException(problem);
                }
            }
            return new Parsed(events, null);
        } catch (UnparseableEventException e) {
            return new Parsed(List.of(), e.getMessage());
        }
    }

    private record Parsed(List<CanonicalEvent> events, String rejection) {
        List<String> kinds() {
            return events.stream().map(FixtureConformanceTest::kind).toList();
        }

        @Override
        public String toString() {
            if (rejection != null) {
                return "rejected: " + rejection;
            }
            return events.isEmpty() ? "0 events" : events.size() + " " + String.join(", ", kinds());
        }
    }

    /**
     * An expected outcome: canonical events of these kinds, in order (none when ignored), or a
     * rejection whose reason contains {@code rejection}.
     */
    private record Outcome(List<String> kinds, String rejection, String text) {
        private static final Pattern EVENTS = Pattern.compile("(\\d+) (\\w+(?:, \\w+)*)");

        /** The table of {@link #EXPECTED}: a path, blanks, then the outcome. */
        static Map<String, Outcome> table(String lines) {
            Map<String, Outcome> table = new LinkedHashMap<>();
            for (String line : lines.strip().split("\n")) {
                String[] pathAndOutcome = line.strip().split("\\s+", 2);
                if (table.put(pathAndOutcome[0], parse(pathAndOutcome[1])) != null) {
                    throw new IllegalArgumentException("listed twice: " + pathAndOutcome[0]);
                }
            }
            return table;
        }

        static Outcome parse(String text) {
            if (text.startsWith("rejected: ")) {
                return new Outcome(List.of(), text.substring("rejected: ".length()), text);
            }
            if (text.startsWith("0: ")) {
                return new Outcome(List.of(), null, text);
            }
            Matcher m = EVENTS.matcher(text);
            if (!m.matches()) {
                throw new IllegalArgumentException("not an outcome: '" + text + "'");
            }
            List<String> kinds = List.of(m.group(2).split(", "));
            if (kinds.size() != Integer.parseInt(m.group(1))) {
                throw new IllegalArgumentException("count and kinds disagree: '" + text + "'");
            }
            return new Outcome(kinds, null, text);
        }

        void check(Parsed parsed) {
            if (rejection != null) {
                assertThat(parsed.rejection())
                        .as("expected '%s', got '%s'", text, parsed)
                        .isNotNull()
                        .contains(rejection);
            } else {
                assertThat(parsed.rejection()).as("expected '%s'", text).isNull();
                assertThat(parsed.kinds()).as("expected '%s'", text).isEqualTo(kinds);
            }
        }
    }

    private static String kind(CanonicalEvent e) {
        long set =
                Stream.of(
                                e.push(),
                                e.deployment(),
                                e.pullRequest(),
                                e.incident(),
                                e.surveyResponse(),
                                e.serviceCreated(),
                                e.platformRequest())
                        .filter(Objects::nonNull)
                        .count();
        assertThat(set).as("payloads set in %s", e).isEqualTo(1);
        if (e.push() != null) {
            return "push";
        } else if (e.deployment() != null) {
            return "deployment";
        } else if (e.pullRequest() != null) {
            return "pull_request";
        } else if (e.serviceCreated() != null) {
            return "service_created";
        } else if (e.platformRequest() != null) {
            return "platform_request";
        } else if (e.surveyResponse() != null) {
            return "survey_response";
        }
        return "incident";
    }

    private static String payloadSource(CanonicalEvent e) {
        if (e.push() != null) {
            return e.push().source();
        } else if (e.deployment() != null) {
            return e.deployment().source();
        } else if (e.pullRequest() != null) {
            return e.pullRequest().source();
        }
        return e.incident().source();
    }

    private static CanonicalEvent first(List<CanonicalEvent> events, String kind) {
        return events.stream()
                .filter(e -> kind(e).equals(kind))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " among " + events));
    }

    private static Consumer<List<CanonicalEvent>> push(
            String service, String branch, String after, String pushedAt) {
        return events -> {
            CanonicalEvent e = first(events, "push");
            PushEvent p = e.push();
            assertThat(e.service()).isEqualTo(service);
            assertThat(List.of(p.repo(), p.branch(), p.after()))
                    .containsExactly(service, branch, after);
            assertThat(p.pushedAt()).isEqualTo(Instant.parse(pushedAt));
        };
    }

    private static Consumer<List<CanonicalEvent>> deployment(
            String service, String id, String environment, String status, String statusAt) {
        return events -> {
            CanonicalEvent e = first(events, "deployment");
            DeploymentStatusEvent d = e.deployment();
            assertThat(e.service()).isEqualTo(service);
            assertThat(List.of(d.deploymentId(), d.environment(), d.status()))
                    .containsExactly(id, environment, status);
            assertThat(d.statusAt()).isEqualTo(Instant.parse(statusAt));
        };
    }

    /** {@code at} is when the request reached its state: merged, closed, else opened. */
    private static Consumer<List<CanonicalEvent>> pullRequest(
            String service, String number, String action, String at) {
        return events -> {
            CanonicalEvent e = first(events, "pull_request");
            PullRequestEvent pr = e.pullRequest();
            assertThat(e.service()).isEqualTo(service);
            assertThat(List.of(pr.number(), pr.action())).containsExactly(number, action);
            assertThat(pr.merged()).isEqualTo(action.equals("merged"));
            Instant stateAt =
                    pr.merged()
                            ? pr.mergedAt()
                            : pr.closedAt() != null ? pr.closedAt() : pr.createdAt();
            assertThat(stateAt).isEqualTo(Instant.parse(at));
        };
    }

    private static Consumer<List<CanonicalEvent>> incident(
            String service, String id, String status, String occurredAt) {
        return events -> {
            CanonicalEvent e = first(events, "incident");
            IncidentEvent i = e.incident();
            assertThat(e.service()).isEqualTo(service);
            assertThat(List.of(i.incidentId(), i.status())).containsExactly(id, status);
            assertThat(i.occurredAt()).isEqualTo(Instant.parse(occurredAt));
        };
    }

    /** A stable, distinct delivery id per file. */
    private static String deliveryId(String path) {
        return UUID.nameUUIDFromBytes(path.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Every file of the corpus except {@link #NOT_WEBHOOKS}, as sorted relative paths. */
    private static List<String> webhookFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .filter(path -> !NOT_WEBHOOKS.containsKey(path))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The corpus root ({@code dora.fixtures}, set by surefire); skips visibly when absent. */
    private static Path fixtures() {
        String configured = System.getProperty("dora.fixtures");
        Path dir =
                (configured != null && !configured.isBlank()
                                ? Path.of(configured)
                                : Path.of("../../shared/fixtures"))
                        .toAbsolutePath()
                        .normalize();
        assumeTrue(
                Files.isDirectory(dir),
                "shared fixtures not found at " + dir + ": skipping the conformance test");
        return dir;
    }
}
