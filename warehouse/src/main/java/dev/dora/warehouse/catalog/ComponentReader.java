package dev.dora.warehouse.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dora.events.catalog.CatalogEntry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads one parsed Backstage entity: a {@code Component} becomes a {@link CatalogEntry}, a known
 * kind the catalog does not need is skipped, anything else is rejected with every problem found
 * (not only the first), so that one pass is enough to fix a document. The rules are in README.md.
 */
final class ComponentReader {
    static final Set<String> API_VERSIONS = Set.of("backstage.io/v1alpha1", "backstage.io/v1beta1");

    /**
     * Kinds that are valid Backstage entities but map no events; skipped whatever their version.
     */
    static final List<String> SKIPPED_KINDS =
            List.of("API", "Domain", "Group", "Location", "Resource", "System", "Template", "User");

    static final String SOURCE_TEMPLATE = "backstage.io/source-template";
    static final String GITHUB = "github.com/project-slug";
    static final String GITLAB = "gitlab.com/project-slug";
    static final String PATH_PREFIXES = "dora.dev/path-prefixes";
    static final String PAGERDUTY = "pagerduty.com/service-id";
    static final String OPSGENIE = "opsgenie.com/team";
    static final String PRODUCTION = "dora.dev/production-environment";

    /** Backstage's own rule for {@code metadata.name}. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]+([-_.][A-Za-z0-9]+)*");

    private static final Pattern GITHUB_SLUG =
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+");
    private static final Pattern GITLAB_SLUG =
            Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+");

    /** What became of one document. */
    sealed interface Outcome permits Read, Skipped, Rejected {}

    record Read(CatalogEntry entry) implements Outcome {}

    /** A known kind, spelled as in {@link #SKIPPED_KINDS}. */
    record Skipped(String kind) implements Outcome {}

    /** Each problem names its field; the caller adds the file and document number. */
    record Rejected(List<String> problems) implements Outcome {}

    private final List<String> problems = new ArrayList<>();

    private ComponentReader() {}

    static Outcome read(JsonNode document) {
        return new ComponentReader().entity(document);
    }

    private Outcome entity(JsonNode document) {
        if (!document.isObject()) {
            return new Rejected(
                    List.of(
                            "not a Backstage entity: the document is "
                                    + type(document)
                                    + ", not a mapping"));
        }
        String kind = required(document, "kind", "kind");
        if (kind == null) {
            return new Rejected(List.copyOf(problems));
        }
        if (!kind.equalsIgnoreCase("Component")) {
            for (String skipped : SKIPPED_KINDS) {
                if (skipped.equalsIgnoreCase(kind)) {
                    return new Skipped(skipped);
                }
            }
            return new Rejected(
                    List.of(
                            "kind '"
                                    + kind
                                    + "' is unknown: Component is read, and "
                                    + String.join(", ", SKIPPED_KINDS)
                                    + " are skipped"));
        }
        return component(document);
    }

    private Outcome component(JsonNode document) {
        String apiVersion = required(document, "apiVersion", "apiVersion");
        if (apiVersion != null && !API_VERSIONS.contains(apiVersion)) {
            problems.add(
                    "apiVersion '"
                            + apiVersion
                            + "' is not backstage.io/v1alpha1 or backstage.io/v1beta1");
        }
        JsonNode metadata = mapping(document, "metadata", "metadata");
        String name = required(metadata, "name", "metadata.name");
        if (name != null && (name.length() > 63 || !NAME.matcher(name).matches())) {
            problems.add(
                    "metadata.name '"
                            + name
                            + "' is not a Backstage name (at most 63 letters and digits, with"
                            + " single - _ or . between them)");
        }
        JsonNode annotations = mapping(metadata, "annotations", "metadata.annotations");
        JsonNode spec = mapping(document, "spec", "spec");
        String owner = required(spec, "owner", "spec.owner");
        String team = owner == null ? null : team(owner);
        String system = optional(spec, "system", "spec.system");
        String lifecycle = optional(spec, "lifecycle", "spec.lifecycle");

        String template = annotation(annotations, SOURCE_TEMPLATE);
        List<String> github = slugs(annotations, GITHUB, GITHUB_SLUG, "owner/repo");
        List<String> gitlab =
                slugs(annotations, GITLAB, GITLAB_SLUG, "group/project (subgroups allowed)");
        List<String> prefixes = prefixes(annotation(annotations, PATH_PREFIXES));
        List<String> pagerduty = slugs(annotations, PAGERDUTY, null, null);
        String opsgenie = annotation(annotations, OPSGENIE);
        String production = regex(annotation(annotations, PRODUCTION));

        if (!problems.isEmpty()) {
            return new Rejected(List.copyOf(problems));
        }
        return new Read(
                new CatalogEntry(
                        name,
                        team,
                        system,
                        lifecycle,
                        template,
                        github,
                        gitlab,
                        prefixes,
                        pagerduty,
                        opsgenie,
                        production));
    }

