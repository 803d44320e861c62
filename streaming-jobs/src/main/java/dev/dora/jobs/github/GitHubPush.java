package dev.dora.jobs.github;

import static dev.dora.jobs.github.GitHubJson.required;
import static dev.dora.jobs.github.GitHubJson.requiredText;
import static dev.dora.jobs.github.GitHubJson.text;
import static dev.dora.jobs.github.GitHubJson.time;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dora.events.CanonicalEvent;
import dev.dora.events.Commit;
import dev.dora.events.PushEvent;
import dev.dora.events.RawEnvelope;
import dev.dora.jobs.CommitPaths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * GitHub {@code push} to a {@link PushEvent}: one link of the push chain, each commit with the
 * files its {@code added}, {@code modified} and {@code removed} lists name. Tags yield nothing.
 */
final class GitHubPush {
    private static final String REFS_HEADS = "refs/heads/";

    private GitHubPush() {}

    static List<CanonicalEvent> parse(RawEnvelope envelope) {
        JsonNode root = GitHubJson.object(envelope);
        String ref = requiredText(root, "ref");
        if (!ref.startsWith(REFS_HEADS)) {
            return List.of(); // tags do not move a branch
        }
        JsonNode repository = required(root, "repository");
        String repo = requiredText(repository, "full_name");
        String defaultBranch =
                GitHubJson.firstOf(
                        text(repository, "default_branch"), text(repository, "master_branch"));
        List<Commit> commits = new ArrayList<>();
        int i = 0;
        for (JsonNode c : root.path("commits")) {
            commits.add(
                    new Commit(
                            requiredText(c, "id"),
                            time(c.get("timestamp"), "commits[].timestamp"),
                            null,
                            CommitPaths.of(c, "commits[" + i++ + "]")));
        }
        PushEvent push =
                new PushEvent(
                        envelope.source(),
                        repo,
                        ref.substring(REFS_HEADS.length()),
                        defaultBranch,
                        requiredText(root, "before"),
                        requiredText(root, "after"),
                        pushedAt(repository, envelope.receivedAt()),
                        commits);
        return List.of(CanonicalEvent.of(envelope.eventId(), repo, push));
    }

    /** {@code repository.pushed_at} is epoch seconds in push payloads, ISO text elsewhere. */
    private static Instant pushedAt(JsonNode repository, Instant received) {
        JsonNode n = repository.get("pushed_at");
        if (n != null && n.isNumber()) {
            return Instant.ofEpochSecond(n.asLong());
        } else if (n != null && n.isTextual()) {
            return time(n, "repository.pushed_at");
        }
        return received;
    }
}
