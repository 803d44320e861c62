package dev.dora.jobs.facts;

import java.time.Instant;
import java.util.List;

/**
 * A row of {@code changes}: a commit that reached a service's default branch.
 *
 * @param paths the commit's files joined by newline ({@link #paths(List)}), or null when unknown
 */
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
        String paths,
        String eventId,
        long version) {

    /** The separator of {@code paths}: a newline, since paths may contain commas and spaces. */
    public static final String PATH_SEPARATOR = "\n";

    public static String key(String service, String sha) {
        return service + "@" + sha;
    }

    /**
     * The {@code paths} column of a commit's paths: joined by {@link #PATH_SEPARATOR}, empty for
     * none, null when the source did not list them.
     */
    public static String paths(List<String> paths) {
        return paths == null ? null : String.join(PATH_SEPARATOR, paths);
    }
}
