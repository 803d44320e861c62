package dev.dora.jobs;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dora.events.RawEnvelope;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reading webhook bodies for the parsers: fields are addressed by dotted paths ({@code
 * event.data.id}) so that every rejection names the full path of the missing or invalid field.
 * Every method throws {@link UnparseableEventException}, never anything else.
 */
public final class JsonPaths {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonPaths() {}

    /** The body as a JSON object. */
    public static JsonNode object(RawEnvelope envelope) {
        JsonNode n;
        try {
            n = MAPPER.readTree(envelope.body());
        } catch (JsonProcessingException e) {
            // The original message leaves out the location excerpt, which would quote the body.
            throw new UnparseableEventException("body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UnparseableEventException("body is not JSON: " + e.getMessage());
        }
        if (n == null || !n.isObject()) {
            throw new UnparseableEventException("body is not a JSON object");
        }
        return n;
    }

    /** The node at a dotted path; a missing node (never null) when any step is absent. */
    public static JsonNode at(JsonNode root, String path) {
        return root.at(JsonPointer.compile("/" + path.replace('.', '/')));
    }

    public static JsonNode required(JsonNode root, String path) {
        JsonNode n = at(root, path);
        if (n.isMissingNode() || n.isNull()) {
            throw new UnparseableEventException("missing field '" + path + "'");
        }
        return n;
    }

    /** A non-empty text or number, as text. */
    public static String requiredText(JsonNode root, String path) {
        JsonNode n = required(root, path);
        if (!n.isValueNode() || n.asText().isBlank()) {
            throw new UnparseableEventException("field '" + path + "' is empty or not a value");
        }
        return n.asText();
    }

    /** A non-blank text or number, as text; null when absent, null, blank or not a value. */
    public static String text(JsonNode root, String path) {
        JsonNode n = at(root, path);
        return n.isValueNode() && !n.isNull() && !n.asText().isBlank() ? n.asText() : null;
    }

    /** An ISO-8601 time with an offset, converted to UTC. */
    public static Instant requiredTime(JsonNode root, String path) {
        return parseTime(requiredText(root, path), path);
    }

    /** An ISO-8601 time with an offset, converted to UTC; null when absent or blank. */
    public static Instant time(JsonNode root, String path) {
        String s = text(root, path);
        return s == null ? null : parseTime(s, path);
    }

    private static Instant parseTime(String s, String path) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnparseableEventException(
                    "time '" + path + "' is not ISO-8601 with an offset: " + s);
        }
    }
}
