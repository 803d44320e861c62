package dev.dora.jobs.changeset;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A deployment's change set from the push chain (DESIGN.md, "A deployment's change set"): the
 * commits after the previous successful production deployment up to and including the deployed sha,
 * found by walking the chain backwards from the deployed sha ({@code after → before}). The walk
 * stops at the previous deployment's sha or at any commit already carried to production (so a
 * rollback to an older commit carries nothing new), and a first deployment (no previous one)
 * carries only the commits of its own push, not the repository's history.
 */
public final class PushChain {
    /** Bound on the walk, so a broken or cyclic chain cannot stall the job. */
    static final int MAX_SEGMENTS = 1_000;

    private PushChain() {}

    /** As {@link #changeSet(String, String, Function, Function, Predicate)}, nothing deployed. */
    public static List<String> changeSet(
            String deployedSha,
            String previousSha,
            Function<String, String> segmentOfSha,
            Function<String, PushSegment> segmentByAfter) {
        return changeSet(deployedSha, previousSha, segmentOfSha, segmentByAfter, sha -> false);
    }

    /**
     * @param deployedSha the sha the deployment put live
     * @param previousSha the sha of the previous successful production deployment, or null
     * @param segmentOfSha the {@code after} of the push segment that carried a sha, or null
     * @param segmentByAfter the push segment whose head after the push is the given sha, or null
     * @param alreadyDeployed whether a sha was already carried by a production deployment
     * @return the change set, oldest first; empty when the deployed sha was never pushed
     */
    public static List<String> changeSet(
            String deployedSha,
            String previousSha,
            Function<String, String> segmentOfSha,
            Function<String, PushSegment> segmentByAfter,
            Predicate<String> alreadyDeployed) {
        String after = segmentOfSha.apply(deployedSha);
        PushSegment segment = after == null ? null : segmentByAfter.apply(after);
        if (segment == null) {
            return List.of();
        }
        Deque<String> changes = new ArrayDeque<>();
        int index = segment.shas().indexOf(deployedSha);
        for (int walked = 0; walked < MAX_SEGMENTS; walked++) {
            for (int i = index; i >= 0; i--) {
                String sha = segment.shas().get(i);
                if (sha.equals(previousSha) || alreadyDeployed.test(sha)) {
                    return List.copyOf(changes);
                }
                changes.addFirst(sha);
            }
            if (previousSha == null) {
                break; // a first deployment carries only its own push
            }
            String before = segment.before();
            if (before == null || before.equals(previousSha) || alreadyDeployed.test(before)) {
                break;
            }
            segment = segmentByAfter.apply(before);
            if (segment == null) {
                break; // the chain is broken here: what lies before cannot be placed
            }
            index = segment.shas().size() - 1;
        }
        return List.copyOf(changes);
    }
}
