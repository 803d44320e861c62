package dev.dora.surveys;

import dev.dora.events.survey.SurveyAnswer;
import dev.dora.surveys.template.Option;
import dev.dora.surveys.template.Question;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks submitted answers against a survey's questions and turns them into the answers a response
 * carries. Input is text per question id (form fields and JSON values alike); an empty value is no
 * answer. The first problem is reported as a 400 naming the question.
 */
final class Answers {
    private Answers() {}

    static List<SurveyAnswer> check(List<Question> questions, Map<String, String> given) {
        Map<String, Question> byId = new LinkedHashMap<>();
        questions.forEach(q -> byId.put(q.id(), q));
        for (String id : given.keySet()) {
            if (!byId.containsKey(id)) {
                throw invalid("unknown question '" + id + "'");
            }
        }
        List<SurveyAnswer> out = new ArrayList<>();
        for (Question q : questions) {
            String raw = given.get(q.id());
            String value = raw == null ? "" : raw.strip();
            if (value.isEmpty()) {
                if (q.required()) {
                    throw invalid("question '" + q.id() + "' is required");
                }
                continue;
            }
            out.add(answer(q, value));
        }
        if (out.isEmpty()) {
            throw invalid("no question was answered");
        }
        return out;
    }

    private static SurveyAnswer answer(Question q, String value) {
        String type = q.type().id();
        return switch (q.type()) {
            case LIKERT5 -> {
                String v = value.toLowerCase(Locale.ROOT);
                if (v.equals(Question.NOT_APPLICABLE)) {
                    yield new SurveyAnswer(
                            q.id(), q.dimension(), type, Question.NOT_APPLICABLE, null);
                }
                long n = integer(q, value, 1, 5, "1 to 5 or n/a");
                yield new SurveyAnswer(q.id(), q.dimension(), type, Long.toString(n), n);
            }
            case NPS -> {
                long n = integer(q, value, 0, 10, "a whole number from 0 to 10");
                yield new SurveyAnswer(q.id(), q.dimension(), type, Long.toString(n), n);
            }
            case SINGLE_CHOICE -> {
                if (q.options().stream().map(Option::id).noneMatch(value::equals)) {
                    throw invalid(
                            "question '"
                                    + q.id()
                                    + "': '"
                                    + shorten(value)
                                    + "' is not one of its options ("
                                    + String.join(
                                            ", ", q.options().stream().map(Option::id).toList())
                                    + ")");
                }
                yield new SurveyAnswer(q.id(), q.dimension(), type, value, null);
            }
            case NUMBER -> {
                BigDecimal n = decimal(q, value);
                yield new SurveyAnswer(
                        q.id(), q.dimension(), type, n.stripTrailingZeros().toPlainString(), null);
            }
            case FREE_TEXT -> {
                if (value.length() > Question.MAX_TEXT_LENGTH) {
                    throw invalid(
                            "question '"
                                    + q.id()
                                    + "': the answer is longer than "
                                    + Question.MAX_TEXT_LENGTH
                                    + " characters");
                }
                yield new SurveyAnswer(q.id(), q.dimension(), type, value, null);
            }
        };
    }

    private static long integer(Question q, String value, long min, long max, String expected) {
        try {
            long n = Long.parseLong(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid("question '" + q.id() + "': '" + shorten(value) + "' is not " + expected);
    }

    private static BigDecimal decimal(Question q, String value) {
        BigDecimal n;
        try {
            if (value.length() > 30) {
                throw new NumberFormatException();
            }
            n = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw invalid("question '" + q.id() + "': '" + shorten(value) + "' is not a number");
        }
        if (q.min() != null && n.compareTo(BigDecimal.valueOf(q.min())) < 0
                || q.max() != null && n.compareTo(BigDecimal.valueOf(q.max())) > 0) {
            throw invalid(
                    "question '"
                            + q.id()
                            + "': "
                            + n.toPlainString()
                            + " is outside "
                            + bound(q.min())
                            + " to "
                            + bound(q.max()));
        }
        return n;
    }

    private static String bound(Double d) {
        if (d == null) {
            return "any";
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    private static SurveyException invalid(String message) {
        return new SurveyException(400, message);
    }
}
