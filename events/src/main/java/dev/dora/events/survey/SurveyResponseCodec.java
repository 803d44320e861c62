package dev.dora.events.survey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of a survey-response envelope: one JSON object. Written by the surveys module, read by
 * the streaming job; a body that does not decode is refused with the reason (and so kept in the
 * dead letter).
 */
public final class SurveyResponseCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SurveyResponseCodec() {}

    public static byte[] encode(SurveyResponseEvent e) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("survey_id", e.surveyId());
        n.put("template", e.template());
        n.put("team", e.team());
        n.put("response_id", e.responseId());
        n.put("survey_opened_at", e.surveyOpenedAt().toString());
        ArrayNode answers = n.putArray("answers");
        for (SurveyAnswer a : e.answers()) {
            ObjectNode o = answers.addObject();
            o.put("question", a.questionId());
            o.put("dimension", a.dimension());
            o.put("type", a.type());
            o.put("answer", a.answer());
            if (a.value() != null) {
                o.put("value", a.value());
            }
        }
        try {
            return MAPPER.writeValueAsBytes(n);
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @throws IllegalArgumentException naming the problem, for a body that is not a response
     */
    public static SurveyResponseEvent decode(byte[] body) {
        JsonNode n;
        try {
            n = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("survey response is not JSON: " + e.getMessage());
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("survey response is not a JSON object");
        }
        JsonNode answers = n.get("answers");
        if (answers == null || !answers.isArray()) {
            throw new IllegalArgumentException("survey response without an answers array");
        }
        List<SurveyAnswer> list = new ArrayList<>();
        for (JsonNode a : answers) {
            JsonNode value = a.get("value");
            list.add(
                    new SurveyAnswer(
                            text(a, "question"),
                            text(a, "dimension"),
                            text(a, "type"),
                            text(a, "answer"),
                            value == null || value.isNull() ? null : value.asLong()));
        }
        Instant opened;
        try {
            opened = Instant.parse(text(n, "survey_opened_at"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "survey response: survey_opened_at is not an instant");
        }
        return new SurveyResponseEvent(
                text(n, "survey_id"),
                text(n, "template"),
                text(n, "team"),
                text(n, "response_id"),
                opened,
                list);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(
                    "survey response: missing text field '" + field + "'");
        }
        return v.asText();
    }
}
