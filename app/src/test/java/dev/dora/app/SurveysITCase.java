package dev.dora.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A survey from creation to results on the real embedded stack: responses go through {@code POST
 * /s/{token}} (one as a form, the rest as JSON), Kafka, the Flink job and Parquet, and are scored
 * by the warehouse. The answers are METRICS.md's worked example: commerce 6 of 8, discovery 5 of 6,
 * platform 2 of 4, k = 5. Then the anonymity checks: the small team and the team that would let it
 * be subtracted are suppressed in the API and the exports; links work once; a closed survey takes
 * nothing; and the Parquet table holds no identifying field.
 */
class SurveysITCase {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    // Per respondent of each team: flow_focus, flow_delivery, enps, and free text ("" = none).
    private static final String[][] COMMERCE = {
        {"5", "4", "10", "faster CI"},
        {"5", "4", "9", "=HYPERLINK(\"x\")"},
        {"4", "4", "9", ""},
        {"3", "4", "8", ""},
        {"2", "1", "6", ""},
        {"n/a", "1", "3", ""}
    };
    private static final String[][] DISCOVERY = {
        {"4", "2", "10", ""},
        {"4", "2", "10", ""},
        {"4", "3", "7", ""},
        {"4", "3", "7", ""},
        {"4", "n/a", "0", "discovery only"}
    };
    private static final String[][] PLATFORM = {{"1", "5", "0", "more docs"}, {"1", "5", "0", ""}};

