package dev.dora.surveys;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dora.events.RawEnvelope;
import dev.dora.events.survey.SurveyAnswer;
import dev.dora.events.survey.SurveyResponseCodec;
import dev.dora.events.survey.SurveyResponseEvent;
import dev.dora.surveys.results.AnswerCounts;
import dev.dora.surveys.results.Suppression;
import dev.dora.surveys.results.SurveyResults;
import dev.dora.surveys.template.Template;
import dev.dora.surveys.template.Templates;
import dev.dora.warehouse.Warehouse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Running surveys: create one from a template with invitation links per team, take responses
 * through a link (once each, while open) onto the pipeline, close it, and score its results from
 * the warehouse with small groups suppressed.
 */
public final class Surveys {
    /** An invitation link, made once; only its hash is kept. */
    public record Link(String team, String token) {}

    /** A created survey and its links, which are shown this once. */
    public record Created(Survey survey, List<Link> links) {}

    /** What a valid, unused link opens. */
    public record Invitation(Survey survey, String team) {}

    public static final int MAX_INVITATIONS = 10_000;

    private final SurveyStore store;
    private final Templates templates;
    private final Warehouse warehouse;
    private final ResponsePublisher publisher;
    private final int k;
    private final Clock clock;

    /**
     * @param directory where surveys ({@code surveys.json}) and custom templates ({@code
     *     templates/}) are kept
     * @param publisher where responses go; null when this process takes none
     * @param k the smallest group whose results are shown (at least {@link Suppression#MIN_K})
     */
    public Surveys(
            Path directory, Warehouse warehouse, ResponsePublisher publisher, int k, Clock clock) {
        if (k < Suppression.MIN_K) {
            throw new IllegalArgumentException(
                    "the survey group size must be at least " + Suppression.MIN_K + ", got " + k);
        }
        this.store = SurveyStore.open(directory.resolve("surveys.json"));
        this.templates = Templates.load(directory.resolve("templates"));
        this.warehouse = warehouse;
        this.publisher = publisher;
        this.k = k;
        this.clock = clock;
    }

    public Templates templates() {
        return templates;
    }

    public int k() {
        return k;
    }

    public Instant now() {
        return clock.instant();
    }

    /**
     * @param invitations links to make per team
     * @throws SurveyException 400 naming the problem
     */
    public Created create(
            String templateId, String title, LocalDate closesOn, Map<String, Integer> invitations) {
        Template template =
                templates
                        .get(templateId)
                        .orElseThrow(
                                () ->
                                        new SurveyException(
                                                400, "unknown template '" + templateId + "'"));
        if (title == null || title.isBlank() || title.length() > 200) {
            throw new SurveyException(400, "title is required (at most 200 characters)");
        }
        Instant now = clock.instant();
        if (closesOn == null) {
            throw new SurveyException(400, "closes_on is required (YYYY-MM-DD)");
        }
        if (closesOn.isBefore(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
            throw new SurveyException(400, "closes_on " + closesOn + " is in the past");
        }
        if (invitations == null || invitations.isEmpty()) {
            throw new SurveyException(400, "teams is required: invitations per team");
        }
        int total = 0;
        for (var e : invitations.entrySet()) {
            String team = e.getKey();
            if (team == null || team.isBlank() || team.length() > 100) {
                throw new SurveyException(400, "team names must be 1 to 100 characters");
            }
            if (e.getValue() == null || e.getValue() < 1) {
                throw new SurveyException(
                        400, "team '" + team + "': invitations must be a positive number");
            }
            total += e.getValue();
        }
        if (total > MAX_INVITATIONS) {
            throw new SurveyException(
                    400, "at most " + MAX_INVITATIONS + " invitations per survey, asked " + total);
        }
        Survey survey =
                new Survey(
                        InvitationTokens.randomId(8),
                        template.id(),
                        title.strip(),
                        template.description(),
                        template.questions(),
                        invitations,
                        now,
                        closesOn,
                        null);
        List<Link> links = new ArrayList<>();
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String team : survey.invited().keySet()) {
            for (int i = 0; i < survey.invited().get(team); i++) {
                String token = InvitationTokens.create();
                links.add(new Link(team, token));
                hashes.put(InvitationTokens.hash(token), team);
            }
        }
        store.add(survey, hashes);
        return new Created(survey, links);
    }

    public java.util.Optional<Survey> survey(String id) {
        return store.survey(id);
    }

