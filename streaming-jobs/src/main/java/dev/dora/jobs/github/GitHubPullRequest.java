package dev.dora.jobs.github;

import static dev.dora.jobs.github.GitHubJson.optionalTime;
import static dev.dora.jobs.github.GitHubJson.required;
import static dev.dora.jobs.github.GitHubJson.requiredText;
import static dev.dora.jobs.github.GitHubJson.text;
import static dev.dora.jobs.github.GitHubJson.time;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dora.events.CanonicalEvent;
import dev.dora.events.PullRequestEvent;
import dev.dora.events.RawEnvelope;
import java.util.List;
import java.util.Locale;

/**
 * GitHub {@code pull_request} to a {@link PullRequestEvent}, whatever the action. GitHub reports a
 * merge as action {@code closed} with {@code merged: true}; we report it as {@code merged}. The
 * merge commit is kept only once the request is merged: before that, GitHub's {@code
 * merge_commit_sha} is a test merge that never lands on the target branch.
 */
final class GitHubPullRequest {
    private GitHubPullRequest() {}

    static List<CanonicalEvent> parse(RawEnvelope envelope) {
        JsonNode root = GitHubJson.object(envelope);
        JsonNode pr = required(root, "pull_request");
        String repo = GitHubJson.repo(root);
        JsonNode merged = pr.get("merged");
        boolean isMerged =
                merged != null && !merged.isNull()
                        ? merged.asBoolean()
                        : text(pr, "merged_at") != null;
        String action = requiredText(root, "action").toLowerCase(Locale.ROOT);
        if (action.equals("closed") && isMerged) {
            action = "merged";
        }
        JsonNode head = required(pr, "head");
        PullRequestEvent event =
                new PullRequestEvent(
                        envelope.source(),
                        repo,
                        requiredText(pr, "number"),
                        action,
                        isMerged,
                        requiredText(head, "ref"),
                        requiredText(required(pr, "base"), "ref"),
                        text(head, "sha"),
                        isMerged ? text(pr, "merge_commit_sha") : null,
                        time(pr.get("created_at"), "pull_request.created_at"),
                        optionalTime(pr.get("merged_at"), "pull_request.merged_at"),
                        optionalTime(pr.get("closed_at"), "pull_request.closed_at"));
        return List.of(CanonicalEvent.of(envelope.eventId(), repo, event));
    }
}
