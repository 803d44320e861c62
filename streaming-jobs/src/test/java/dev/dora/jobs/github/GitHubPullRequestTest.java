package dev.dora.jobs.github;

import static dev.dora.jobs.EventFixtures.envelope;
import static dev.dora.jobs.github.GitHubFixtures.parseFixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dora.events.CanonicalEvent;
import dev.dora.events.PullRequestEvent;
import dev.dora.jobs.UnparseableEventException;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GitHub {@code pull_request} on the shared corpus and on hand-written cases. */
class GitHubPullRequestTest {
    private static final String REPO = "Codertocat/Hello-World";
    private static final String HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
    private static final Instant CREATED = Instant.parse("2019-05-15T15:20:33Z");

    @Test
    void mergedPullRequestIsReportedAsMerged() throws IOException {
        // The corpus's only merged sample, edited by repo-automation-bots: merge_commit_sha is the
        // placeholder "abc123" and all three times are equal (fixtures/README.md, CAVEAT). We
        // assert what the file contains; the parser does not validate shas.
        List<CanonicalEvent> events =
                parseFixture("pull_request", "repo-automation-bots__pull_request_merged.json");

        PullRequestEvent expected =
                new PullRequestEvent(
                        "github",
                        REPO,
                        "2",
                        "merged",
                        true,
                        "changes",
                        "master",
                        HEAD,
                        "abc123",
                        CREATED,
                        Instant.parse("2019-05-15T15:20:33Z"),
                        Instant.parse("2019-05-15T15:20:33Z"));
        assertThat(events).containsExactly(CanonicalEvent.of("evt-1", REPO, expected));
    }

    @Test
    void openedPullRequest() throws IOException {
        List<CanonicalEvent> events = parseFixture("pull_request", "opened.payload.json");

        PullRequestEvent expected =
                new PullRequestEvent(
                        "github", REPO, "2", "opened", false, "changes", "master", HEAD, null,
                        CREATED, null, null);
        assertThat(events).containsExactly(CanonicalEvent.of("evt-1", REPO, expected));
    }

    @Test
    void closedWithoutMergeKeepsNoMergeCommit() throws IOException {
        // The payload's merge_commit_sha c4295bd... is GitHub's test merge: it never landed.
        List<CanonicalEvent> events = parseFixture("pull_request", "closed.payload.json");

        PullRequestEvent pr = events.get(0).pullRequest();
        assertThat(pr.action()).isEqualTo("closed");
        assertThat(pr.merged()).isFalse();
        assertThat(pr.mergeCommitSha()).isNull();
        assertThat(pr.mergedAt()).isNull();
        assertThat(pr.closedAt()).isEqualTo(Instant.parse("2019-05-15T15:21:18Z"));
    }

    @Test
    void otherActionsAreReportedLowerCaseAsTheyCome() throws IOException {
        assertThat(parseFixture("pull_request", "synchronize.payload.json"))
                .singleElement()
                .satisfies(e -> assertThat(e.pullRequest().action()).isEqualTo("synchronize"));
        assertThat(parseFixture("pull_request", "reopened.payload.json"))
                .singleElement()
                .satisfies(e -> assertThat(e.pullRequest().action()).isEqualTo("reopened"));
    }

    @Test
    void mergedWithAnOffsetIsConvertedToUtc() {
        String body =
                """
                {"action": "Closed", "number": 812,
                 "pull_request": {"number": 812, "merged": true,
                   "merge_commit_sha": "9fceb02d0ae598e95dc970b74767f19372d61af8",
                   "created_at": "2026-03-01T17:20:00+01:00",
                   "merged_at": "2026-03-02T08:05:00-05:00",
                   "closed_at": "2026-03-02T08:05:00-05:00",
                   "head": {"ref": "feature/cart", "sha": "41e2c8a6f0e5d1a2b3c4d5e6f708192a3b4c5d6e"},
                   "base": {"ref": "main"}},
                 "repository": {"full_name": "acme/shop"}}
                """;
        PullRequestEvent pr =
                GitHubParser.parse(envelope("pull_request", body)).get(0).pullRequest();

        assertThat(pr.action()).isEqualTo("merged");
        assertThat(pr.number()).isEqualTo("812");
        assertThat(pr.mergeCommitSha()).isEqualTo("9fceb02d0ae598e95dc970b74767f19372d61af8");
        assertThat(pr.createdAt()).isEqualTo(Instant.parse("2026-03-01T16:20:00Z"));
        assertThat(pr.mergedAt()).isEqualTo(Instant.parse("2026-03-02T13:05:00Z"));
        assertThat(pr.closedAt()).isEqualTo(Instant.parse("2026-03-02T13:05:00Z"));
    }

    @Test
    void pullRequestWithoutBaseIsRejectedNamingTheField() {
        String body =
                """
                {"action": "opened", "pull_request": {"number": 1,
                   "created_at": "2026-03-01T16:20:00Z", "head": {"ref": "x", "sha": "abc"}},
                 "repository": {"full_name": "acme/shop"}}
                """;
        assertThatThrownBy(() -> GitHubParser.parse(envelope("pull_request", body)))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage("missing field 'base'");
    }
}
