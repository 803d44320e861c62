package dev.dora.dashboard.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dora.dashboard.ApiException;
import dev.dora.events.RawEnvelope;
import dev.dora.events.catalog.CatalogEntry;
import dev.dora.events.catalog.CatalogImport;
import dev.dora.events.catalog.CatalogImportCodec;
import dev.dora.warehouse.Warehouse;
import dev.dora.warehouse.catalog.BackstageCatalog;
import dev.dora.warehouse.catalog.CatalogProblem;
import dev.dora.warehouse.catalog.CatalogRead;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * {@code POST /api/v1/catalog} (admin): an import of the service catalog. The body is Backstage
 * catalog YAML (one or more documents), or JSON {@code {"entries": [...]}} as {@code dora import
 * catalog} sends after reading a directory itself. The services read are published as one import on
 * {@code dora.raw}; the answer (202, once durable) lists what was read and every problem, by
 * document; a body with problems and no service at all is a 400.
 */
public final class CatalogApi {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Function<RawEnvelope, CompletableFuture<Void>> publisher;
    private final Clock clock;
    private final Warehouse warehouse;

    public CatalogApi(
            Function<RawEnvelope, CompletableFuture<Void>> publisher,
            Warehouse warehouse,
            Clock clock) {
        this.publisher = publisher;
        this.warehouse = warehouse;
        this.clock = clock;
    }

    /**
     * {@code GET /api/v1/catalog} (viewer): each service as the latest import described it, and the
     * services seen in events that the catalog does not know ({@code unmapped}).
     */
    public void current(Context ctx) {
        List<Map<String, Object>> services = new ArrayList<>();
        for (Map<String, Object> row : warehouse.catalog()) {
            Map<String, Object> s = new java.util.LinkedHashMap<>(row);
            for (String list :
                    List.of(
                            "github_repos",
                            "gitlab_projects",
                            "path_prefixes",
                            "pagerduty_services")) {
                Object v = s.get(list);
                s.put(list, v == null ? List.of() : List.of(((String) v).split(",")));
            }
            Object seenAs = s.get("seen_as");
            s.put("seen_as", seenAs == null ? List.of() : List.of(((String) seenAs).split(", ")));
            s.put("imported_at", String.valueOf(s.get("imported_at")));
            services.add(s);
        }
        List<Map<String, Object>> unmapped = new ArrayList<>();
        for (Map<String, Object> row : warehouse.catalogUnmapped()) {
            Map<String, Object> u = new java.util.LinkedHashMap<>(row);
            u.put("seen_in", List.of(((String) u.get("seen_in")).split(", ")));
            Object lastSeen = u.get("last_seen"); // null when none of its events has a time
            u.put("last_seen", lastSeen == null ? null : lastSeen.toString());
            unmapped.add(u);
        }
        ctx.json(Map.of("services", services, "unmapped", unmapped));
    }

    /**
     * When the import takes effect: now, or {@code as_of} (an instant such as {@code
     * 2026-03-01T00:00:00Z}, or a date meaning its start in UTC) for a catalog as it stood earlier,
     * so history is mapped as it was. Not in the future: an import cannot be scheduled.
     */
    private Instant asOf(Context ctx) {
        Instant now = clock.instant();
        String value = ctx.queryParam("as_of");
        if (value == null || value.isBlank()) {
            return now;
        }
        Instant asOf;
        try {
            asOf =
                    value.length() == 10
                            ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                            : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ApiException(
                    400,
                    "as_of '"
                            + value
                            + "' is neither a date (2026-03-01) nor an instant"
                            + " (2026-03-01T00:00:00Z)");
        }
        if (asOf.isAfter(now)) {
            throw new ApiException(400, "as_of " + asOf + " is in the future");
        }
        return asOf;
    }

    public void importCatalog(Context ctx) throws Exception {
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        List<CatalogEntry> entries;
        List<String> problems = new ArrayList<>();
        Map<String, Integer> skipped = Map.of();
        if (type.startsWith("application/json")) {
            entries = jsonEntries(ctx.body());
        } else if (type.startsWith("application/yaml")
                || type.startsWith("application/x-yaml")
                || type.startsWith("text/yaml")) {
            CatalogRead read = BackstageCatalog.parse(ctx.body(), "request body");
            entries = read.entries();
            read.problems().stream().map(CatalogProblem::toString).forEach(problems::add);
            skipped = read.skipped();
        } else {
            throw new ApiException(
                    415,
                    "send Backstage catalog YAML as application/yaml (or JSON {\"entries\": [...]}"
                            + " as application/json), not '"
                            + type
                            + "'");
        }
        if (entries.isEmpty()) {
            throw new ApiException(
                    400,
                    "no Component in the body"
                            + (problems.isEmpty() ? "" : ": " + String.join("; ", problems)));
        }
        CatalogImport i = new CatalogImport(UUID.randomUUID().toString(), asOf(ctx), entries);
        RawEnvelope envelope =
                new RawEnvelope(
                        UUID.randomUUID().toString(),
                        CatalogImport.SOURCE,
                        CatalogImport.EVENT_TYPE,
                        i.importId(),
                        i.importedAt(),
                        Map.of(),
                        CatalogImportCodec.encode(i));
        try {
            publisher.apply(envelope).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "the import could not be stored; try again");
        } catch (ExecutionException | TimeoutException e) {
            throw new ApiException(503, "the import could not be stored; try again");
        }
        ObjectNode out = MAPPER.createObjectNode();
        out.put("import_id", i.importId());
        out.put("imported_at", i.importedAt().toString());
        ArrayNode services = out.putArray("services");
        entries.forEach(e -> services.add(e.service()));
        ArrayNode p = out.putArray("problems");
        problems.forEach(p::add);
        out.set("skipped", MAPPER.valueToTree(skipped));
        ctx.status(202).contentType("application/json").result(MAPPER.writeValueAsString(out));
    }

    private static List<CatalogEntry> jsonEntries(String body) {
        JsonNode n;
        try {
            n = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new ApiException(400, "the body is not JSON");
        }
        if (n == null || !n.path("entries").isArray()) {
            throw new ApiException(400, "the body must be {\"entries\": [...]}");
        }
        try {
            return CatalogImportCodec.entries(n.get("entries"));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
    }
}
