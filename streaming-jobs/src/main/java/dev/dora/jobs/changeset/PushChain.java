package dev.dora.jobs.changeset;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * A deployment's change set from the push chain (DESIGN.md, "A deployment's change set"): the
 * commits after the previous successful production deployment up to and including the deployed sha,
 * found by walking {@code after → before} links backwards. A first deployment (no previous one)
 * carries only the commits of its own push, not the repository's history.
 */
public final class PushChain {
    /** Bound on the walk, so a broken or cyclic chain cannot stall the job. */
    static final int MAX_SEGMENTS = 1_000;

    private PushChain() {}

    /**
     * @param deployedSha the sha the deployment put live
     * @param previousSha the sha of the previous successful production deployment, or null
     * @param segmentOfSha the {@code after} of the push segment that carried a sha, or null
     * @param segmentByAfter the push segment whose head after the push is the given sha, or null
     * @return the change set, oldest first; empty when the deployed sha was never pushed
     */
    public static List<String> changeSet(
            String deployedSha,
            String previousSha,
            Function<String, String> segmentOfSha,
            Function<String, PushSegment> segmentByAfter) {
        if (deployedSha.equals(previousSha)) {
            return List.of();
        }
        String after = segmentOfSha.apply(deployedSha);
        PushSegment segment = after == null ? null : segmentByAfter.apply(after);
        if (segment == null) {
            return List.of();
        }
        Deque<List<String>> parts = new ArrayDeque<>();
        List<String> own = segment.shas().subList(0, segment.shas().indexOf(deployedSha) + 1);
        int prevInOwn = previousSha == null ? -1 : own.indexOf(previousSha);
        if (prevInOwn >= 0) {
            return List.copyOf(own.subList(prevInOwn + 1, own.size()));
        }
        parts.push(own);
        if (previousSha != null) {
            String cursor = segment.before();
            for (int i = 0;
                    i < MAX_SEGMENTS && cursor != null && !cursor.equals(previousSha);
                    i++) {
                PushSegment earlier = segmentByAfter.apply(cursor);
                if (earlier == null) {
                    break; // the chain is broken here: what lies before cannot be placed
                }
                int prev = earlier.shas().indexOf(previousSha);
                if (prev >= 0) {
                    parts.push(earlier.shas().subList(prev + 1, earlier.shas().size()));
                    break;
                }
                parts.push(earlier.shas());
                cursor = earlier.before();
            }
        }
        List<String> result = new ArrayList<>();
        parts.forEach(result::addAll);
        return result;
    }
}
