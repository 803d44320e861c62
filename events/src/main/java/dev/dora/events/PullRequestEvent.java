package dev.dora.events;

import java.time.Instant;

/**
 * A pull request (GitHub), merge request (GitLab) or pull request (Bitbucket) changing state.
 *
 * @param source webhook source
 * @param repo repository full name (GitLab: {@code path_with_namespace})
 * @param number the source's number (GitHub number, GitLab iid, Bitbucket id), as text
 * @param action what happened, lower case: {@code opened}, {@code closed}, {@code merged}, {@code
 *     updated}, ...
 * @param merged whether the request is merged
 * @param sourceBranch branch the work was done on
 * @param targetBranch branch it merges into
 * @param headSha head commit of the source branch, or null
 * @param mergeCommitSha the commit that landed on the target branch, or null
 * @param createdAt when it was opened
 * @param mergedAt when it was merged, or null
 * @param closedAt when it was closed (merged or not), or null
 */
public record PullRequestEvent(
        String source,
        String repo,
        String number,
        String action,
        boolean merged,
        String sourceBranch,
        String targetBranch,
        String headSha,
        String mergeCommitSha,
        Instant createdAt,
        Instant mergedAt,
        Instant closedAt) {}
