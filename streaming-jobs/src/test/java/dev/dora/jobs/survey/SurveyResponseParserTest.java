package dev.dora.jobs.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dora.events.CanonicalEvent;
import dev.dora.events.RawEnvelope;
import dev.dora.events.survey.SurveyAnswer;
import dev.dora.events.survey.SurveyResponseCodec;
import dev.dora.events.survey.SurveyResponseEvent;
import dev.dora.jobs.CanonicalChecks;
import dev.dora.jobs.Parsers;
import dev.dora.jobs.UnparseableEventException;
import dev.dora.jobs.facts.FactRows;
import dev.dora.jobs.facts.SurveyResponseRow;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SurveyResponseParserTest {
    static final Instant OPENED = Instant.parse("2026-11-02T09:00:00Z");

    static RawEnvelope envelope(String type, byte[] body) {
        return new RawEnvelope("e-1", "survey", type, "r-1", OPENED, Map.of(), body);
    }

    @Test
    void aResponseBecomesOneRowPerAnswerAndNothingElse() {
        SurveyResponseEvent response =
                new SurveyResponseEvent(
                        "s1",
                        "devex-quarterly",
                        "commerce",
                        "r-1",
                        OPENED,
                        List.of(
                                new SurveyAnswer("flow_focus", "flow", "likert5", "4", 4L),
                                new SurveyAnswer("flow_delivery", "flow", "likert5", "n/a", null),
                                new SurveyAnswer("comment", "general", "free_text", "ok", null)));
        List<CanonicalEvent> events =
                Parsers.parse(envelope("survey_response", SurveyResponseCodec.encode(response)));
        assertThat(events).hasSize(1);
        assertThat(CanonicalChecks.problem(events.get(0))).isNull();
        assertThat(FactRows.surveyResponses(events.get(0)))
                .containsExactly(
                        new SurveyResponseRow(
                                "r-1",
                                "s1",
                                "devex-quarterly",
                                "commerce",
                                OPENED,
                                "flow_focus",
                                "flow",
                                "likert5",
                                "4",
                                4L),
                        new SurveyResponseRow(
                                "r-1",
                                "s1",
                                "devex-quarterly",
                                "commerce",
                                OPENED,
                                "flow_delivery",
                                "flow",
                                "likert5",
                                "n/a",
                                null),
                        new SurveyResponseRow(
                                "r-1",
                                "s1",
                                "devex-quarterly",
                                "commerce",
                                OPENED,
                                "comment",
                                "general",
                                "free_text",
                                "ok",
                                null));
        // Survey responses make no DORA facts.
        assertThat(FactRows.changes(events.get(0))).isEmpty();
        assertThat(FactRows.incidents(events.get(0))).isEmpty();
    }

    @Test
    void aBodyThatDoesNotDecodeIsRefusedWithTheReason() {
        assertThatThrownBy(
                        () ->
                                Parsers.parse(
                                        envelope(
                                                "survey_response",
                                                "{\"survey_id\":\"s1\"}"
                                                        .getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage("survey response without an answers array");
        assertThatThrownBy(() -> Parsers.parse(envelope("survey_vote", new byte[0])))
                .hasMessage("unknown survey event type 'survey_vote'");
    }
}
