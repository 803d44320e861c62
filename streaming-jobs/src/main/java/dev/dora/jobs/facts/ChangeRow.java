package dev.dora.jobs.facts;

import java.time.Instant;

/** A row of {@code changes}: a commit that reached a service's default branch. */
public record ChangeRow(
        String changeKey,
        String service,
        String repo,
        String sha,
        String branch,
        Instant committedAt,
        Instant startedAt,
        Instant pushedAt,
        String pushBefore,
        String pushAfter,
        String parentSha,
        String pullRequest,
        String eventId,
        long version) {

    public static String key(String service, String sha) {
        return service + "@" + sha;
    }
}
