package dev.dora.surveys.template;

import java.util.List;

/**
 * One question of a template.
 *
 * @param id stable id, the key of its answers everywhere (keep it when the wording changes)
 * @param type what kind of answer it takes
 * @param dimension what it measures, e.g. {@code flow}; results are grouped by it
 * @param text the question as people read it
 * @param required whether a response must answer it (default: no)
 * @param options the choices of a single-choice question, in order (empty otherwise)
 * @param min lowest allowed value of a number question, or null
 * @param max highest allowed value of a number question, or null
 */
public record Question(
        String id,
        QuestionType type,
        String dimension,
        String text,
        boolean required,
        List<Option> options,
        Double min,
        Double max) {

    /** The longest free-text answer accepted, in characters. */
    public static final int MAX_TEXT_LENGTH = 2000;

    /** The labels of the Likert scale, 1 to 5. */
    public static final List<String> LIKERT_LABELS =
            List.of(
                    "Strongly disagree",
                    "Disagree",
                    "Neither agree nor disagree",
                    "Agree",
                    "Strongly agree");

    /** The answer of a Likert question that does not apply to the person. */
    public static final String NOT_APPLICABLE = "n/a";

    public Question {
        options = List.copyOf(options);
    }
}