    /**
     * The team of an owner written as a Backstage entity reference {@code [kind:][namespace/]name}:
     * its name. Only groups and users own services.
     */
    private String team(String owner) {
        String ref = owner;
        int colon = ref.indexOf(':');
        if (colon >= 0) {
            String kind = ref.substring(0, colon);
            if (!kind.equalsIgnoreCase("group") && !kind.equalsIgnoreCase("user")) {
                problems.add("spec.owner '" + owner + "' is not a group: or user: reference");
                return null;
            }
            ref = ref.substring(colon + 1);
        }
        int slash = ref.indexOf('/');
        String name = ref.substring(slash + 1);
        if (slash == 0 || name.isEmpty() || name.contains("/") || name.contains(":")) {
            problems.add(
                    "spec.owner '"
                            + owner
                            + "' is not an entity reference of the form [group:][namespace/]name");
            return null;
        }
        return name;
    }

    /** Comma-separated values, trimmed and without repeats, each matching {@code form} if given. */
    private List<String> slugs(JsonNode annotations, String key, Pattern form, String formName) {
        Set<String> values = new LinkedHashSet<>();
        for (String value : commaSeparated(annotation(annotations, key))) {
            if (form != null && !form.matcher(value).matches()) {
                problems.add(
                        "annotation " + key + " '" + value + "' is not of the form " + formName);
            } else {
                values.add(value);
            }
        }
        return List.copyOf(values);
    }

    /** Monorepo folders: relative to the repository root, ending with {@code /}. */
    private List<String> prefixes(String value) {
        Set<String> prefixes = new LinkedHashSet<>();
        for (String prefix : commaSeparated(value)) {
            String relative = prefix.replaceFirst("^/+", "");
            if (relative.isEmpty()) {
                problems.add(
                        "annotation "
                                + PATH_PREFIXES
                                + " has the prefix '"
                                + prefix
                                + "', the whole repository; name folders such as"
                                + " services/checkout/, or leave the annotation out");
            } else {
                prefixes.add(relative.endsWith("/") ? relative : relative + "/");
            }
        }
        return List.copyOf(prefixes);
    }

    private String regex(String value) {
        if (value == null) {
            return null;
        }
        try {
            Pattern.compile(value);
            return value;
        } catch (PatternSyntaxException e) {
            problems.add(
                    "annotation "
                            + PRODUCTION
                            + " is not a valid regular expression: "
                            + e.getDescription()
                            + (e.getIndex() >= 0 ? " near index " + e.getIndex() : "")
                            + " in '"
                            + value
                            + "'");
            return null;
        }
    }

    private static List<String> commaSeparated(String value) {
        if (value == null) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        return parts;
    }

    private String annotation(JsonNode annotations, String key) {
        return optional(annotations, key, "annotation " + key);
    }

    private String required(JsonNode parent, String key, String field) {
        JsonNode node = parent == null ? null : parent.get(key);
        if (node == null || node.isNull()) {
            problems.add(field + " is missing");
            return null;
        }
        String value = optional(parent, key, field);
        if (value == null && node.isTextual()) {
            problems.add(field + " is empty");
        }
        return value;
    }

    /** The trimmed text of a field; null when absent, null or blank, or not text (a problem). */
    private String optional(JsonNode parent, String key, String field) {
        JsonNode node = parent == null ? null : parent.get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            problems.add(field + " is " + type(node) + ", not a string");
            return null;
        }
        String value = node.textValue().strip();
        return value.isEmpty() ? null : value;
    }

    private JsonNode mapping(JsonNode parent, String key, String field) {
        JsonNode node = parent == null ? null : parent.get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            problems.add(field + " is " + type(node) + ", not a mapping");
            return null;
        }
        return node;
    }

    private static String type(JsonNode node) {
        switch (node.getNodeType()) {
            case ARRAY:
                return "a list";
            case OBJECT:
                return "a mapping";
            case NUMBER:
                return "a number";
            case BOOLEAN:
                return "a boolean";
            case STRING:
                return "a string";
            default:
                return "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
        }
    }
}
