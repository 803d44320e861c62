package dev.dora.surveys.results;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dora.warehouse.ExportWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Survey results as CSV, one measure per row, from exactly what the API shows (so suppression holds
 * here too): a suppressed group is one row saying so and nothing else. Columns: survey, team (empty
 * for everyone), suppressed, respondents, measure ({@code participation_rate}, {@code enps}, {@code
 * percent_favourable}, {@code answers}, {@code median}, {@code free_text}), item (the dimension,
 * question, or question and answer), value. Text cells are escaped against formula injection.
 */
public final class ResultsCsv {
    public static final String HEADER = "survey,team,suppressed,respondents,measure,item,value";

    private ResultsCsv() {}

    public static void write(JsonNode results, Writer out) throws IOException {
        String survey = results.get("survey").get("id").asText();
        out.write(HEADER + "\n");
        JsonNode p = results.get("participation");
        JsonNode overall = results.get("overall");
        group(survey, "", overall, out);
        if (!overall.has("suppressed")) {
            row(
                    out,
                    survey,
                    "",
                    false,
                    overall.get("respondents").asText(),
                    "participation_rate",
                    "",
                    number(p.get("rate")));
        }
        for (JsonNode team : results.get("teams")) {
            group(survey, team.get("team").asText(), team, out);
        }
    }

    private static void group(String survey, String team, JsonNode g, Writer out)
            throws IOException {
        if (g.has("suppressed")) {
            row(out, survey, team, true, "", "", "", "");
            return;
        }
        String n = g.get("respondents").asText();
        if (!team.isEmpty() && g.hasNonNull("participation_rate")) {
            row(
                    out,
                    survey,
                    team,
                    false,
                    n,
                    "participation_rate",
                    "",
                    number(g.get("participation_rate")));
        }
        row(out, survey, team, false, n, "enps", "", number(g.get("enps")));
        for (JsonNode d : g.get("dimensions")) {
            row(
                    out,
                    survey,
                    team,
                    false,
                    n,
                    "percent_favourable",
                    d.get("dimension").asText(),
                    number(d.get("percent_favourable")));
        }
        for (JsonNode q : g.get("questions")) {
            String id = q.get("id").asText();
            if (q.has("percent_favourable")) {
                row(
                        out,
                        survey,
                        team,
                        false,
                        n,
                        "percent_favourable",
                        id,
                        number(q.get("percent_favourable")));
            }
            if (q.has("enps")) {
                row(out, survey, team, false, n, "enps", id, number(q.get("enps")));
            }
            if (q.has("median")) {
                row(out, survey, team, false, n, "median", id, number(q.get("median")));
            }
            JsonNode dist = q.get("distribution");
            if (dist != null) {
                List<String> answers = new ArrayList<>();
                dist.fieldNames().forEachRemaining(answers::add);
                for (String a : answers) {
                    row(out, survey, team, false, n, "answers", id + "=" + a, dist.get(a).asText());
                }
            } else {
                row(out, survey, team, false, n, "answers", id, q.get("answers").asText());
            }
        }
        for (JsonNode ft : g.get("free_text")) {
            for (JsonNode text : ft.get("answers")) {
                row(
                        out,
                        survey,
                        team,
                        false,
                        n,
                        "free_text",
                        ft.get("question").asText(),
                        ExportWriter.csvCell(text.asText()));
            }
        }
    }

    private static String number(JsonNode v) {
        return v == null || v.isNull() ? "" : v.asText();
    }

    private static void row(
            Writer out,
            String survey,
            String team,
            boolean suppressed,
            String respondents,
            String measure,
            String item,
            String value)
            throws IOException {
        out.write(
                String.join(
                        ",",
                        ExportWriter.csvCell(survey),
                        ExportWriter.csvCell(team),
                        Boolean.toString(suppressed),
                        respondents,
                        measure,
                        ExportWriter.csvCell(item),
                        value));
        out.write("\n");
    }
}
