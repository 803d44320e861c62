package dev.dora.surveys.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One survey's answers as counts, per team: respondents, answers per question and value, and the
 * free-text answers. This is what the warehouse computes; everything shown is scored from it.
 */
public final class AnswerCounts {
    private final Map<String, Integer> respondents = new TreeMap<>();
    private final Map<String, Map<String, Map<String, Integer>>> answers = new TreeMap<>();
    private final Map<String, Map<String, List<String>>> freeText = new TreeMap<>();

    public AnswerCounts respondents(String team, int n) {
        respondents.merge(team, n, Integer::sum);
        return this;
    }

    public AnswerCounts answers(String team, String question, String answer, int n) {
        answers.computeIfAbsent(team, t -> new TreeMap<>())
                .computeIfAbsent(question, q -> new TreeMap<>())
                .merge(answer, n, Integer::sum);
        return this;
    }

    public AnswerCounts freeText(String team, String question, String text) {
        freeText.computeIfAbsent(team, t -> new TreeMap<>())
                .computeIfAbsent(question, q -> new ArrayList<>())
                .add(text);
        return this;
    }

    /** Respondents of a team (0 when none answered). */
    public int respondents(String team) {
        return respondents.getOrDefault(team, 0);
    }

    public Map<String, Integer> respondentsByTeam() {
        return Map.copyOf(respondents);
    }

    public int totalRespondents() {
        return respondents.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Counts per answer of one question over the given teams. */
    Map<String, Integer> answers(Iterable<String> teams, String question) {
        Map<String, Integer> out = new TreeMap<>();
        for (String team : teams) {
            answers.getOrDefault(team, Map.of())
                    .getOrDefault(question, Map.of())
                    .forEach((a, n) -> out.merge(a, n, Integer::sum));
        }
        return out;
    }

    /** Free-text answers of one question over the given teams, in alphabetical order. */
    List<String> freeText(Iterable<String> teams, String question) {
        List<String> out = new ArrayList<>();
        for (String team : teams) {
            out.addAll(freeText.getOrDefault(team, Map.of()).getOrDefault(question, List.of()));
        }
        out.sort(null);
        return out;
    }

    /** Every team with at least one response. */
    public java.util.Set<String> teams() {
        return respondents.keySet();
    }
}
