package dev.dora.surveys.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which groups of a survey's results may be shown. A team with fewer than k respondents is
 * suppressed. Because the total is the sum of the teams, a suppressed team could be recovered by
 * subtracting the shown teams from a shown total; so while the suppressed teams together have some
 * but fewer than k respondents, the smallest shown team is suppressed too (and so on), and the
 * total is shown only when it has at least k respondents. What subtraction can then recover is the
 * union of the suppressed teams, which has at least k respondents or none.
 *
 * @param shownTeams teams whose numbers may be shown
 * @param suppressedTeams teams shown only as suppressed
 * @param totalShown whether the overall numbers may be shown
 */
public record Suppression(Set<String> shownTeams, Set<String> suppressedTeams, boolean totalShown) {
    /** The smallest k allowed: below it, a group is too small to hide anyone. */
    public static final int MIN_K = 3;

    public static final int DEFAULT_K = 5;

    /**
     * @param respondents respondents per team, including invited teams with none
     * @param k the threshold, at least {@link #MIN_K}
     */
    public static Suppression decide(Map<String, Integer> respondents, int k) {
        if (k < MIN_K) {
            throw new IllegalArgumentException("k must be at least " + MIN_K + ", got " + k);
        }
        Set<String> suppressed = new TreeSet<>();
        List<String> shown = new ArrayList<>();
        int total = 0;
        for (var e : respondents.entrySet()) {
            total += e.getValue();
            if (e.getValue() < k) {
                suppressed.add(e.getKey());
            } else {
                shown.add(e.getKey());
            }
        }
        boolean totalShown = total >= k;
        if (totalShown) {
            // Smallest first, then by name, so the choice is the same every time.
            shown.sort(
                    Comparator.<String>comparingInt(respondents::get)
                            .thenComparing(Comparator.naturalOrder()));
            int union = suppressed.stream().mapToInt(respondents::get).sum();
            while (union > 0 && union < k && !shown.isEmpty()) {
                String next = shown.remove(0);
                suppressed.add(next);
                union += respondents.get(next);
            }
        }
        return new Suppression(new LinkedHashSet<>(new TreeSet<>(shown)), suppressed, totalShown);
    }
}
