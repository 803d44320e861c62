package dev.dora.surveys.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dora.surveys.Survey;
import dev.dora.surveys.template.Question;
import dev.dora.surveys.template.QuestionType;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The worked example of METRICS.md ("Surveys"): commerce 6 respondents, discovery 5, platform 2, k
 * = 5. Platform is under k; subtracting the shown teams from the total would reveal it, so
 * discovery, the smallest shown team, is suppressed too.
 */
class SurveyResultsTest {
    static final Instant OPENED = Instant.parse("2026-11-02T09:00:00Z");
    static final List<Question> QUESTIONS =
            List.of(
                    q("flow_focus", QuestionType.LIKERT5, "flow"),
                    q("flow_delivery", QuestionType.LIKERT5, "flow"),
                    q("enps", QuestionType.NPS, "satisfaction"),
                    q("comment", QuestionType.FREE_TEXT, "satisfaction"));

    static Question q(String id, QuestionType type, String dimension) {
        return new Question(id, type, dimension, id + "?", false, List.of(), null, null);
    }

    static Survey survey(String id, Instant opened) {
        return new Survey(
                id,
                "devex-quarterly",
                "DevEx " + id,
                "",
                QUESTIONS,
                Map.of("commerce", 8, "discovery", 6, "platform", 4),
                opened,
                LocalDate.parse("2026-11-30"),
                null);
    }

    /** Adds one answer per value to a team's question. */
    static void answers(AnswerCounts c, String team, String question, String... values) {
        for (String v : values) {
            c.answers(team, question, v, 1);
        }
    }

    static AnswerCounts example() {
        AnswerCounts c = new AnswerCounts();
        c.respondents("commerce", 6).respondents("discovery", 5).respondents("platform", 2);
        answers(c, "commerce", "flow_focus", "5", "5", "4", "3", "2", "n/a");
        answers(c, "commerce", "flow_delivery", "4", "4", "4", "4", "1", "1");
        answers(c, "commerce", "enps", "10", "9", "9", "8", "6", "3");
        answers(c, "discovery", "flow_focus", "4", "4", "4", "4", "4");
        answers(c, "discovery", "flow_delivery", "2", "2", "3", "3", "n/a");
        answers(c, "discovery", "enps", "10", "10", "7", "7", "0");
        answers(c, "platform", "flow_focus", "1", "1");
        answers(c, "platform", "flow_delivery", "5", "5");
        answers(c, "platform", "enps", "0", "0");
        c.freeText("commerce", "comment", "faster CI");
        c.freeText("commerce", "comment", "=HYPERLINK(\"x\")");
        c.freeText("platform", "comment", "more docs");
        return c;
    }

    @Test
    void theWorkedExample() {
        JsonNode r =
                SurveyResults.of(
                        new SurveyResults.Scored(survey("s2", OPENED), example()),
                        List.of(),
                        5,
                        OPENED);
        assertThat(r.at("/participation/invited").asInt()).isEqualTo(18);
        assertThat(r.at("/participation/respondents").asInt()).isEqualTo(13);
        assertThat(r.at("/participation/rate").asDouble()).isEqualTo(0.722);

        JsonNode overall = r.get("overall");
        assertThat(overall.get("respondents").asInt()).isEqualTo(13);
        assertThat(overall.get("enps").asDouble()).isEqualTo(0.0); // (5 - 5) / 13
        assertThat(overall.at("/questions/0/percent_favourable").asDouble()).isEqualTo(66.7);
        assertThat(overall.at("/questions/0/not_applicable").asInt()).isEqualTo(1);
        assertThat(overall.at("/questions/1/percent_favourable").asDouble()).isEqualTo(50.0);
        assertThat(overall.at("/dimensions/0/dimension").asText()).isEqualTo("flow");
        assertThat(overall.at("/dimensions/0/favourable").asInt()).isEqualTo(14);
        assertThat(overall.at("/dimensions/0/answers").asInt()).isEqualTo(24);
        assertThat(overall.at("/dimensions/0/percent_favourable").asDouble()).isEqualTo(58.3);
        assertThat(overall.at("/questions/2/promoters").asInt()).isEqualTo(5);
        assertThat(overall.at("/questions/2/detractors").asInt()).isEqualTo(5);
        assertThat(overall.at("/questions/2/distribution/0").asInt()).isEqualTo(3);
        // Everyone's free text, alphabetically: no order of arrival, no team.
        assertThat(overall.at("/free_text/0/answers").toString())
                .isEqualTo("[\"=HYPERLINK(\\\"x\\\")\",\"faster CI\",\"more docs\"]");

        JsonNode commerce = r.at("/teams/0");
        assertThat(commerce.get("team").asText()).isEqualTo("commerce");
        assertThat(commerce.get("respondents").asInt()).isEqualTo(6);
        assertThat(commerce.get("participation_rate").asDouble()).isEqualTo(0.75);
        assertThat(commerce.get("enps").asDouble()).isEqualTo(16.7); // (3 - 2) / 6
        assertThat(commerce.at("/questions/0/percent_favourable").asDouble()).isEqualTo(60.0);
        assertThat(commerce.at("/questions/1/percent_favourable").asDouble()).isEqualTo(66.7);
        assertThat(commerce.at("/dimensions/0/percent_favourable").asDouble()).isEqualTo(63.6);
        assertThat(commerce.at("/free_text/0/answers")).hasSize(2);

        // Platform is under k; discovery is hidden with it so that subtraction gives only the
        // two together (7 people).
        assertThat(r.at("/teams/1").toString())
                .isEqualTo("{\"team\":\"discovery\",\"suppressed\":true}");
        assertThat(r.at("/teams/2").toString())
                .isEqualTo("{\"team\":\"platform\",\"suppressed\":true}");
        assertThat(r.at("/trend/previous").isNull()).isTrue();
    }

