package dev.dora.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo's service catalog and platform activity, sent as a platform team's tooling would: the
 * Backstage catalog ({@code demo/catalog/catalog-info.yaml}: the six demo repositories, a monorepo
 * of three services, golden-path and hand-made ones) through {@code POST /api/v1/catalog}, then
 * generic {@code service_created} and {@code platform_request} events through {@code POST
 * /webhooks/generic}. Seeded, and every event has a stable {@code Idempotency-Key}.
 */
final class DemoCatalog {
    static final String CATALOG_RESOURCE = "/demo/catalog/catalog-info.yaml";
    static final String GOLDEN_PATH = "template:default/spring-boot-service";
    static final int PLATFORM_REQUESTS = 40;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One generic event and the idempotency key it is always sent with. */
    record Delivery(String idempotencyKey, ObjectNode body) {}

    /**
     * Repository, days before today it was created, and whether the golden path created it. The
     * newest services are the golden-path ones, so time to first production deployment has recent
     * cases; the demo's webhooks start 90 days back for every repository all the same.
     */
    private record Creation(String repo, int daysAgo, boolean golden) {}

    private static final List<Creation> CREATIONS =
            List.of(
                    new Creation("acme/payments", 86, false),
                    new Creation("acme/catalog", 71, false),
                    new Creation("acme/identity", 58, true),
                    new Creation("acme/notifications", 37, true),
                    new Creation("acme/search", 16, true),
                    new Creation("acme/checkout", 6, true));

    /** Whether the demo created this repository from the golden-path template. */
    static boolean goldenPath(String repo) {
        return CREATIONS.stream().anyMatch(c -> c.repo().equals(repo) && c.golden());
    }

    private static final String[] KINDS = {"database", "environment", "pipeline", "dns", "queue"};

    private DemoCatalog() {}

    static void load(
            String baseUrl, String adminToken, String genericSecret, Instant now, PrintStream out) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        int sent = 0;
        try {
            JsonNode imported =
                    MAPPER.readTree(
                            send(
                                    http,
                                    baseUrl + "/api/v1/catalog",
                                    adminToken,
                                    "application/yaml",
                                    null,
                                    catalogYaml()));
            for (Delivery d : events(now, 42L)) {
                send(
                        http,
                        baseUrl + "/webhooks/generic",
                        genericSecret,
                        "application/json",
                        d.idempotencyKey(),
                        d.body().toString());
                sent++;
            }
            out.println(
                    "dora: demo catalog loaded ("
                            + imported.path("services").size()
                            + " services, "
                            + PLATFORM_REQUESTS
                            + " platform requests)");
        } catch (IOException | RuntimeException e) {
            out.println(
                    "dora: demo catalog failed after "
                            + sent
                            + " generic events: "
                            + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The catalog YAML, as a platform team would keep it in its repositories. */
    static String catalogYaml() {
        try (InputStream in = DemoCatalog.class.getResourceAsStream(CATALOG_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + CATALOG_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service creations, then the platform requests in time order. */
    static List<Delivery> events(Instant now, long seed) {
        Random random = new Random(seed);
        Instant today = now.truncatedTo(ChronoUnit.DAYS);
        List<Delivery> out = new ArrayList<>();
        for (Creation c : CREATIONS) {
            ObjectNode e = MAPPER.createObjectNode();
            e.put("type", "service_created");
            e.put("service", c.repo());
            Instant at =
                    today.minus(Duration.ofDays(c.daysAgo()))
                            .plus(Duration.ofMinutes(9 * 60 + random.nextInt(8 * 60)));
            e.put("created_at", at.toString());
            if (c.golden()) {
                e.put("template", GOLDEN_PATH);
            }
            out.add(new Delivery("dora-demo-service-created-" + c.repo(), e));
        }
        List<String> teams = new ArrayList<>(DemoOrganisation.TEAMS.keySet());
        Instant start = today.minus(Duration.ofDays(DemoOrganisation.DAYS));
        int tickets = 0;
        for (int i = 0; i < PLATFORM_REQUESTS; i++) {
            // Evenly spread over the days, in working hours; self-service grows from a quarter to
            // most requests.
            double progress = (i + random.nextDouble()) / PLATFORM_REQUESTS;
            Instant requested =
                    start.plus(Duration.ofDays((long) (progress * (DemoOrganisation.DAYS - 1))))
                            .plus(Duration.ofMinutes(8 * 60 + random.nextInt(10 * 60)));
            boolean selfService = random.nextDouble() < 0.25 + 0.6 * progress;
            Instant fulfilled =
                    selfService
                            ? requested.plus(Duration.ofMinutes(2 + random.nextInt(28)))
                            : requested.plus(Duration.ofMinutes(120 + random.nextInt(5 * 24 * 60)));
            String id = String.format("demo-pr-%03d", i + 1);
            ObjectNode e = MAPPER.createObjectNode();
            e.put("type", "platform_request");
            e.put("id", id);
            e.put("channel", selfService ? "self_service" : "ticket");
            e.put("requested_at", requested.toString());
            // A ticket not done by now is still open, and so is every fifth one (forgotten).
            boolean open = !selfService && (fulfilled.isAfter(now) || ++tickets % 5 == 0);
            if (!open && !fulfilled.isAfter(now)) {
                e.put("fulfilled_at", fulfilled.toString());
            }
            e.put("team", teams.get(random.nextInt(teams.size())));
            e.put("kind", KINDS[random.nextInt(KINDS.length)]);
            out.add(new Delivery("dora-demo-platform-request-" + id, e));
        }
        return out;
    }

    private static String send(
            HttpClient http,
            String url,
            String token,
            String contentType,
            String idempotencyKey,
            String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", contentType)
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }
}
