package dev.dora.surveys.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dora.surveys.template.Option;
import dev.dora.surveys.template.Question;
import dev.dora.surveys.template.QuestionType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scores of one group (a team, or everyone) from its answer counts:
 *
 * <ul>
 *   <li>Likert questions: % favourable = agree + strongly agree over the answers that are not N/A;
 *       a dimension's % favourable pools the answers of its Likert questions.
 *   <li>NPS questions: eNPS = (promoters 9–10 − detractors 0–6) / answers × 100; the group's {@code
 *       enps} is that of the survey's first NPS question.
 *   <li>Single choice: the count of each option; number: answers and median.
 * </ul>
 *
 * Percentages and eNPS are rounded to one decimal. This class knows nothing about anonymity: its
 * caller decides which groups may be scored ({@link Suppression}).
 */
final class GroupScores {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private GroupScores() {}

    static ObjectNode score(
            List<Question> questions, AnswerCounts counts, List<String> teams, int respondents) {
        ObjectNode group = MAPPER.createObjectNode();
        group.put("respondents", respondents);
        Map<String, int[]> dimensions = new LinkedHashMap<>(); // favourable, answers
        ArrayNode list = MAPPER.createArrayNode();
        ObjectNode enps = null;
        ArrayNode freeText = MAPPER.createArrayNode();
        for (Question q : questions) {
            Map<String, Integer> answers = counts.answers(teams, q.id());
            ObjectNode o = list.addObject();
            o.put("id", q.id());
            o.put("type", q.type().id());
            o.put("dimension", q.dimension());
            o.put("text", q.text());
            switch (q.type()) {
                case LIKERT5 -> {
                    int na = answers.getOrDefault(Question.NOT_APPLICABLE, 0);
                    int n = 0;
                    ObjectNode dist = MAPPER.createObjectNode();
                    for (int v = 1; v <= 5; v++) {
                        int c = answers.getOrDefault(Integer.toString(v), 0);
                        dist.put(Integer.toString(v), c);
                        n += c;
                    }
                    dist.put(Question.NOT_APPLICABLE, na);
                    int favourable = answers.getOrDefault("4", 0) + answers.getOrDefault("5", 0);
                    o.put("answers", n);
                    o.put("not_applicable", na);
                    o.put("favourable", favourable);
                    putPercent(o, "percent_favourable", favourable, n);
                    o.set("distribution", dist);
                    int[] d = dimensions.computeIfAbsent(q.dimension(), x -> new int[2]);
                    d[0] += favourable;
                    d[1] += n;
                }
                case NPS -> {
                    int promoters = 0;
                    int passives = 0;
                    int detractors = 0;
                    ObjectNode dist = MAPPER.createObjectNode();
                    for (int v = 0; v <= 10; v++) {
                        int c = answers.getOrDefault(Integer.toString(v), 0);
                        dist.put(Integer.toString(v), c);
                        if (v >= 9) {
                            promoters += c;
                        } else if (v >= 7) {
                            passives += c;
                        } else {
                            detractors += c;
                        }
                    }
                    int n = promoters + passives + detractors;
                    o.put("answers", n);
                    o.put("promoters", promoters);
                    o.put("passives", passives);
                    o.put("detractors", detractors);
                    putPercent(o, "enps", promoters - detractors, n);
                    o.set("distribution", dist);
                    if (enps == null) {
                        enps = o;
                    }
                }
                case SINGLE_CHOICE -> {
                    ObjectNode dist = MAPPER.createObjectNode();
                    int n = 0;
                    for (Option opt : q.options()) {
                        int c = answers.getOrDefault(opt.id(), 0);
                        dist.put(opt.id(), c);
                        n += c;
                    }
                    o.put("answers", n);
                    o.set("distribution", dist);
                }
                case NUMBER -> {
                    List<BigDecimal> values = new ArrayList<>();
                    answers.forEach(
                            (a, c) -> {
                                for (int i = 0; i < c; i++) {
                                    values.add(new BigDecimal(a));
                                }
                            });
                    values.sort(null);
                    o.put("answers", values.size());
                    if (values.isEmpty()) {
                        o.putNull("median");
                    } else {
                        o.put("median", median(values));
                    }
                }
                case FREE_TEXT -> {
                    List<String> texts = counts.freeText(teams, q.id());
                    o.put("answers", texts.size());
                    ObjectNode ft = freeText.addObject();
                    ft.put("question", q.id());
                    ArrayNode a = ft.putArray("answers");
                    texts.forEach(a::add);
                }
            }
        }
        if (enps == null) {
            group.putNull("enps");
        } else {
            group.set("enps", enps.get("enps"));
        }
        ArrayNode dims = group.putArray("dimensions");
        dimensions.forEach(
                (dimension, d) -> {
                    ObjectNode o = dims.addObject();
                    o.put("dimension", dimension);
                    o.put("answers", d[1]);
                    o.put("favourable", d[0]);
                    putPercent(o, "percent_favourable", d[0], d[1]);
                });
        group.set("questions", list);
        group.set("free_text", freeText);
        return group;
    }

    /** {@code part / whole × 100} to one decimal, or null when there is nothing to divide. */
    static void putPercent(ObjectNode o, String field, int part, int whole) {
        if (whole == 0) {
            o.putNull(field);
        } else {
            o.put(field, round1(100.0 * part / whole));
        }
    }

    static double round1(double v) {
        return BigDecimal.valueOf(v).setScale(1, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    private static double median(List<BigDecimal> sorted) {
        int n = sorted.size();
        BigDecimal m =
                n % 2 == 1
                        ? sorted.get(n / 2)
                        : sorted.get(n / 2 - 1)
                                .add(sorted.get(n / 2))
                                .divide(BigDecimal.valueOf(2));
        return m.doubleValue();
    }

    static boolean hasType(List<Question> questions, QuestionType type) {
        return questions.stream().anyMatch(q -> q.type() == type);
    }
}
