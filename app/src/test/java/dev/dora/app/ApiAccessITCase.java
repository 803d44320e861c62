package dev.dora.app;

import static dev.dora.app.Timeline.ZERO;
import static dev.dora.app.Timeline.deploymentStatus;
import static dev.dora.app.Timeline.push;
import static dev.dora.app.Timeline.sha;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dora.dashboard.auth.Role;
import dev.dora.dashboard.auth.RouteList;
import dev.dora.warehouse.CsvReader;
import java.io.StringWriter;
import java.math.BigDecimal;
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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API of the real embedded stack: every route it has answers 401 without credentials and 403
 * for a role that is not enough; sign-in sessions; the exports in all three formats read back with
 * the numbers of the read API; and the OpenAPI description matches the routes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiAccessITCase {
    private static final StringWriter LOG = new StringWriter();
    private static final String DAY = "2026-03-03";
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir static Path dir;
    private static RunningDora dora;
    private static final Map<Role, String> TOKENS = new EnumMap<>(Role.class);
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        captureLogs();
        dora = new RunningDora(dir.resolve("data"));
        Timeline t = dora.timeline;
        t.send(
                "push",
                push(
                        "acme/shop",
                        ZERO,
                        sha('a'),
                        DAY + "T08:00:00Z",
                        sha('b'),
                        DAY + "T09:00:00Z"));
        t.send(
                "deployment_status",
                deploymentStatus(
                        "acme/shop", 1, sha('b'), "production", "success", DAY + "T12:00:00Z"));
        t.send("push", push("acme/api", ZERO, sha('c'), DAY + "T10:00:00Z"));
        t.send(
                "deployment_status",
                deploymentStatus(
                        "acme/api", 2, sha('c'), "production", "success", DAY + "T10:30:00Z"));
        assertThat(
                        t.generic(
                                RunningDora.GENERIC_SECRET,
                                "{\"type\":\"incident\",\"id\":\"INC-1\",\"service\":"
                                        + "\"acme/shop\",\"title\":\"=cmd|' /C calc'!A0\","
                                        + "\"opened_at\":\""
                                        + DAY
                                        + "T13:00:00Z\",\"resolved_at\":\""
                                        + DAY
                                        + "T13:45:00Z\"}"))
                .isEqualTo(202);
        dora.await(
                "/api/v1/dora?from=" + DAY + "&to=" + DAY,
                j ->
                        j.at("/lead_time/changes").asLong() == 3
                                && j.at("/time_to_restore/incidents").asLong() == 1,
                Duration.ofSeconds(60));
        for (Role role : Role.values()) {
            HttpResponse<String> r =
                    new ApiAccessITCase()
                            .send(
                                    "POST",
                                    "/api/v1/tokens",
                                    RunningDora.ADMIN_TOKEN,
                                    "{\"role\":\"" + role.id() + "\",\"name\":\"test\"}");
            assertThat(r.statusCode()).isEqualTo(201);
            TOKENS.put(role, JSON.readTree(r.body()).get("token").asText());
        }
    }

    @AfterAll
    static void stop() {
        dora.close();
    }

    @Test
    void everyRouteNeedsItsRole() throws Exception {
        List<RouteList.Route> routes = RouteList.of(dora.runtime.server());
        Set<String> publicRoutes = new HashSet<>();
        int checked = 0;
        for (RouteList.Route route : routes) {
            if (route.role() == null) {
                publicRoutes.add(route.method() + " " + route.path());
                continue;
            }
            String path = concrete(route.path());
            boolean api = path.startsWith("/api/");
            HttpResponse<String> anonymous = send(route.method(), path, null, "{}");
            if (api) {
                assertThat(anonymous.statusCode()).as(route.toString()).isEqualTo(401);
                assertThat(JSON.readTree(anonymous.body()).get("error").asText())
                        .contains("Authorization: Bearer");
            } else {
                assertThat(anonymous.statusCode()).as(route.toString()).isEqualTo(302);
                assertThat(anonymous.headers().firstValue("Location")).hasValue("/sign-in");
            }
            assertThat(send(route.method(), path, "dora_not-a-token", "{}").statusCode())
                    .as(route + " with an unknown token")
                    .isEqualTo(api ? 401 : 302);
            for (Role role : Role.values()) {
                int status = send(route.method(), path, TOKENS.get(role), "{}").statusCode();
                if (role.includes(route.role())) {
                    assertThat(status).as(route + " as " + role).isNotIn(401, 403);
                } else {
                    assertThat(status).as(route + " as " + role).isEqualTo(403);
                }
            }
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(10);
        // What is public on purpose: sign-in, health, metrics, the webhooks (each source has
        // its own signature or secret, checked by ingest) and the survey form (its single-use
        // invitation link is its credential).
        assertThat(publicRoutes)
                .allMatch(
                        r ->
                                r.endsWith(" /sign-in")
                                        || r.equals("post /sign-out")
                                        || r.equals("get /health")
                                        || r.equals("get /metrics")
                                        || r.endsWith(" /webhooks/{source}")
                                        || r.equals("get /s/{token}")
                                        || r.equals("post /s/{token}"),
                        "public route");
        assertThat(routes)
                .filteredOn(r -> r.path().startsWith("/api/v1/export/"))
                .allMatch(r -> r.role() == Role.EXPORTER);
        assertThat(routes)
                .filteredOn(r -> r.path().startsWith("/api/v1/tokens"))
                .allMatch(r -> r.role() == Role.ADMIN);
    }

    @Test
    void aSessionCarriesTheRoleOfItsTokenUntilSignOutOrRevocation() throws Exception {
        String viewer = createToken("viewer");
        HttpResponse<String> signIn = signIn(viewer);
        assertThat(signIn.statusCode()).isEqualTo(303);
        String setCookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        assertThat(setCookie).doesNotContain(viewer);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        assertThat(withCookie("/api/v1/dora", cookie).statusCode()).isEqualTo(200);
        assertThat(withCookie("/", cookie).statusCode()).isEqualTo(200);
        assertThat(withCookie("/api/v1/export/deployments.csv", cookie).statusCode())
                .isEqualTo(403);
        HttpResponse<String> out =
                http.send(
                        HttpRequest.newBuilder(URI.create(dora.baseUrl + "/sign-out"))
                                .header("Cookie", cookie)
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(withCookie("/api/v1/dora", cookie).statusCode()).isEqualTo(401);

        // Revoking a token ends the sessions it opened.
        String exporter = createToken("exporter");
        String id = tokenId(exporter);
        String setCookie2 = signIn(exporter).headers().firstValue("Set-Cookie").orElseThrow();
        String cookie2 = setCookie2.substring(0, setCookie2.indexOf(';'));
        assertThat(withCookie("/api/v1/export/deployments.csv", cookie2).statusCode())
                .isEqualTo(200);
        assertThat(
                        send("DELETE", "/api/v1/tokens/" + id, RunningDora.ADMIN_TOKEN, null)
                                .statusCode())
                .isEqualTo(204);
        assertThat(withCookie("/api/v1/dora", cookie2).statusCode()).isEqualTo(401);
        assertThat(signIn("wrong-token").statusCode()).isEqualTo(401);
    }

    @Test
    void exportsInEveryFormatHaveTheNumbersOfTheApi() throws Exception {
        String filters = "?from=" + DAY + "&to=" + DAY;
        String exporter = TOKENS.get(Role.EXPORTER);
        for (String format : List.of("csv", "json", "parquet")) {
            HttpResponse<byte[]> r =
                    http.send(
                            HttpRequest.newBuilder(
                                            URI.create(
                                                    dora.baseUrl
                                                            + "/api/v1/export/summary."
                                                            + format
                                                            + filters))
                                    .header("Authorization", "Bearer " + exporter)
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as(format).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Disposition"))
                    .hasValue(
                            "attachment; filename=\"dora-summary-"
                                    + DAY
                                    + "-"
                                    + DAY
                                    + "."
                                    + format
                                    + "\"");
            List<Map<String, String>> rows = read(format, r.body());
            assertThat(rows)
                    .extracting(m -> m.get("service"))
                    .containsExactly("acme/api", "acme/shop");
            for (Map<String, String> row : rows) {
                JsonNode api =
                        dora.get(
                                "/api/v1/dora?from="
                                        + row.get("week_start")
                                        + "&to="
                                        + row.get("week_end")
                                        + "&service="
                                        + URLEncoder.encode(
                                                row.get("service"), StandardCharsets.UTF_8));
                assertThat(row.get("deployments"))
                        .isEqualTo(api.at("/deployment_frequency/deployments").asText());
                assertThat(row.get("changes")).isEqualTo(api.at("/lead_time/changes").asText());
                assertThat(num(row.get("lead_time_median_seconds")))
                        .isEqualTo(num(api.at("/lead_time/median_seconds").asText()));
                assertThat(row.get("failed_deployments"))
                        .isEqualTo(api.at("/change_failure_rate/failed").asText());
                assertThat(num(row.get("change_failure_rate")))
                        .isEqualTo(num(api.at("/change_failure_rate/rate").asText()));
                assertThat(num(row.get("recovery_median_seconds")))
                        .isEqualTo(num(api.at("/recovery_time/median_seconds").asText()));
                assertThat(num(row.get("time_to_restore_median_seconds")))
                        .isEqualTo(num(api.at("/time_to_restore/median_seconds").asText()));
            }
            // acme/shop: changes a and b (4 h and 3 h: median 3.5 h), failed by the incident,
            // recovered when it was resolved 1 h 45 min after the release.
            assertThat(rows.get(1))
                    .containsEntry("deployments", "1")
                    .containsEntry("failed_deployments", "1");
            assertThat(num(rows.get(1).get("lead_time_median_seconds"))).isEqualTo("12600");
            assertThat(num(rows.get(1).get("recovery_median_seconds"))).isEqualTo("6300");
        }
        HttpResponse<String> incidents =
                send("GET", "/api/v1/export/incidents.csv" + filters, exporter, null);
        assertThat(incidents.body()).contains(",'=cmd|' /C calc'!A0,");
        JsonNode apiDeployments = dora.get("/api/v1/deployments" + filters);
        List<Map<String, String>> exported =
                read(
                        "json",
                        send("GET", "/api/v1/export/deployments.json" + filters, exporter, null)
                                .body()
                                .getBytes(StandardCharsets.UTF_8));
        assertThat(exported).hasSize(apiDeployments.get("deployments").size()).hasSize(2);
        assertThat(send("GET", "/api/v1/export/builds.csv", exporter, null).statusCode())
                .isEqualTo(404);
        assertThat(send("GET", "/api/v1/export/deployments.xlsx", exporter, null).body())
                .contains("unknown format 'xlsx'");
    }

    @Test
    void adoptionAnswersTheFourNumbersAndRefusesFiltersItDoesNotTake() throws Exception {
        String viewer = TOKENS.get(Role.VIEWER);
        HttpResponse<String> r =
                send("GET", "/api/v1/adoption?from=" + DAY + "&to=" + DAY, viewer, null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode a = JSON.readTree(r.body());
        // No catalog, creation event or platform request: counts are 0 and ratios null.
        assertThat(a.at("/golden_path_coverage/services").asLong()).isZero();
        assertThat(a.at("/golden_path_coverage/ratio").isNull()).isTrue();
        assertThat(a.at("/platform_pipeline_share/deployments").asLong()).isEqualTo(2);
        assertThat(a.at("/time_to_first_deployment/median_seconds").isNull()).isTrue();
        assertThat(a.at("/self_service/channels/ticket/requests").asLong()).isZero();
        assertThat(a.at("/self_service/self_service_share").isNull()).isTrue();
        HttpResponse<String> bad = send("GET", "/api/v1/adoption?service=acme/shop", viewer, null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("adoption takes from, to and team");
    }

    @Test
    void theAdoptionTrendListsEveryBucketAndRefusesABadBucket() throws Exception {
        String viewer = TOKENS.get(Role.VIEWER);
        HttpResponse<String> r =
                send(
                        "GET",
                        "/api/v1/adoption/trend?from=2026-03-02&to=2026-03-04&bucket=day",
                        viewer,
                        null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode trend = JSON.readTree(r.body());
        assertThat(trend.get("bucket").asText()).isEqualTo("day");
        JsonNode points = trend.get("points");
        assertThat(points).hasSize(3);
        assertThat(points.get(1).get("start").asText()).isEqualTo(DAY);
        // Both deployments of the day, through no platform pipeline; no request, no service known.
        assertThat(points.get(1).at("/platform_pipeline_share/deployments").asLong()).isEqualTo(2);
        assertThat(points.get(1).at("/platform_pipeline_share/ratio").asDouble()).isZero();
        assertThat(points.get(0).at("/platform_pipeline_share/ratio").isNull()).isTrue();
        assertThat(points.get(1).at("/self_service/self_service_share").isNull()).isTrue();
        assertThat(points.get(1).at("/golden_path_coverage/ratio").isNull()).isTrue();
        assertThat(points.get(1).at("/new_services/registered").asLong()).isZero();

        HttpResponse<String> bucket =
                send("GET", "/api/v1/adoption/trend?bucket=year", viewer, null);
        assertThat(bucket.statusCode()).isEqualTo(400);
        assertThat(bucket.body()).contains("bucket must be day, week or month");
        HttpResponse<String> service =
                send("GET", "/api/v1/adoption/trend?service=acme/shop", viewer, null);
        assertThat(service.statusCode()).isEqualTo(400);
        assertThat(service.body()).contains("adoption takes from, to and team");
    }

    @Test
    void theOpenApiDescriptionListsEveryApiRouteWithItsRole() throws Exception {
        JsonNode doc =
                JSON.readTree(
                        send("GET", "/api/openapi.json", TOKENS.get(Role.VIEWER), null).body());
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        Map<String, String> described = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields();
                    ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                JsonNode role = op.getValue().get("x-dora-role");
                described.put(
                        op.getKey() + " " + p.getKey(), role == null ? "public" : role.asText());
            }
        }
        Map<String, String> served = new LinkedHashMap<>();
        for (RouteList.Route r : RouteList.of(dora.runtime.server())) {
            served.put(r.method() + " " + r.path(), r.role() == null ? "public" : r.role().id());
        }
        Map<String, String> apiRoutes = new LinkedHashMap<>(served);
        apiRoutes.keySet().removeIf(k -> !k.contains(" /api/"));
        Map<String, String> describedApi = new LinkedHashMap<>(described);
        describedApi.keySet().removeIf(k -> !k.contains(" /api/"));
        assertThat(describedApi).isEqualTo(apiRoutes);
        for (Map.Entry<String, String> e : described.entrySet()) {
            assertThat(served)
                    .as("described but not served")
                    .containsEntry(e.getKey(), e.getValue());
        }
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void noTokenOrSecretIsLogged() {
        String log = LOG.toString();
        assertThat(log).as("captured log").isNotEmpty();
        assertThat(log).doesNotContain(RunningDora.ADMIN_TOKEN);
        assertThat(log).doesNotContain(RunningDora.GITHUB_SECRET);
        assertThat(log).doesNotContain(RunningDora.GENERIC_SECRET);
        for (String token : TOKENS.values()) {
            assertThat(log).doesNotContain(token);
        }
    }

    /** Everything dora and Javalin log, at debug level, into {@link #LOG}. */
    private static void captureLogs() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        Appender appender =
                WriterAppender.newBuilder()
                        .setName("capture")
                        .setTarget(LOG)
                        .setLayout(PatternLayout.newBuilder().withPattern("%c %m%n").build())
                        .build();
        appender.start();
        config.addAppender(appender);
        config.getRootLogger().addAppender(appender, Level.DEBUG, null);
        for (String name : List.of("dev.dora", "io.javalin")) {
            LoggerConfig logger = new LoggerConfig(name, Level.DEBUG, true);
            config.addLogger(name, logger);
        }
        context.updateLoggers();
    }

    private static String concrete(String path) {
        return path.replace("{dataset}.{format}", "deployments.csv")
                .replace("{id}", "tok_000000000000")
                .replace("{source}", "github");
    }

    private List<Map<String, String>> read(String format, byte[] body) throws Exception {
        switch (format) {
            case "csv":
                return CsvReader.parse(new String(body, StandardCharsets.UTF_8));
            case "json":
                List<Map<String, String>> rows = new ArrayList<>();
                for (JsonNode n : JSON.readTree(body)) {
                    Map<String, String> m = new LinkedHashMap<>();
                    n.fields()
                            .forEachRemaining(
                                    f ->
                                            m.put(
                                                    f.getKey(),
                                                    f.getValue().isNull()
                                                            ? ""
                                                            : f.getValue().asText()));
                    rows.add(m);
                }
                return rows;
            default:
                Path file = Files.createTempFile(dir, "export", ".parquet");
                Files.write(file, body);
                List<Map<String, String>> out = new ArrayList<>();
                try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                        Statement s = duck.createStatement();
                        ResultSet r =
                                s.executeQuery("SELECT * FROM read_parquet('" + file + "')")) {
                    int n = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        Map<String, String> m = new LinkedHashMap<>();
                        for (int i = 1; i <= n; i++) {
                            Object v = r.getObject(i);
                            m.put(r.getMetaData().getColumnLabel(i), v == null ? "" : v.toString());
                        }
                        out.add(m);
                    }
                }
                return out;
        }
    }

    /** A number as plain text without trailing zeros; empty for none. */
    private static String num(String v) {
        return v == null || v.isEmpty() || v.equals("null")
                ? ""
                : new BigDecimal(v).stripTrailingZeros().toPlainString();
    }

    private String createToken(String role) throws Exception {
        HttpResponse<String> r =
                send(
                        "POST",
                        "/api/v1/tokens",
                        RunningDora.ADMIN_TOKEN,
                        "{\"role\":\"" + role + "\"}");
        return JSON.readTree(r.body()).get("token").asText();
    }

    /** The id of the newest token; the list never holds a token's value. */
    private String tokenId(String token) throws Exception {
        JsonNode list =
                JSON.readTree(send("GET", "/api/v1/tokens", RunningDora.ADMIN_TOKEN, null).body())
                        .get("tokens");
        assertThat(list.toString()).doesNotContain(token);
        return list.get(list.size() - 1).get("id").asText();
    }

    private HttpResponse<String> signIn(String token) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(dora.baseUrl + "/sign-in"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "token="
                                                + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> withCookie(String path, String cookie) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(dora.baseUrl + path))
                        .header("Cookie", cookie)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String token, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(dora.baseUrl + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.header("Content-Type", "application/json");
        b.method(
                method.toUpperCase(java.util.Locale.ROOT),
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
