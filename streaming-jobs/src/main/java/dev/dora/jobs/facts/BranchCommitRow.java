package dev.dora.jobs.facts;

import java.time.Instant;

/** A row of {@code branch_commits}: a commit pushed to a branch other than the default one. */
public record BranchCommitRow(
        String commitKey,
        String service,
        String repo,
        String branch,
        String sha,
        Instant committedAt,
        Instant pushedAt,
        String eventId,
        long version) {}