    @Test
    void aSurveyFromCreationToResults(@TempDir Path dir) throws Exception {
        try (RunningDora dora = new RunningDora(dir.resolve("data"))) {
            String closes = LocalDate.now(ZoneOffset.UTC).plusDays(14).toString();
            HttpResponse<String> created =
                    send(
                            dora,
                            "POST",
                            "/api/v1/surveys",
                            RunningDora.ADMIN_TOKEN,
                            "application/json",
                            "{\"template\":\"devex-quarterly\",\"title\":\"DevEx Q4\",\"closes_on\":\""
                                    + closes
                                    + "\",\"teams\":{\"commerce\":8,\"discovery\":6,\"platform\":4}}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode survey = MAPPER.readTree(created.body());
            String id = survey.get("id").asText();
            Map<String, List<String>> links = new java.util.TreeMap<>();
            for (JsonNode l : survey.get("links")) {
                links.computeIfAbsent(l.get("team").asText(), t -> new ArrayList<>())
                        .add(l.get("path").asText());
            }
            assertThat(links.get("commerce")).hasSize(8);
            assertThat(dora.get("/api/v1/surveys/" + id).at("/questions/0/id").asText())
                    .isEqualTo("feedback_ci_fast");

            // One response through the no-JavaScript form, the rest as JSON.
            String first = links.get("commerce").get(0);
            HttpResponse<String> form =
                    send(
                            dora,
                            "POST",
                            first,
                            null,
                            "application/x-www-form-urlencoded",
                            formBody(COMMERCE[0]));
            assertThat(form.statusCode()).isEqualTo(200);
            assertThat(form.body()).contains("Thank you");
            for (int i = 1; i < COMMERCE.length; i++) {
                respond(dora, links.get("commerce").get(i), COMMERCE[i]);
            }
            for (int i = 0; i < DISCOVERY.length; i++) {
                respond(dora, links.get("discovery").get(i), DISCOVERY[i]);
            }
            for (int i = 0; i < PLATFORM.length; i++) {
                respond(dora, links.get("platform").get(i), PLATFORM[i]);
            }

            // A link works once; an invalid answer names its question and keeps the link.
            HttpResponse<String> again =
                    send(
                            dora,
                            "POST",
                            first,
                            null,
                            "application/json",
                            "{\"answers\":{\"enps\":1}}");
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(again.body()).contains("already been used");
            String unused = links.get("commerce").get(7);
            HttpResponse<String> invalid =
                    send(
                            dora,
                            "POST",
                            unused,
                            null,
                            "application/json",
                            "{\"answers\":{\"flow_focus\":9}}");
            assertThat(invalid.statusCode()).isEqualTo(400);
            assertThat(invalid.body()).contains("question 'flow_focus'");

            JsonNode r =
                    dora.await(
                            "/api/v1/surveys/" + id + "/results",
                            j -> j.at("/participation/respondents").asInt() == 13,
                            Duration.ofSeconds(90));
            assertThat(r.at("/participation/invited").asInt()).isEqualTo(18);
            assertThat(r.at("/participation/rate").asDouble()).isEqualTo(0.722);
            JsonNode overall = r.get("overall");
            assertThat(overall.get("respondents").asInt()).isEqualTo(13);
            assertThat(overall.get("enps").asDouble()).isEqualTo(0.0);
            assertThat(dimension(overall, "flow").get("percent_favourable").asDouble())
                    .isEqualTo(58.3);
            assertThat(question(overall, "flow_focus").get("percent_favourable").asDouble())
                    .isEqualTo(66.7);
            assertThat(question(overall, "flow_delivery").get("percent_favourable").asDouble())
                    .isEqualTo(50.0);
            JsonNode commerce = r.at("/teams/0");
            assertThat(commerce.get("team").asText()).isEqualTo("commerce");
            assertThat(commerce.get("respondents").asInt()).isEqualTo(6);
            assertThat(commerce.get("participation_rate").asDouble()).isEqualTo(0.75);
            assertThat(commerce.get("enps").asDouble()).isEqualTo(16.7);
            assertThat(dimension(commerce, "flow").get("percent_favourable").asDouble())
                    .isEqualTo(63.6);
            // Platform has 2 (< 5); discovery, the smallest shown team, goes with it, so the total
            // minus commerce gives only the two together.
            assertThat(r.at("/teams/1").toString())
                    .isEqualTo("{\"team\":\"discovery\",\"suppressed\":true}");
            assertThat(r.at("/teams/2").toString())
                    .isEqualTo("{\"team\":\"platform\",\"suppressed\":true}");
            assertThat(r.toString()).doesNotContain("discovery only\",\"team");

            // The exports show the same, suppression applied.
            HttpResponse<String> csv =
                    send(
                            dora,
                            "GET",
                            "/api/v1/export/survey-results.csv?survey=" + id,
                            RunningDora.ADMIN_TOKEN,
                            null,
                            null);
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.body())
                    .contains(id + ",,false,13,enps,,0.0\n")
                    .contains(id + ",commerce,false,6,percent_favourable,flow,63.6\n")
                    .contains(id + ",discovery,true,,,,\n")
                    .contains(id + ",platform,true,,,,\n")
                    .contains("\"'=HYPERLINK(\"\"x\"\")\"");
            assertThat(
                            csv.body()
                                    .lines()
                                    .filter(
                                            l ->
                                                    l.contains(",discovery,")
                                                            || l.contains(",platform,")))
                    .hasSize(2);
            HttpResponse<String> json =
                    send(
                            dora,
                            "GET",
                            "/api/v1/export/survey-results.json?survey=" + id,
                            RunningDora.ADMIN_TOKEN,
                            null,
                            null);
            assertThat(MAPPER.readTree(json.body()).get("teams")).isEqualTo(r.get("teams"));

            // dora export gives the same file as the API.
            Path file = dir.resolve("results.csv");
            int code =
                    new picocli.CommandLine(new DoraCommand())
                            .execute(
                                    "export",
                                    "survey-results",
                                    "--survey",
                                    id,
                                    "--format",
                                    "csv",
                                    "--data",
                                    dir.resolve("data").toString(),
                                    "-o",
                                    file.toString());
            assertThat(code).isZero();
            assertThat(Files.readString(file)).isEqualTo(csv.body());

            // Closed: an unused link is refused with 410, on the form too.
            assertThat(
                            send(
                                            dora,
                                            "POST",
                                            "/api/v1/surveys/" + id + "/close",
                                            RunningDora.ADMIN_TOKEN,
                                            "application/json",
                                            "")
                                    .statusCode())
                    .isEqualTo(200);
            assertThat(
                            send(
                                            dora,
                                            "POST",
                                            unused,
                                            null,
                                            "application/json",
                                            "{\"answers\":{\"enps\":5}}")
                                    .statusCode())
                    .isEqualTo(410);
            assertThat(send(dora, "GET", unused, null, null, null).statusCode()).isEqualTo(410);

            assertNothingIdentifiesARespondent(dir.resolve("data"), links);
        }
    }

