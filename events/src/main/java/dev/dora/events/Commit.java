package dev.dora.events;

import java.time.Instant;

/**
 * A commit as a push event reports it.
 *
 * @param sha full commit id
 * @param committedAt the commit's own timestamp, in UTC; null when the source gave none
 * @param pullRequest the number of the pull request it came through, when the sender says so
 *     (generic {@code pr}); null otherwise
 */
public record Commit(String sha, Instant committedAt, String pullRequest) {
    public Commit(String sha, Instant committedAt) {
        this(sha, committedAt, null);
    }
}
