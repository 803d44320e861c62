package dev.dora.events.survey;

import java.time.Instant;
import java.util.List;

/**
 * A submitted survey response, as the surveys module publishes it to {@code dora.raw} (source
 * {@value #SOURCE}) and the job writes it to {@code survey_responses}. It carries no name, e-mail,
 * address, token or submission time: only the survey, the team the invitation was for, a random
 * response id and the answers. The survey's opening time (the same for every response of a survey)
 * places it in a partition.
 *
 * @param surveyId the survey
 * @param template the template the survey was created from (trends compare surveys of one template)
 * @param team the team the invitation link was for
 * @param responseId random, generated at submission, unrelated to the invitation token
 * @param surveyOpenedAt when the survey was created
 * @param answers the answers given (unanswered optional questions are absent)
 */
public record SurveyResponseEvent(
        String surveyId,
        String template,
        String team,
        String responseId,
        Instant surveyOpenedAt,
        List<SurveyAnswer> answers) {

    /** The envelope source of survey responses. */
    public static final String SOURCE = "survey";

    /** The envelope event type of survey responses. */
    public static final String EVENT_TYPE = "survey_response";

    public SurveyResponseEvent {
        answers = List.copyOf(answers);
    }
}
