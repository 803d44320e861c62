package dev.dora.surveys.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SuppressionTest {
    private static Map<String, Integer> teams(Object... pairs) {
        Map<String, Integer> m = new TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return m;
    }

    @Test
    void everyGroupAtKIsShown() {
        Suppression s = Suppression.decide(teams("a", 5, "b", 7), 5);
        assertThat(s.shownTeams()).containsExactly("a", "b");
        assertThat(s.suppressedTeams()).isEmpty();
        assertThat(s.totalShown()).isTrue();
    }

    @Test
    void oneSmallTeamTakesTheSmallestShownTeamWithIt() {
        // total 15 - a 8 - b 5 = c's 2 answers: so b (the smallest shown) is hidden too, and
        // subtraction now gives b and c together, 7 people.
        Suppression s = Suppression.decide(teams("a", 8, "b", 5, "c", 2), 5);
        assertThat(s.shownTeams()).containsExactly("a");
        assertThat(s.suppressedTeams()).containsExactly("b", "c");
        assertThat(s.totalShown()).isTrue();
    }

    @Test
    void withTwoTeamsAndOneSmallOnlyTheTotalIsShown() {
        Suppression s = Suppression.decide(teams("a", 6, "b", 2), 5);
        assertThat(s.shownTeams()).isEmpty();
        assertThat(s.suppressedTeams()).containsExactly("a", "b");
        assertThat(s.totalShown()).isTrue();
    }

    @Test
    void smallTeamsThatTogetherReachKNeedNoMore() {
        Suppression s = Suppression.decide(teams("a", 9, "b", 3, "c", 2), 5);
        assertThat(s.shownTeams()).containsExactly("a");
        assertThat(s.suppressedTeams()).containsExactly("b", "c");
    }

    @Test
    void smallTeamsBelowKTogetherPullInMoreUntilTheyReachIt() {
        Suppression s = Suppression.decide(teams("a", 9, "b", 1, "c", 1, "d", 6), 5);
        assertThat(s.shownTeams()).containsExactly("a");
        assertThat(s.suppressedTeams()).containsExactly("b", "c", "d");
    }

    @Test
    void aTeamWithoutRespondentsRevealsNothingAndCostsNothing() {
        Suppression s = Suppression.decide(teams("a", 6, "b", 0, "c", 5), 5);
        assertThat(s.shownTeams()).containsExactly("a", "c");
        assertThat(s.suppressedTeams()).containsExactly("b");
    }

    @Test
    void aSmallTotalIsHidden() {
        Suppression s = Suppression.decide(teams("a", 2, "b", 2), 5);
        assertThat(s.totalShown()).isFalse();
        assertThat(s.shownTeams()).isEmpty();
    }

    @Test
    void noSuppressedGroupCanBeRecoveredBySubtraction() {
        // Every split of up to 4 teams of 0..8 people: what subtraction recovers (the suppressed
        // union, when the total is shown) has no people or at least k.
        int k = 5;
        for (int a = 0; a <= 8; a++) {
            for (int b = 0; b <= 8; b++) {
                for (int c = 0; c <= 8; c++) {
                    for (int d = 0; d <= 8; d++) {
                        Map<String, Integer> t = teams("a", a, "b", b, "c", c, "d", d);
                        Suppression s = Suppression.decide(t, k);
                        for (String shown : s.shownTeams()) {
                            assertThat(t.get(shown)).isGreaterThanOrEqualTo(k);
                        }
                        if (s.totalShown()) {
                            int union = s.suppressedTeams().stream().mapToInt(t::get).sum();
                            assertThat(union == 0 || union >= k).as(t.toString()).isTrue();
                        }
                        assertThat(s.totalShown()).isEqualTo(a + b + c + d >= k);
                        Set<String> all = new java.util.HashSet<>(s.shownTeams());
                        all.addAll(s.suppressedTeams());
                        assertThat(all).hasSize(4);
                    }
                }
            }
        }
    }

    @Test
    void kBelowThreeIsRefused() {
        assertThatThrownBy(() -> Suppression.decide(teams("a", 1), 2))
                .hasMessage("k must be at least 3, got 2");
    }
}
