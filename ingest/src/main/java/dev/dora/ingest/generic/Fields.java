package dev.dora.ingest.generic;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Field checks on one JSON object of a generic event, each adding {@code "<path>: <problem>"} to a
 * shared list instead of stopping at the first, so that one answer names every invalid field.
 */
final class Fields {
    private final JsonNode node;
    private final String prefix;
    private final List<String> problems;

    /**
     * @param prefix path of this object, e.g. {@code [2].} or empty for a single event
     */
    Fields(JsonNode node, String prefix, List<String> problems) {
        this.node = node;
        this.prefix = prefix;
        this.problems = problems;
    }

    void problem(String field, String message) {
        problems.add(prefix + field + ": " + message);
    }

    boolean present(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    /** A non-empty string; null (and a problem) when it is missing or not one. */
    String text(String field) {
        if (!present(field)) {
            problem(field, "missing");
            return null;
        }
        return checkedText(field);
    }

    /** A string when present; null when absent (not a problem) or invalid (a problem). */
    String optionalText(String field) {
        return present(field) ? checkedText(field) : null;
    }

    /** A string or a whole number (DESIGN.md sends {@code "pr": 812}). */
    void optionalTextOrNumber(String field) {
        if (present(field) && !node.get(field).isIntegralNumber()) {
            checkedText(field);
        }
    }

    /**
     * An array of non-empty strings when present (file paths: a path of spaces is a valid name, so
     * only the empty string is refused).
     */
    void optionalStrings(String field) {
        if (!present(field)) {
            return;
        }
        JsonNode v = node.get(field);
        if (!v.isArray()) {
            problem(field, "must be an array");
            return;
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isTextual() || e.asText().isEmpty()) {
                problem(field + "[" + i + "]", "must be a non-empty string");
            }
        }
    }

    private String checkedText(String field) {
        JsonNode v = node.get(field);
        if (!v.isTextual()) {
            problem(field, "must be a string");
            return null;
        }
        if (v.asText().isBlank()) {
            problem(field, "must not be empty");
            return null;
        }
        return v.asText();
    }

    /** A required string from a closed set. */
    String oneOf(String field, List<String> allowed) {
        String v = text(field);
        if (v != null && !allowed.contains(v)) {
            problem(field, "must be one of " + String.join(", ", allowed));
            return null;
        }
        return v;
    }

    /** A required ISO-8601 time with an offset; {@code why} explains a conditional requirement. */
    void time(String field, String why) {
        if (!present(field)) {
            problem(field, why == null ? "missing" : "missing (" + why + ")");
            return;
        }
        optionalTime(field);
    }

    void time(String field) {
        time(field, null);
    }

    /** An ISO-8601 time with an offset (e.g. {@code 2026-03-02T10:04:10Z}) when present. */
    void optionalTime(String field) {
        if (!present(field)) {
            return;
        }
        JsonNode v = node.get(field);
        try {
            if (v.isTextual()) {
                OffsetDateTime.parse(v.asText());
                return;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        String shown = v.isTextual() ? "'" + v.asText() + "'" : v.toString();
        problem(field, "not an ISO-8601 time with offset: " + shorten(shown));
    }

    /** Echoes at most a short value back, however large the sender's field is. */
    private static String shorten(String value) {
        return value.length() <= 80 ? value : value.substring(0, 80) + "...";
    }

    /** The nested object's checks, with its path; null (and a problem) when it is not an object. */
    Fields object(String field) {
        JsonNode v = node.get(field);
        if (!v.isObject()) {
            problem(field, "must be an object");
            return null;
        }
        return new Fields(v, prefix + field + ".", problems);
    }

    JsonNode get(String field) {
        return node.get(field);
    }

    String path(String field) {
        return prefix + field;
    }

    List<String> problems() {
        return problems;
    }
}
