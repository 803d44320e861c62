package dev.dora.surveys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dora.surveys.template.Option;
import dev.dora.surveys.template.Question;
import dev.dora.surveys.template.QuestionType;
import dev.dora.surveys.template.Template;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Surveys, questions and templates as JSON: the store's file format and the API's bodies. */
public final class SurveyJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private SurveyJson() {}

    public static ObjectNode survey(Survey s, Instant now) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", s.id());
        n.put("template", s.template());
        n.put("title", s.title());
        n.put("description", s.description());
        n.put("status", s.status(now));
        n.put("created_at", s.createdAt().toString());
        n.put("closes_on", s.closesOn().toString());
        if (s.closedAt() == null) {
            n.putNull("closed_at");
        } else {
            n.put("closed_at", s.closedAt().toString());
        }
        ObjectNode invited = n.putObject("invited");
        s.invited().forEach(invited::put);
        n.set("questions", questions(s.questions()));
        return n;
    }

    public static ObjectNode template(Template t) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", t.id());
        n.put("title", t.title());
        n.put("description", t.description());
        n.put("built_in", t.builtIn());
        n.set("questions", questions(t.questions()));
        return n;
    }

    static ArrayNode questions(List<Question> questions) {
        ArrayNode list = MAPPER.createArrayNode();
        for (Question q : questions) {
            ObjectNode o = list.addObject();
            o.put("id", q.id());
            o.put("type", q.type().id());
            o.put("dimension", q.dimension());
            o.put("text", q.text());
            o.put("required", q.required());
            if (q.type() == QuestionType.SINGLE_CHOICE) {
                ArrayNode options = o.putArray("options");
                for (Option opt : q.options()) {
                    options.addObject().put("id", opt.id()).put("label", opt.label());
                }
            }
            if (q.min() != null) {
                o.put("min", q.min());
            }
            if (q.max() != null) {
                o.put("max", q.max());
            }
        }
        return list;
    }

    static Survey readSurvey(JsonNode n) {
        Map<String, Integer> invited = new LinkedHashMap<>();
        n.get("invited")
                .fields()
                .forEachRemaining(e -> invited.put(e.getKey(), e.getValue().asInt()));
        JsonNode closed = n.get("closed_at");
        return new Survey(
                n.get("id").asText(),
                n.get("template").asText(),
                n.get("title").asText(),
                n.path("description").asText(""),
                readQuestions(n.get("questions")),
                invited,
                Instant.parse(n.get("created_at").asText()),
                LocalDate.parse(n.get("closes_on").asText()),
                closed == null || closed.isNull() ? null : Instant.parse(closed.asText()));
    }

    static List<Question> readQuestions(JsonNode list) {
        List<Question> out = new ArrayList<>();
        for (JsonNode q : list) {
            List<Option> options = new ArrayList<>();
            for (JsonNode o : q.path("options")) {
                options.add(new Option(o.get("id").asText(), o.get("label").asText()));
            }
            out.add(
                    new Question(
                            q.get("id").asText(),
                            QuestionType.parse(q.get("type").asText()).orElseThrow(),
                            q.get("dimension").asText(),
                            q.get("text").asText(),
                            q.path("required").asBoolean(false),
                            options,
                            q.hasNonNull("min") ? q.get("min").asDouble() : null,
                            q.hasNonNull("max") ? q.get("max").asDouble() : null));
        }
        return out;
    }
}
