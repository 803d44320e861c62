package dev.dora.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The wire format of a {@link RawEnvelope} on Kafka: one JSON object, body in base64. JSON keeps
 * the topic readable with ordinary tools; the version field lets the format evolve.
 */
public final class EnvelopeCodec {
    static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EnvelopeCodec() {}

    public static byte[] encode(RawEnvelope e) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("v", VERSION);
        n.put("event_id", e.eventId());
        n.put("source", e.source());
        n.put("event_type", e.eventType());
        n.put("delivery_id", e.deliveryId());
        n.put("received_at", e.receivedAt().toString());
        ObjectNode headers = n.putObject("headers");
        e.headers().forEach(headers::put);
        n.put("body", Base64.getEncoder().encodeToString(e.body()));
        try {
            return MAPPER.writeValueAsBytes(n);
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Decodes an envelope.
     *
     * @throws IllegalArgumentException naming the problem when the bytes are not an envelope
     */
    public static RawEnvelope decode(byte[] bytes) {
        JsonNode n;
        try {
            n = MAPPER.readTree(bytes);
        } catch (IOException ex) {
            throw new IllegalArgumentException("envelope is not JSON: " + ex.getMessage(), ex);
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("envelope is not a JSON object");
        }
        int version = n.path("v").asInt(-1);
        if (version != VERSION) {
            throw new IllegalArgumentException("unsupported envelope version " + n.path("v"));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        n.path("headers")
                .fields()
                .forEachRemaining(f -> headers.put(f.getKey(), f.getValue().asText()));
        return new RawEnvelope(
                text(n, "event_id"),
                text(n, "source"),
                text(n, "event_type"),
                text(n, "delivery_id"),
                Instant.parse(text(n, "received_at")),
                headers,
                Base64.getDecoder().decode(text(n, "body")));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("envelope field '" + field + "' is missing");
        }
        return v.asText();
    }
}