    /** The Parquet table's columns are exactly survey, team, random id and answer fields. */
    private static void assertNothingIdentifiesARespondent(
            Path data, Map<String, List<String>> links) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(data.resolve("warehouse").resolve("survey_responses"))) {
            files =
                    s.filter(
                                    p ->
                                            p.getFileName().toString().endsWith(".parquet")
                                                    && !p.getFileName().toString().startsWith("."))
                            .toList();
        }
        assertThat(files).isNotEmpty();
        String list =
                files.stream()
                        .map(p -> "'" + p.toAbsolutePath() + "'")
                        .collect(Collectors.joining(", "));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            Set<String> columns = new HashSet<>();
            try (ResultSet r =
                    s.executeQuery(
                            "DESCRIBE SELECT * FROM read_parquet(["
                                    + list
                                    + "], hive_partitioning = false)")) {
                while (r.next()) {
                    columns.add(r.getString(1));
                }
            }
            assertThat(columns)
                    .containsExactlyInAnyOrder(
                            "response_id",
                            "survey_id",
                            "template",
                            "team",
                            "survey_opened_at",
                            "question_id",
                            "dimension",
                            "question_type",
                            "answer",
                            "value");
            Set<String> tokens = new HashSet<>();
            links.values().forEach(l -> l.forEach(p -> tokens.add(p.substring("/s/".length()))));
            Set<String> hashes =
                    tokens.stream().map(SurveysITCase::sha256).collect(Collectors.toSet());
            int rows = 0;
            try (ResultSet r =
                    s.executeQuery(
                            "SELECT DISTINCT response_id, survey_opened_at, answer FROM read_parquet(["
                                    + list
                                    + "])")) {
                while (r.next()) {
                    rows++;
                    String response = r.getString(1);
                    assertThat(response).matches("[0-9a-f-]{36}");
                    assertThat(tokens).doesNotContain(response);
                    assertThat(hashes).doesNotContain(response);
                    for (String t : tokens) {
                        assertThat(r.getString(3)).doesNotContain(t);
                    }
                }
            }
            assertThat(rows).isGreaterThan(13);
            try (ResultSet r =
                    s.executeQuery(
                            "SELECT count(DISTINCT survey_opened_at), count(DISTINCT response_id) FROM read_parquet(["
                                    + list
                                    + "])")) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(1); // one time for all: the survey's opening
                assertThat(r.getInt(2)).isEqualTo(13);
            }
        }
    }

    private void respond(RunningDora dora, String path, String[] a) throws Exception {
        ObjectNode answers = MAPPER.createObjectNode();
        answers.put("flow_focus", a[0]);
        answers.put("flow_delivery", a[1]);
        answers.put("enps", Integer.parseInt(a[2]));
        if (!a[3].isEmpty()) {
            answers.put("improve_one_thing", a[3]);
        }
        ObjectNode body = MAPPER.createObjectNode();
        body.set("answers", answers);
        HttpResponse<String> r =
                send(dora, "POST", path, null, "application/json", body.toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    private static String formBody(String[] a) {
        return Map.of(
                        "flow_focus",
                        a[0],
                        "flow_delivery",
                        a[1],
                        "enps",
                        a[2],
                        "improve_one_thing",
                        a[3])
                .entrySet()
                .stream()
                .map(
                        e ->
                                e.getKey()
                                        + "="
                                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static JsonNode dimension(JsonNode group, String name) {
        for (JsonNode d : group.get("dimensions")) {
            if (d.get("dimension").asText().equals(name)) {
                return d;
            }
        }
        throw new AssertionError("no dimension " + name + " in " + group);
    }

    private static JsonNode question(JsonNode group, String id) {
        for (JsonNode q : group.get("questions")) {
            if (q.get("id").asText().equals(id)) {
                return q;
            }
        }
        throw new AssertionError("no question " + id);
    }

    private HttpResponse<String> send(
            RunningDora dora, String method, String path, String token, String type, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(dora.baseUrl + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (type != null) {
            b.header("Content-Type", type);
        }
        b.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sha256(String s) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256")
                                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
