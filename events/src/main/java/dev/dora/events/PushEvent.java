package dev.dora.events;

import java.time.Instant;
import java.util.List;

/**
 * Commits reaching a branch: one link in the push chain ({@code before} → {@code after}).
 *
 * @param source webhook source
 * @param repo repository full name, e.g. {@code acme/checkout}
 * @param branch the branch pushed to (without {@code refs/heads/})
 * @param defaultBranch the repository's default branch at the time of the push
 * @param before head of the branch before the push (all zeros when the branch was created)
 * @param after head of the branch after the push
 * @param pushedAt when the push happened (the receive time when the source does not say)
 * @param commits the pushed commits, oldest first
 */
public record PushEvent(
        String source,
        String repo,
        String branch,
        String defaultBranch,
        String before,
        String after,
        Instant pushedAt,
        List<Commit> commits) {

    public PushEvent {
        commits = List.copyOf(commits);
    }

    /** Whether this push moved the repository's default branch. */
    public boolean toDefaultBranch() {
        return branch != null && branch.equals(defaultBranch);
    }
}
