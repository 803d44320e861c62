package dev.dora.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A commit as a push event reports it.
 *
 * @param sha full commit id
 * @param committedAt the commit's own timestamp, in UTC; null when the source gave none
 * @param pullRequest the number of the pull request it came through, when the sender says so
 *     (generic {@code pr}); null otherwise
 * @param paths the files the commit added, modified or removed, as the source listed them, without
 *     duplicates and sorted; null when the source lists no files for commits (unknown), empty when
 *     it listed them and there were none (an empty commit)
 */
public record Commit(String sha, Instant committedAt, String pullRequest, List<String> paths) {

    public Commit {
        if (paths != null) {
            // Not contains(null): immutable lists throw on that question.
            if (paths.stream().anyMatch(Objects::isNull)) {
                throw new IllegalArgumentException("commit " + sha + " has a null path");
            }
            // Sorted and deduplicated here, so that every parser's rows come out the same.
            paths = List.copyOf(new TreeSet<>(paths));
        }
    }

    public Commit(String sha, Instant committedAt, String pullRequest) {
        this(sha, committedAt, pullRequest, null);
    }

    public Commit(String sha, Instant committedAt) {
        this(sha, committedAt, null, null);
    }
}
