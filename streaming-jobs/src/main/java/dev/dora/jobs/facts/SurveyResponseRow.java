package dev.dora.jobs.facts;

import java.time.Instant;

/** A row of {@code survey_responses}: one answered question of one response. */
public record SurveyResponseRow(
        String responseId,
        String surveyId,
        String template,
        String team,
        Instant surveyOpenedAt,
        String questionId,
        String dimension,
        String questionType,
        String answer,
        Long value) {}