    public List<Survey> surveys() {
        return store.surveys();
    }

    /**
     * @throws SurveyException 404 for an unknown survey
     */
    public Survey close(String id) {
        survey(id).orElseThrow(() -> unknown(id));
        store.close(id, clock.instant());
        return survey(id).orElseThrow();
    }

    /**
     * What a link opens.
     *
     * @throws SurveyException 404 unknown link, 409 already used, 410 survey closed
     */
    public Invitation invitation(String token) {
        SurveyStore.Invitation i =
                InvitationTokens.wellFormed(token)
                        ? store.invitation(InvitationTokens.hash(token)).orElse(null)
                        : null;
        if (i == null) {
            throw new SurveyException(404, "this survey link is not valid");
        }
        Survey survey = store.survey(i.surveyId()).orElseThrow();
        if (!survey.openAt(clock.instant())) {
            throw new SurveyException(410, "this survey is closed");
        }
        if (i.used()) {
            throw new SurveyException(409, "this survey link has already been used");
        }
        return new Invitation(survey, i.team());
    }

    /**
     * Takes a response through a link: checks it, uses the link up, and returns once the response
     * is durable. If it cannot be made durable the link is given back (503). Only the survey, the
     * team, a random id and the answers are published.
     *
     * @param answers text per question id; empty values are unanswered
     * @throws SurveyException 400 invalid answer, 404, 409, 410 as for {@link #invitation}, 503
     */
    public void submit(String token, Map<String, String> answers) {
        Invitation invitation = invitation(token);
        List<SurveyAnswer> checked = Answers.check(invitation.survey().questions(), answers);
        if (publisher == null) {
            throw new SurveyException(503, "this server does not take survey responses");
        }
        String hash = InvitationTokens.hash(token);
        if (!store.claim(hash)) {
            throw new SurveyException(409, "this survey link has already been used");
        }
        Survey survey = invitation.survey();
        SurveyResponseEvent response =
                new SurveyResponseEvent(
                        survey.id(),
                        survey.template(),
                        invitation.team(),
                        UUID.randomUUID().toString(),
                        survey.createdAt(),
                        checked);
        // Receipt time and delivery id say nothing about the respondent either: the survey's
        // opening time and the random response id.
        RawEnvelope envelope =
                new RawEnvelope(
                        UUID.randomUUID().toString(),
                        SurveyResponseEvent.SOURCE,
                        SurveyResponseEvent.EVENT_TYPE,
                        response.responseId(),
                        survey.createdAt(),
                        Map.of(),
                        SurveyResponseCodec.encode(response));
        try {
            publisher.publish(envelope).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            store.release(hash);
            throw new SurveyException(503, "the response could not be stored; try again");
        } catch (ExecutionException | TimeoutException e) {
            store.release(hash);
            throw new SurveyException(503, "the response could not be stored; try again");
        }
    }

    /**
     * Results with small groups suppressed, the change against the previous survey of the same
     * template and that template's history.
     *
     * @throws SurveyException 404 for an unknown survey
     */
    public ObjectNode results(String id) {
        Survey survey = survey(id).orElseThrow(() -> unknown(id));
        List<SurveyResults.Scored> history = new ArrayList<>();
        for (Survey s : store.surveys()) {
            if (s.template().equals(survey.template())
                    && s.createdAt().isBefore(survey.createdAt())) {
                history.add(new SurveyResults.Scored(s, counts(s.id())));
            }
        }
        return SurveyResults.of(
                new SurveyResults.Scored(survey, counts(id)), history, k, clock.instant());
    }

    private AnswerCounts counts(String surveyId) {
        AnswerCounts counts = new AnswerCounts();
        for (var r : warehouse.survey("survey_respondents", surveyId)) {
            counts.respondents((String) r.get("team"), ((Number) r.get("respondents")).intValue());
        }
        for (var r : warehouse.survey("survey_answers", surveyId)) {
            counts.answers(
                    (String) r.get("team"),
                    (String) r.get("question_id"),
                    (String) r.get("answer"),
                    ((Number) r.get("answers")).intValue());
        }
        for (var r : warehouse.survey("survey_free_text", surveyId)) {
            counts.freeText(
                    (String) r.get("team"),
                    (String) r.get("question_id"),
                    (String) r.get("answer"));
        }
        return counts;
    }

    private static SurveyException unknown(String id) {
        return new SurveyException(404, "no survey '" + id + "'");
    }
}
