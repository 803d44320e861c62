package dev.dora.events.catalog;

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

/** The body of a catalog-import envelope: one JSON object; a body that does not decode says why. */
public final class CatalogImportCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CatalogImportCodec() {}

    public static byte[] encode(CatalogImport i) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("import_id", i.importId());
        n.put("imported_at", i.importedAt().toString());
        ArrayNode list = n.putArray("entries");
        for (CatalogEntry e : i.entries()) {
            list.add(entry(e));
        }
        try {
            return MAPPER.writeValueAsBytes(n);
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** One entry as JSON (also the API's shape). */
    public static ObjectNode entry(CatalogEntry e) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("service", e.service());
        o.put("team", e.team());
        o.put("system", e.system());
        o.put("lifecycle", e.lifecycle());
        o.put("source_template", e.sourceTemplate());
        strings(o.putArray("github_repos"), e.githubRepos());
        strings(o.putArray("gitlab_projects"), e.gitlabProjects());
        strings(o.putArray("path_prefixes"), e.pathPrefixes());
        strings(o.putArray("pagerduty_services"), e.pagerdutyServices());
        o.put("opsgenie_team", e.opsgenieTeam());
        o.put("production_pattern", e.productionPattern());
        return o;
    }

    /**
     * @throws IllegalArgumentException naming the problem
     */
    public static CatalogImport decode(byte[] body) {
        JsonNode n;
        try {
            n = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("catalog import is not JSON: " + e.getMessage());
        }
        if (n == null || !n.isObject() || !n.path("entries").isArray()) {
            throw new IllegalArgumentException("catalog import without an entries array");
        }
        Instant at;
        try {
            at = Instant.parse(n.path("imported_at").asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("catalog import: imported_at is not an instant");
        }
        return new CatalogImport(n.path("import_id").asText(), at, entries(n.get("entries")));
    }

    /**
     * Entries in the shape of {@link #entry}, as an import carries them and {@code dora import
     * catalog} sends them.
     *
     * @throws IllegalArgumentException naming the entry (1-based) and the problem
     */
    public static List<CatalogEntry> entries(JsonNode array) {
        List<CatalogEntry> entries = new ArrayList<>();
        int i = 0;
        for (JsonNode e : array) {
            i++;
            if (text(e, "service") == null || text(e, "team") == null) {
                throw new IllegalArgumentException(
                        "entry " + i + ": service and team are required");
            }
            try {
                entries.add(
                        new CatalogEntry(
                                text(e, "service"),
                                text(e, "team"),
                                text(e, "system"),
                                text(e, "lifecycle"),
                                text(e, "source_template"),
                                list(e, "github_repos"),
                                list(e, "gitlab_projects"),
                                list(e, "path_prefixes"),
                                list(e, "pagerduty_services"),
                                text(e, "opsgenie_team"),
                                text(e, "production_pattern")));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("entry " + i + ": " + ex.getMessage());
            }
        }
        return entries;
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> list(JsonNode n, String field) {
        List<String> out = new ArrayList<>();
        n.path(field).forEach(v -> out.add(v.asText()));
        return out;
    }
}
