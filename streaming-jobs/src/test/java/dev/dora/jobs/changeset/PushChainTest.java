package dev.dora.jobs.changeset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Change sets from an in-memory push chain; shas are named after their push (a*, b*, c*...). */
class PushChainTest {
    private final Map<String, PushSegment> segmentByAfter = new HashMap<>();
    private final Map<String, String> segmentOfSha = new HashMap<>();
    private final Set<String> deployed = new HashSet<>();

    @Test
    void firstDeploymentCarriesOnlyItsOwnPush() {
        push("a0", "a1", "a2");
        push("a2", "b1", "b2");

        assertThat(changeSet("b2", null)).containsExactly("b1", "b2");
    }

    @Test
    void walksBackAcrossPushesUpToThePreviousDeployment() {
        push("a0", "a1");
        push("a1", "b1", "b2");
        push("b2", "c1");
        push("c1", "d1", "d2");

        // a1 was live already: everything after it, oldest first.
        assertThat(changeSet("d2", "a1")).containsExactly("b1", "b2", "c1", "d1", "d2");
    }

    @Test
    void previousDeploymentInTheMiddleOfAnEarlierPush() {
        push("a0", "a1", "a2", "a3");
        push("a3", "b1");

        assertThat(changeSet("b1", "a2")).containsExactly("a3", "b1");
    }

    @Test
    void previousDeploymentInTheMiddleOfTheSamePush() {
        push("a0", "a1", "a2", "a3");

        assertThat(changeSet("a3", "a1")).containsExactly("a2", "a3");
    }

    @Test
    void deployingAShaInTheMiddleOfAPushCarriesOnlyCommitsUpToIt() {
        push("a0", "a1");
        push("a1", "b1", "b2", "b3");

        assertThat(changeSet("b2", "a1")).containsExactly("b1", "b2");
        // The next deployment of the push's head picks up the rest.
        assertThat(changeSet("b3", "b2")).containsExactly("b3");
    }

    @Test
    void redeployingTheLiveShaCarriesNothing() {
        push("a0", "a1", "a2");

        assertThat(changeSet("a2", "a2")).isEmpty();
    }

    @Test
    void unknownShaCarriesNothing() {
        push("a0", "a1");

        assertThat(changeSet("never-pushed", "a1")).isEmpty();
        assertThat(changeSet("never-pushed", null)).isEmpty();
    }

    @Test
    void brokenChainStopsTheWalkAndKeepsWhatWasReachable() {
        push("a0", "a1");
        // The push a1 -> b1 was never seen (lost or expired).
        push("b1", "c1", "c2");
        push("c2", "d1");

        assertThat(changeSet("d1", "a1")).containsExactly("c1", "c2", "d1");
    }

    @Test
    void rollbackToAnOlderDeployedCommitCarriesNothing() {
        push("a0", "a1", "a2");
        push("a2", "b1", "b2");
        deployed.addAll(List.of("a1", "a2", "b1", "b2"));

        // b2 is live; rolling back to a2 (deployed before) brings no new change.
        assertThat(changeSet("a2", "b2")).isEmpty();
    }

    @Test
    void walkStopsAtCommitsAlreadyCarriedToProduction() {
        push("a0", "a1");
        push("a1", "b1", "b2");
        push("b2", "c1");
        deployed.addAll(List.of("a1", "b1"));

        // The previous deployment was of a sha never pushed (so it cannot stop the walk), but
        // b1 reached production already: only b2 and c1 are new.
        assertThat(changeSet("c1", "hotfix-from-elsewhere")).containsExactly("b2", "c1");
    }

    /** Records a push to the default branch; its head after the push is its last sha. */
    private void push(String before, String... shas) {
        String after = shas[shas.length - 1];
        segmentByAfter.put(after, new PushSegment(before, List.of(shas)));
        for (String sha : shas) {
            segmentOfSha.put(sha, after);
        }
    }

    private List<String> changeSet(String deployedSha, String previousSha) {
        return PushChain.changeSet(
                deployedSha,
                previousSha,
                segmentOfSha::get,
                segmentByAfter::get,
                deployed::contains);
    }
}
