package dev.dora.jobs.bitbucket;

import static dev.dora.jobs.EventFixtures.RECEIVED;
import static dev.dora.jobs.EventFixtures.sharedFixtures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dora.events.CanonicalEvent;
import dev.dora.events.Commit;
import dev.dora.events.PullRequestEvent;
import dev.dora.events.PushEvent;
import dev.dora.events.RawEnvelope;
import dev.dora.jobs.Parsers;
import dev.dora.jobs.UnparseableEventException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The Bitbucket Cloud parser on the real payload files of the shared corpus and on hand-written
 * cases.
 */
class BitbucketParserTest {
    private static final String FOO = "brydzewski/foo";
    private static final String ZEROS = "0".repeat(40);

    /**
     * Every file of the corpus: the {@code X-Event-Key} go-scm pairs with it (fixtures README), and
     * the number of events it makes or why it makes none.
     */
    private static final Map<String, List<String>> CORPUS =
            Map.of(
                    "go-scm__push.json", List.of("repo:push", "1"),
                    "go-scm__pr_created.json", List.of("pullrequest:created", "1"),
                    "go-scm__pr_fulfilled.json", List.of("pullrequest:fulfilled", "1"),
                    "go-scm__pr_declined.json", List.of("pullrequest:rejected", "1"),
                    "go-scm__pipeline_hook_created.json",
                            List.of(
                                    "repo:commit_status_created",
                                    "ignored: commit statuses are archived only"),
                    "go-scm__pipeline_hook_update.json",
                            List.of(
                                    "repo:commit_status_updated",
                                    "ignored: commit statuses are archived only"));

    @Test
    void everyFileOfTheCorpusParses() throws IOException {
        Path root = sharedFixtures("bitbucket-cloud");
        List<String> seen = new ArrayList<>();
        SoftAssertions softly = new SoftAssertions();
        try (Stream<Path> files = Files.list(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                seen.add(name);
                List<String> expected = CORPUS.get(name);
                softly.assertThat(expected)
                        .as("classify new fixture %s in CORPUS", name)
                        .isNotNull();
                if (expected == null) {
                    continue;
                }
                List<CanonicalEvent> events = BitbucketParser.parse(fixtureEnvelope(name));
                if (expected.get(1).startsWith("ignored")) {
                    softly.assertThat(events).as("%s, %s", name, expected.get(1)).isEmpty();
                } else {
                    softly.assertThat(events).as(name).hasSize(Integer.parseInt(expected.get(1)));
                }
            }
        }
        softly.assertThat(seen).as("files listed in CORPUS").containsAll(CORPUS.keySet());
        softly.assertAll();
    }

    // ---- push ----

    @Test
    void pushToABranchWithoutMainbranchIsNotKnownToReachTheDefaultBranch() throws IOException {
        List<CanonicalEvent> events = parseFixture("go-scm__push.json");

        PushEvent expected =
                new PushEvent(
                        "bitbucket",
                        FOO,
                        "master",
                        null, // the payload's repository has no mainbranch
                        "40e7580cf11311d84a6e5e97e2cbba6df1675750",
                        "141977fedf5cf35aa290ac87d4b5177ac4cd9de1",
                        RECEIVED,
                        List.of(
                                new Commit(
                                        "141977fedf5cf35aa290ac87d4b5177ac4cd9de1",
                                        Instant.parse("2018-07-02T20:26:56Z"))));
        assertThat(events).containsExactly(CanonicalEvent.of("evt-1", FOO, expected));
        assertThat(events.get(0).push().toDefaultBranch()).isFalse();
    }

    @Test
    void pushCreatingABranchAndDeletingAnother() {
        // Bitbucket lists commits newest first; "+02:00" is two hours ahead of UTC.
        String body =
                """
                {"repository": {"full_name": "acme/shop", "mainbranch": {"name": "main"}},
                 "push": {"changes": [
                   {"old": null, "created": true, "truncated": false,
                    "new": {"type": "branch", "name": "main",
                            "target": {"hash": "cccccccccccccccccccccccccccccccccccccccc"}},
                    "commits": [
                      {"hash": "cccccccccccccccccccccccccccccccccccccccc",
                       "date": "2026-03-02T10:00:00+02:00"},
                      {"hash": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
                       "date": "2026-03-02T07:30:00+00:00"},
                      {"hash": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                       "date": "2026-03-01T16:20:00.123456+00:00"}]},
                   {"old": {"type": "branch", "name": "feature",
                            "target": {"hash": "dddddddddddddddddddddddddddddddddddddddd"}},
                    "new": null, "closed": true, "commits": []}]}}
                """;
        List<CanonicalEvent> events = BitbucketParser.parse(bitbucket("repo:push", body));

        PushEvent expected =
                new PushEvent(
                        "bitbucket",
                        "acme/shop",
                        "main",
                        "main",
                        ZEROS,
                        "cccccccccccccccccccccccccccccccccccccccc",
                        RECEIVED,
                        List.of(
                                new Commit(
                                        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                                        Instant.parse("2026-03-01T16:20:00.123456Z")),
                                new Commit(
                                        "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
                                        Instant.parse("2026-03-02T07:30:00Z")),
                                new Commit(
                                        "cccccccccccccccccccccccccccccccccccccccc",
                                        Instant.parse("2026-03-02T08:00:00Z"))));
        assertThat(events).containsExactly(CanonicalEvent.of("evt-1", "acme/shop", expected));
        assertThat(events.get(0).push().toDefaultBranch()).isTrue();
    }

