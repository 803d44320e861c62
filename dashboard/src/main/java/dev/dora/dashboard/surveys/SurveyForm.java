package dev.dora.dashboard.surveys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dora.surveys.SurveyException;
import dev.dora.surveys.Surveys;
import dev.dora.surveys.form.ResponseForm;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /s/{token}}, public: the invitation link. GET shows the form (or why it cannot be used);
 * POST takes the form, or JSON {@code {"answers": {"<question id>": value}}}, and answers 409 for a
 * used link, 410 for a closed survey and 400 naming the question for an invalid answer. Pages are
 * never cached, and nothing about the request (address, agent) is kept.
 */
public final class SurveyForm {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Surveys surveys;

    public SurveyForm(Surveys surveys) {
        this.surveys = surveys;
    }

    public void show(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        try {
            Surveys.Invitation i = surveys.invitation(ctx.pathParam("token"));
            ctx.html(ResponseForm.form(i.survey(), ctx.path(), Map.of(), null));
        } catch (SurveyException e) {
            ctx.status(e.status()).html(ResponseForm.problem(e.getMessage()));
        }
    }

    public void submit(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        String token = ctx.pathParam("token");
        boolean json =
                ctx.contentType() != null && ctx.contentType().startsWith("application/json");
        Map<String, String> answers;
        try {
            answers = json ? jsonAnswers(ctx) : formAnswers(ctx);
        } catch (SurveyException e) {
            refuse(ctx, json, e);
            return;
        }
        Surveys.Invitation i = null;
        try {
            i = surveys.invitation(token);
            surveys.submit(token, answers);
            if (json) {
                SurveysApi.json(ctx, 201, MAPPER.createObjectNode().put("status", "recorded"));
            } else {
                ctx.html(ResponseForm.thanks(i.survey()));
            }
        } catch (SurveyException e) {
            if (!json && e.status() == 400 && i != null) {
                // The form again, with what was filled in and the problem named.
                ctx.status(400)
                        .html(ResponseForm.form(i.survey(), ctx.path(), answers, e.getMessage()));
            } else {
                refuse(ctx, json, e);
            }
        }
    }

    private static void refuse(Context ctx, boolean json, SurveyException e) {
        if (json) {
            SurveysApi.json(
                    ctx, e.status(), MAPPER.createObjectNode().put("error", e.getMessage()));
        } else {
            ctx.status(e.status()).html(ResponseForm.problem(e.getMessage()));
        }
    }

    private static Map<String, String> formAnswers(Context ctx) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : ctx.formParamMap().entrySet()) {
            if (e.getValue().size() > 1) {
                throw new SurveyException(
                        400, "question '" + e.getKey() + "' has more than one answer");
            }
            out.put(e.getKey(), e.getValue().isEmpty() ? "" : e.getValue().get(0));
        }
        return out;
    }

    private static Map<String, String> jsonAnswers(Context ctx) {
        JsonNode body;
        try {
            body = MAPPER.readTree(ctx.body());
        } catch (IOException e) {
            body = null;
        }
        JsonNode answers = body == null ? null : body.get("answers");
        if (answers == null || !answers.isObject()) {
            throw new SurveyException(
                    400,
                    "the body must be a JSON object {\"answers\": {\"<question id>\": value}}");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (var it = answers.fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode v = e.getValue();
            if (v.isNull()) {
                continue;
            }
            if (!v.isValueNode() || v.isBoolean()) {
                throw new SurveyException(
                        400,
                        "question '" + e.getKey() + "': the answer must be a number or a string");
            }
            out.put(e.getKey(), v.isNumber() ? v.numberValue().toString() : v.asText());
        }
        return out;
    }
}
