package dev.dora.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading webhook JSON for parsers: every refusal is an {@link UnparseableEventException} naming
 * the field by its full path ({@code subject.content.environment.id}, {@code [1].started_at}), so
 * the dead-letter reason says exactly what to fix.
 */
public final class JsonFields {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonFields() {}

    /** The body as JSON (any shape). */
    public static JsonNode read(byte[] body) {
        return read(body, "body");
    }

    /**
     * Bytes as JSON (any shape).
     *
     * @param what names the bytes in the refusal, e.g. {@code body}
     */
    public static JsonNode read(byte[] bytes, String what) {
        try {
            JsonNode n = MAPPER.readTree(bytes);
            if (n == null || n.isMissingNode()) {
                throw new UnparseableEventException(what + " is empty");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new UnparseableEventException(what + " is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UnparseableEventException(what + " is not JSON: " + e.getMessage());
        }
    }

    /** {@code parent} + {@code field} as a path: {@code a.b}, {@code [0].id}, or just the field. */
    public static String path(String parent, String field) {
        return parent == null || parent.isEmpty() ? field : parent + "." + field;
    }

    /** The member, or null when it is absent or JSON null. */
    public static JsonNode optional(JsonNode parent, String field) {
        JsonNode n = parent == null ? null : parent.get(field);
        return n == null || n.isNull() ? null : n;
    }

    public static JsonNode required(JsonNode parent, String field, String parentPath) {
        JsonNode n = optional(parent, field);
        if (n == null) {
            throw new UnparseableEventException("missing field '" + path(parentPath, field) + "'");
        }
        return n;
    }

    public static JsonNode requiredObject(JsonNode parent, String field, String parentPath) {
        JsonNode n = required(parent, field, parentPath);
        if (!n.isObject()) {
            throw new UnparseableEventException(
                    "field '" + path(parentPath, field) + "' is not an object");
        }
        return n;
    }

    /** A non-empty string or number, as text. */
    public static String requiredText(JsonNode parent, String field, String parentPath) {
        String text = optionalText(parent, field, parentPath);
        if (text == null) {
            throw new UnparseableEventException("missing field '" + path(parentPath, field) + "'");
        }
        return text;
    }

    /**
     * A string or number as text; null when absent, JSON null or empty.
     *
     * @throws UnparseableEventException when it is an object, array or boolean
     */
    public static String optionalText(JsonNode parent, String field, String parentPath) {
        JsonNode n = optional(parent, field);
        if (n == null) {
            return null;
        }
        if (!n.isTextual() && !n.isNumber()) {
            throw new UnparseableEventException(
                    "field '" + path(parentPath, field) + "' is not a string");
        }
        String text = n.asText();
        return text.isEmpty() ? null : text;
    }

    /**
     * An array of non-empty strings; null when absent or JSON null.
     *
     * @throws UnparseableEventException when it is not an array, or an element is not a non-empty
     *     string, naming the element ({@code commits[0].added[2]})
     */
    public static List<String> optionalStrings(JsonNode parent, String field, String parentPath) {
        JsonNode n = optional(parent, field);
        if (n == null) {
            return null;
        }
        String at = path(parentPath, field);
        if (!n.isArray()) {
            throw new UnparseableEventException("field '" + at + "' is not an array");
        }
        List<String> strings = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            JsonNode e = n.get(i);
            if (!e.isTextual() || e.asText().isEmpty()) {
                throw new UnparseableEventException(
                        "field '" + at + "[" + i + "]' is not a non-empty string");
            }
            strings.add(e.asText());
        }
        return strings;
    }

    public static Instant requiredTime(JsonNode parent, String field, String parentPath) {
        Instant t = optionalTime(parent, field, parentPath);
        if (t == null) {
            throw new UnparseableEventException("missing field '" + path(parentPath, field) + "'");
        }
        return t;
    }

    /**
     * An ISO-8601 / RFC 3339 time with a zone offset, converted to UTC; null when absent. A time
     * without an offset is refused: which zone it meant cannot be known.
     */
    public static Instant optionalTime(JsonNode parent, String field, String parentPath) {
        String text = optionalText(parent, field, parentPath);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnparseableEventException(
                    "field '"
                            + path(parentPath, field)
                            + "' is not an ISO-8601 time with offset: '"
                            + text
                            + "'");
        }
    }
}