    @Test
    void pushOfATagYieldsNothing() {
        String body =
                """
                {"repository": {"full_name": "acme/shop"},
                 "push": {"changes": [
                   {"old": null,
                    "new": {"type": "tag", "name": "v1.4.0",
                            "target": {"hash": "9fceb02d0ae598e95dc970b74767f19372d61af8"}},
                    "commits": []}]}}
                """;
        assertThat(BitbucketParser.parse(bitbucket("repo:push", body))).isEmpty();
    }

    // ---- pull requests ----

    @Test
    void fulfilledPullRequestIsMerged() throws IOException {
        List<CanonicalEvent> events = parseFixture("go-scm__pr_fulfilled.json");

        Instant merged = Instant.parse("2018-07-03T01:28:05.903251Z");
        PullRequestEvent expected =
                new PullRequestEvent(
                        "bitbucket",
                        FOO,
                        "1",
                        "merged",
                        true,
                        "develop",
                        "master",
                        "0704fc5beccc", // Bitbucket abbreviates both shas to 12 digits
                        "4f8f6de9d0ff",
                        Instant.parse("2018-07-02T21:51:39.492248Z"),
                        merged,
                        merged);
        assertThat(events).containsExactly(CanonicalEvent.of("evt-1", FOO, expected));
    }

    @Test
    void createdPullRequestIsOpened() throws IOException {
        List<CanonicalEvent> events = parseFixture("go-scm__pr_created.json");

        PullRequestEvent expected =
                new PullRequestEvent(
                        "bitbucket",
                        FOO,
                        "1",
                        "opened",
                        false,
                        "develop",
                        "master",
                        "507a576e59b3",
                        null,
                        Instant.parse("2018-07-02T21:51:39.492248Z"),
                        null,
                        null);
        assertThat(events).containsExactly(CanonicalEvent.of("evt-1", FOO, expected));
    }

    @Test
    void rejectedPullRequestIsClosedWithoutMerge() throws IOException {
        List<CanonicalEvent> events = parseFixture("go-scm__pr_declined.json");

        PullRequestEvent expected =
                new PullRequestEvent(
                        "bitbucket",
                        FOO,
                        "2",
                        "closed",
                        false,
                        "develop",
                        "master",
                        "6ca9fe26898a",
                        null,
                        Instant.parse("2018-07-03T01:39:22.782818Z"),
                        null,
                        Instant.parse("2018-07-03T01:44:00.030575Z"));
        assertThat(events).containsExactly(CanonicalEvent.of("evt-1", FOO, expected));
    }

    @Test
    void otherEventKeysYieldNothing() {
        assertThat(BitbucketParser.parse(bitbucket("pullrequest:updated", "{}"))).isEmpty();
        assertThat(BitbucketParser.parse(bitbucket("repo:fork", "{}"))).isEmpty();
    }

    // ---- rejections ----

    @Test
    void bodyThatIsNotJsonIsRejected() {
        assertThatThrownBy(() -> BitbucketParser.parse(bitbucket("repo:push", "push=1")))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessageStartingWith("body is not JSON");
    }

    @Test
    void pushWithoutRepositoryIsRejectedNamingTheField() {
        String body = "{\"push\": {\"changes\": []}}";
        assertThatThrownBy(() -> BitbucketParser.parse(bitbucket("repo:push", body)))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage("missing field 'repository'");
    }

    @Test
    void pullRequestWithoutRepositoryNameIsRejectedNamingTheField() {
        String body = "{\"repository\": {\"name\": \"foo\"}, \"pullrequest\": {\"id\": 3}}";
        assertThatThrownBy(() -> BitbucketParser.parse(bitbucket("pullrequest:created", body)))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage("missing field 'repository.full_name'");
    }

    @Test
    void commitDateWithoutOffsetIsRejectedNamingTheCommit() {
        String body =
                """
                {"repository": {"full_name": "acme/shop"},
                 "push": {"changes": [
                   {"old": null,
                    "new": {"type": "branch", "name": "main",
                            "target": {"hash": "9fceb02d0ae598e95dc970b74767f19372d61af8"}},
                    "commits": [{"hash": "9fceb02d0ae598e95dc970b74767f19372d61af8",
                                 "date": "2026-03-02 10:00:00"}]}]}}
                """;
        assertThatThrownBy(() -> BitbucketParser.parse(bitbucket("repo:push", body)))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage(
                        "time 'push.changes[0].commits[0].date' is not ISO-8601 with an offset:"
                                + " 2026-03-02 10:00:00");
    }

    @Test
    void parsersRouteTheBitbucketSource() throws IOException {
        assertThat(Parsers.parse(fixtureEnvelope("go-scm__pr_fulfilled.json")))
                .singleElement()
                .satisfies(e -> assertThat(e.pullRequest().merged()).isTrue());
    }

    // ---- helpers ----

    private static List<CanonicalEvent> parseFixture(String name) throws IOException {
        return BitbucketParser.parse(fixtureEnvelope(name));
    }

    private static RawEnvelope fixtureEnvelope(String name) throws IOException {
        Path file = sharedFixtures("bitbucket-cloud").resolve(name);
        return bitbucket(CORPUS.get(name).get(0), Files.readAllBytes(file));
    }

    private static RawEnvelope bitbucket(String eventKey, byte[] body) {
        return new RawEnvelope(
                "evt-1",
                "bitbucket",
                eventKey,
                "delivery-1",
                RECEIVED,
                Map.of("x-event-key", eventKey),
                body);
    }

    private static RawEnvelope bitbucket(String eventKey, String body) {
        return bitbucket(eventKey, body.getBytes(StandardCharsets.UTF_8));
    }
}
