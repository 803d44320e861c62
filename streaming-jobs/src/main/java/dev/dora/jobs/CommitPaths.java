package dev.dora.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of a pushed commit as GitHub and GitLab list them: its {@code added}, {@code modified}
 * and {@code removed} arrays together ({@link dev.dora.events.Commit} sorts and deduplicates them).
 */
public final class CommitPaths {
    private static final List<String> LISTS = List.of("added", "modified", "removed");

    private CommitPaths() {}

    /**
     * The paths of all three lists; empty when they are empty, null when the commit has none of
     * them (the payload does not say which files it touched, which is not the same as none).
     *
     * @param at the commit's path in the body, e.g. {@code commits[0]}, for refusals
     * @throws UnparseableEventException when a list is not an array of non-empty strings
     */
    public static List<String> of(JsonNode commit, String at) {
        List<String> paths = null;
        for (String list : LISTS) {
            List<String> some = JsonFields.optionalStrings(commit, list, at);
            if (some != null) {
                if (paths == null) {
                    paths = new ArrayList<>();
                }
                paths.addAll(some);
            }
        }
        return paths;
    }
}
