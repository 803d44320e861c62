package dev.dora.jobs.facts;

import java.time.Instant;

/** A row of {@code pull_requests}: one state of a pull or merge request. */
public record PullRequestRow(
        String prKey,
        String source,
        String service,
        String repo,
        String number,
        boolean merged,
        String sourceBranch,
        String targetBranch,
        String headSha,
        String mergeCommitSha,
        Instant createdAt,
        Instant mergedAt,
        Instant updatedAt,
        String eventId,
        long version) {}