    @Test
    void theTrendComparesWithThePreviousSurveyOfTheTemplate() {
        AnswerCounts before = new AnswerCounts();
        before.respondents("commerce", 5).respondents("discovery", 5);
        answers(before, "commerce", "flow_focus", "4", "4", "2", "2", "2");
        answers(before, "commerce", "enps", "9", "3", "3", "3", "8");
        answers(before, "discovery", "flow_focus", "4", "4", "4", "4", "4");
        answers(before, "discovery", "enps", "10", "10", "10", "10", "10");
        SurveyResults.Scored previous =
                new SurveyResults.Scored(survey("s1", OPENED.minusSeconds(86_400 * 90)), before);
        JsonNode r =
                SurveyResults.of(
                        new SurveyResults.Scored(survey("s2", OPENED), example()),
                        List.of(previous),
                        5,
                        OPENED);
        assertThat(r.at("/trend/previous/id").asText()).isEqualTo("s1");
        // Before: enps (6 - 3) / 10 = 30.0; now 0.0.
        assertThat(r.at("/trend/overall/enps/previous").asDouble()).isEqualTo(30.0);
        assertThat(r.at("/trend/overall/enps/change").asDouble()).isEqualTo(-30.0);
        // Flow before: flow_focus 7/10 = 70.0; now 58.3.
        assertThat(r.at("/trend/overall/dimensions/0/change").asDouble()).isEqualTo(-11.7);
        // Commerce was shown both times: enps -40.0 → 16.7.
        assertThat(r.at("/trend/teams/0/team").asText()).isEqualTo("commerce");
        assertThat(r.at("/trend/teams/0/enps/change").asDouble()).isEqualTo(56.7);
        // Discovery is suppressed now, so it has no trend.
        assertThat(r.at("/trend/teams")).hasSize(1);
        assertThat(r.get("history")).hasSize(2);
        assertThat(r.at("/history/0/enps").asDouble()).isEqualTo(30.0);
        assertThat(r.at("/history/1/dimensions/flow").asDouble()).isEqualTo(58.3);
    }

    @Test
    void theCsvShowsWhatTheApiShowsAndEscapesText() throws Exception {
        JsonNode r =
                SurveyResults.of(
                        new SurveyResults.Scored(survey("s2", OPENED), example()),
                        List.of(),
                        5,
                        OPENED);
        StringWriter w = new StringWriter();
        ResultsCsv.write(r, w);
        String csv = w.toString();
        assertThat(csv).startsWith(ResultsCsv.HEADER + "\n");
        assertThat(csv).contains("s2,,false,13,enps,,0.0\n");
        assertThat(csv).contains("s2,,false,13,participation_rate,,0.722\n");
        assertThat(csv).contains("s2,commerce,false,6,percent_favourable,flow,63.6\n");
        assertThat(csv).contains("s2,discovery,true,,,,\n");
        assertThat(csv).contains("s2,platform,true,,,,\n");
        assertThat(csv).doesNotContain("discovery,false").doesNotContain("platform,false");
        assertThat(csv).contains("free_text,comment,\"'=HYPERLINK(\"\"x\"\")\"\n");
    }

    @Test
    void aSmallSurveyShowsParticipationOnly() {
        AnswerCounts c = new AnswerCounts();
        c.respondents("commerce", 3);
        answers(c, "commerce", "enps", "10", "10", "10");
        JsonNode r =
                SurveyResults.of(
                        new SurveyResults.Scored(survey("s3", OPENED), c), List.of(), 5, OPENED);
        assertThat(r.get("overall").toString()).isEqualTo("{\"suppressed\":true}");
        assertThat(r.at("/participation/respondents").asInt()).isEqualTo(3);
        assertThat(r.toString()).doesNotContain("enps\":100");
    }
}
