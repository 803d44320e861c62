package dev.dora.dashboard.surveys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dora.dashboard.ApiException;
import dev.dora.surveys.Survey;
import dev.dora.surveys.SurveyJson;
import dev.dora.surveys.Surveys;
import dev.dora.surveys.results.ResultsFile;
import dev.dora.surveys.template.Template;
import dev.dora.surveys.template.TemplateException;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /api/v1/surveys} and {@code /api/v1/survey-templates}: list, read and (admin) create and
 * close surveys; read and (admin) add templates; results with small groups suppressed; and the
 * results as an export. Links are in the answer to the create call only.
 */
public final class SurveysApi {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Surveys surveys;

    public SurveysApi(Surveys surveys) {
        this.surveys = surveys;
    }

    public void list(Context ctx) {
        ObjectNode out = MAPPER.createObjectNode();
        ArrayNode list = out.putArray("surveys");
        java.util.List<Survey> newestFirst = new java.util.ArrayList<>(surveys.surveys());
        java.util.Collections.reverse(newestFirst);
        for (Survey s : newestFirst) {
            ObjectNode o = SurveyJson.survey(s, surveys.now());
            o.remove("questions");
            o.remove("description");
            o.put("invited_total", s.invitedTotal());
            list.add(o);
        }
        json(ctx, 200, out);
    }

    public void create(Context ctx) {
        JsonNode body = body(ctx, "a JSON object with template, title, closes_on and teams");
        String template = text(body, "template");
        String title = text(body, "title");
        LocalDate closesOn;
        try {
            String c = text(body, "closes_on");
            closesOn = c == null ? null : LocalDate.parse(c);
        } catch (DateTimeParseException e) {
            throw new ApiException(400, "closes_on must be a date, YYYY-MM-DD");
        }
        JsonNode teams = body.get("teams");
        if (teams == null || !teams.isObject()) {
            throw new ApiException(
                    400, "teams must be an object of invitation counts, e.g. {\"payments\": 8}");
        }
        Map<String, Integer> invitations = new LinkedHashMap<>();
        for (var it = teams.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().canConvertToInt() || !e.getValue().isIntegralNumber()) {
                throw new ApiException(
                        400, "teams." + e.getKey() + " must be a whole number of invitations");
            }
            invitations.put(e.getKey().strip(), e.getValue().asInt());
        }
        Surveys.Created created = surveys.create(template, title, closesOn, invitations);
        ObjectNode out = SurveyJson.survey(created.survey(), surveys.now());
        ArrayNode links = out.putArray("links");
        String base = ctx.scheme() + "://" + ctx.host();
        for (Surveys.Link l : created.links()) {
            links.addObject()
                    .put("team", l.team())
                    .put("path", "/s/" + l.token())
                    .put("url", base + "/s/" + l.token());
        }
        ctx.header("Cache-Control", "no-store");
        json(ctx, 201, out);
    }

    public void get(Context ctx) {
        json(ctx, 200, SurveyJson.survey(survey(ctx), surveys.now()));
    }

    public void close(Context ctx) {
        Survey s = surveys.close(survey(ctx).id());
        json(ctx, 200, SurveyJson.survey(s, surveys.now()));
    }

    public void results(Context ctx) {
        json(ctx, 200, surveys.results(survey(ctx).id()));
    }

    public void templates(Context ctx) {
        ObjectNode out = MAPPER.createObjectNode();
        ArrayNode list = out.putArray("templates");
        for (Template t : surveys.templates().all()) {
            ObjectNode o = SurveyJson.template(t);
            o.put("questions_count", t.questions().size());
            o.remove("questions");
            list.add(o);
        }
        json(ctx, 200, out);
    }

    public void template(Context ctx) {
        String id = ctx.pathParam("id");
        Template t =
                surveys.templates()
                        .get(id)
                        .orElseThrow(() -> new ApiException(404, "no template '" + id + "'"));
        json(ctx, 200, SurveyJson.template(t));
    }

    /** Adds a template from a YAML (or JSON, which is YAML too) body. */
    public void addTemplate(Context ctx) {
        String body = ctx.body();
        if (body.isBlank()) {
            throw new ApiException(400, "the body must be a template in YAML");
        }
        try {
            Template t = surveys.templates().add(body);
            json(ctx, 201, SurveyJson.template(t));
        } catch (TemplateException e) {
            throw new ApiException(e.getMessage().contains("built-in") ? 409 : 400, e.getMessage());
        }
    }

    /** {@code survey-results.csv|json?survey=ID}: the results as a file, suppression applied. */
    public void export(Context ctx, String format) throws IOException {
        String id = ctx.queryParam("survey");
        if (id == null || id.isBlank()) {
            throw new ApiException(400, "survey=<id> is required for survey-results");
        }
        try {
            ResultsFile.check(format);
        } catch (IllegalArgumentException e) {
            throw new ApiException(404, e.getMessage());
        }
        ObjectNode results = surveys.results(found(id).id());
        String file = "dora-survey-results-" + id + "." + format;
        ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
        ctx.contentType(ResultsFile.mediaType(format));
        ResultsFile.write(results, format, ctx.outputStream());
    }

    private Survey survey(Context ctx) {
        return found(ctx.pathParam("id"));
    }

    private Survey found(String id) {
        return surveys.survey(id)
                .orElseThrow(() -> new ApiException(404, "no survey '" + id + "'"));
    }

    private static JsonNode body(Context ctx, String expected) {
        try {
            JsonNode n = MAPPER.readTree(ctx.body());
            if (n != null && n.isObject()) {
                return n;
            }
        } catch (IOException e) {
            // reported below
        }
        throw new ApiException(400, "the body must be " + expected);
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new ApiException(400, field + " must be a string");
        }
        return v.asText();
    }

    static void json(Context ctx, int status, JsonNode body) {
        try {
            ctx.status(status)
                    .contentType("application/json")
                    .result(MAPPER.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
