package dev.dora.jobs.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dora.events.RawEnvelope;
import dev.dora.jobs.UnparseableEventException;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reading GitHub payloads: the body as a JSON object, required and optional fields, and times in
 * UTC. A missing required field fails with an {@link UnparseableEventException} naming it.
 */
final class GitHubJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private GitHubJson() {}

    static JsonNode object(RawEnvelope envelope) {
        try {
            JsonNode n = MAPPER.readTree(envelope.body());
            if (n == null || !n.isObject()) {
                throw new UnparseableEventException("body is not a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw new UnparseableEventException("body is not JSON: " + e.getMessage());
        }
    }

    /** {@code repository.full_name}, which every used GitHub event carries. */
    static String repo(JsonNode root) {
        return requiredText(required(root, "repository"), "full_name");
    }

    static JsonNode required(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            throw new UnparseableEventException("missing field '" + field + "'");
        }
        return n;
    }

    static String requiredText(JsonNode parent, String field) {
        JsonNode n = required(parent, field);
        if (!n.isValueNode() || n.asText().isEmpty()) {
            throw new UnparseableEventException("field '" + field + "' is empty or not a value");
        }
        return n.asText();
    }

    /** The field as text, or null when it is absent, null, empty or not a value. */
    static String text(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isValueNode() || n.isNull() || n.asText().isEmpty()) {
            return null;
        }
        return n.asText();
    }

    /** The first of the values that is not null. */
    static String firstOf(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** An ISO-8601 time with offset, converted to UTC; {@code field} names it in the error. */
    static Instant time(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            throw new UnparseableEventException("missing time '" + field + "'");
        }
        try {
            return OffsetDateTime.parse(node.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnparseableEventException(
                    "time '" + field + "' is not ISO-8601: " + node.asText());
        }
    }

    /** Like {@link #time}, but null when the field is absent or null. */
    static Instant optionalTime(JsonNode node, String field) {
        return node == null || node.isNull() ? null : time(node, field);
    }
}
