package dev.dora.events.survey;

/**
 * One answer of a survey response, carrying what the warehouse needs to score it without the
 * template: the question's dimension and type.
 *
 * @param questionId the template's stable question id
 * @param dimension what the question measures, e.g. {@code flow}
 * @param type the question type: {@code likert5}, {@code nps}, {@code single_choice}, {@code
 *     number} or {@code free_text}
 * @param answer the answer as text: {@code 1}–{@code 5} or {@code n/a} (likert5), {@code 0}–{@code
 *     10} (nps), the option id (single_choice), a decimal (number), the text (free_text)
 * @param value the answer as a number for likert5 (1–5) and nps (0–10), null otherwise (and for
 *     N/A)
 */
public record SurveyAnswer(
        String questionId, String dimension, String type, String answer, Long value) {}
