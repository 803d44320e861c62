package dev.dora.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The demo's surveys, run as a platform team would run them, through the API and the invitation
 * links: last quarter's developer-experience survey (closed; platform had too few respondents, so
 * it and the next-smallest team are suppressed), this quarter's (open, every team shown, better
 * flow scores), and a platform-experience survey. Answers are seeded, per team, so teams differ.
 */
final class DemoSurveys {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Respondents per team, in DemoOrganisation.TEAMS order; invitations are a few more. */
    private record Plan(
            String template, String title, int[] respondents, double mood, boolean close) {}

    private static final List<Plan> PLANS =
            List.of(
                    new Plan(
                            "devex-quarterly",
                            "Developer experience, last quarter",
                            new int[] {7, 6, 2},
                            -0.6,
                            true),
                    new Plan(
                            "devex-quarterly",
                            "Developer experience, this quarter",
                            new int[] {8, 6, 5},
                            0.3,
                            false),
                    new Plan(
                            "platform-experience",
                            "Platform experience",
                            new int[] {6, 7, 5},
                            0.0,
                            false));

    private static final String[] COMMENTS = {
        "Flaky integration tests cost us a morning a week.",
        "More golden-path templates, please.",
        "Code review turnaround has got much better.",
        "Staging environments take too long to get.",
        "Docs for the deploy pipeline are out of date."
    };

    private DemoSurveys() {}

    static void load(String baseUrl, String adminToken, PrintStream out) {
        HttpClient http = HttpClient.newHttpClient();
        Random random = new Random(42);
        List<String> teams = new ArrayList<>(DemoOrganisation.TEAMS.keySet());
        int responses = 0;
        try {
            for (Plan plan : PLANS) {
                Map<String, Integer> invited = new LinkedHashMap<>();
                for (int i = 0; i < teams.size(); i++) {
                    invited.put(teams.get(i), plan.respondents()[i] + 2);
                }
                ObjectNode body = MAPPER.createObjectNode();
                body.put("template", plan.template());
                body.put("title", plan.title());
                body.put("closes_on", LocalDate.now(ZoneOffset.UTC).plusDays(21).toString());
                body.set("teams", MAPPER.valueToTree(invited));
                JsonNode survey = send(http, baseUrl + "/api/v1/surveys", adminToken, body);
                JsonNode questions = survey.get("questions");
                Map<String, Integer> answered = new LinkedHashMap<>();
                for (JsonNode link : survey.get("links")) {
                    String team = link.get("team").asText();
                    int wanted = plan.respondents()[teams.indexOf(team)];
                    if (answered.merge(team, 1, Integer::sum) > wanted) {
                        continue;
                    }
                    double bias =
                            plan.mood()
                                    + (teams.indexOf(team) == 0 ? 0.5 : 0)
                                    - (teams.indexOf(team) == 2 ? 0.3 : 0);
                    ObjectNode answers = MAPPER.createObjectNode();
                    for (JsonNode q : questions) {
                        answer(answers, q, bias, random);
                    }
                    ObjectNode response = MAPPER.createObjectNode();
                    response.set("answers", answers);
                    send(http, baseUrl + link.get("path").asText(), null, response);
                    responses++;
                }
                if (plan.close()) {
                    send(
                            http,
                            baseUrl + "/api/v1/surveys/" + survey.get("id").asText() + "/close",
                            adminToken,
                            MAPPER.createObjectNode());
                }
            }
            out.println(
                    "dora: demo surveys loaded ("
                            + PLANS.size()
                            + " surveys, "
                            + responses
                            + " responses)");
        } catch (IOException | RuntimeException e) {
            out.println(
                    "dora: demo surveys failed after "
                            + responses
                            + " responses: "
                            + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(ObjectNode answers, JsonNode q, double bias, Random random) {
        String id = q.get("id").asText();
        switch (q.get("type").asText()) {
            case "likert5" -> {
                if (random.nextInt(12) == 0) {
                    answers.put(id, "n/a");
                } else {
                    answers.put(
                            id,
                            (int)
                                    Math.max(
                                            1,
                                            Math.min(
                                                    5,
                                                    Math.round(
                                                            3.4 + bias + random.nextGaussian()))));
                }
            }
            case "nps" ->
                    answers.put(
                            id,
                            (int)
                                    Math.max(
                                            0,
                                            Math.min(
                                                    10,
                                                    Math.round(
                                                            7.5
                                                                    + 2 * bias
                                                                    + 2 * random.nextGaussian()))));
            case "single_choice" -> {
                JsonNode options = q.get("options");
                // Later options are the better ones in the built-in templates.
                int i =
                        (int)
                                Math.max(
                                        0,
                                        Math.min(
                                                options.size() - 1,
                                                Math.round(
                                                        options.size() * 0.6
                                                                + bias
                                                                + random.nextGaussian())));
                answers.put(id, options.get(i).get("id").asText());
            }
            case "number" ->
                    answers.put(
                            id,
                            Math.max(
                                    0, (int) Math.round(3 - 2 * bias + 2 * random.nextGaussian())));
            case "free_text" -> {
                if (random.nextInt(3) == 0) {
                    answers.put(id, COMMENTS[random.nextInt(COMMENTS.length)]);
                }
            }
            default -> {}
        }
    }

    private static JsonNode send(HttpClient http, String url, String token, JsonNode body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    url.replaceAll("/s/[^/]+$", "/s/…")
                            + " answered "
                            + r.statusCode()
                            + ": "
                            + r.body());
        }
        return MAPPER.readTree(r.body());
    }
}
