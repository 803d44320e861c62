package dev.dora.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dora.events.RawEnvelope;
import java.io.IOException;

/**
 * Reading webhook bodies for the parsers: every missing or malformed field becomes an {@link
 * UnparseableEventException} whose message names the field by its dotted path, e.g. {@code missing
 * field 'project.path_with_namespace'}, so a rejected event says what was wrong with it.
 */
public final class PayloadJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PayloadJson() {}

    /** The envelope's body as a JSON object. */
    public static JsonNode object(RawEnvelope envelope) {
        JsonNode n;
        try {
            n = MAPPER.readTree(envelope.body());
        } catch (JsonProcessingException e) {
            throw new UnparseableEventException("body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UnparseableEventException("body is not JSON: " + e.getMessage());
        }
        if (n == null || !n.isObject()) {
            throw new UnparseableEventException("body is not a JSON object");
        }
        return n;
    }

    /**
     * The node at a dotted path below {@code node}; {@code where} is the path of {@code node}
     * itself (empty for the root), used in the message only.
     */
    public static JsonNode required(JsonNode node, String where, String path) {
        JsonNode n = node;
        int from = 0;
        while (true) {
            int dot = path.indexOf('.', from);
            String field = dot < 0 ? path.substring(from) : path.substring(from, dot);
            n = n.get(field);
            if (n == null || n.isNull()) {
                String missing = dot < 0 ? path : path.substring(0, dot);
                throw new UnparseableEventException("missing field '" + where + missing + "'");
            }
            if (dot < 0) {
                return n;
            }
            from = dot + 1;
        }
    }

    public static JsonNode required(JsonNode root, String path) {
        return required(root, "", path);
    }

    /** A non-empty text or number at a dotted path (numbers as their text, e.g. ids). */
    public static String text(JsonNode node, String where, String path) {
        JsonNode n = required(node, where, path);
        if (!n.isValueNode() || n.asText().isEmpty()) {
            throw new UnparseableEventException(
                    "field '" + where + path + "' is empty or not a value");
        }
        return n.asText();
    }

    public static String text(JsonNode root, String path) {
        return text(root, "", path);
    }

    /** The text at a dotted path, or null when any part of it is absent, null or empty. */
    public static String optionalText(JsonNode node, String path) {
        JsonNode n = node;
        for (String field : path.split("\\.")) {
            n = n.get(field);
            if (n == null || n.isNull()) {
                return null;
            }
        }
        return n.isValueNode() && !n.asText().isEmpty() ? n.asText() : null;
    }
}
