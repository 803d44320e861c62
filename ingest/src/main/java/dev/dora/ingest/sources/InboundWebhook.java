package dev.dora.ingest.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One received request, independent of the HTTP server: headers (names lower-cased) and the raw
 * body. The body's JSON tree is built only when a source asks for a top-level field, and at most
 * once.
 */
public final class InboundWebhook {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, String> headers;
    private final byte[] body;
    private JsonNode json;

    /**
     * @param headers request headers as received; names are lower-cased, the first value wins
     */
    public InboundWebhook(Map<String, String> headers, byte[] body) {
        Map<String, String> lower = new LinkedHashMap<>();
        headers.forEach((name, value) -> lower.putIfAbsent(name.toLowerCase(Locale.ROOT), value));
        this.headers = Map.copyOf(lower);
        this.body = body;
    }

    /** All headers, names lower-cased. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The header's value, or null when it is absent or blank. */
    public String header(String name) {
        String v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isBlank() ? null : v.trim();
    }

    public byte[] body() {
        return body;
    }

    /** The media type of {@code Content-Type} without parameters, lower-cased, or null. */
    public String mediaType() {
        String type = header("Content-Type");
        if (type == null) {
            return null;
        }
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon))
                .trim()
                .toLowerCase(Locale.ROOT);
    }

    /** The body's JSON tree; call only once the body is known to be valid JSON. */
    public JsonNode json() {
        if (json == null) {
            try {
                json = MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("body was checked to be JSON but did not parse", e);
            }
        }
        return json;
    }

    /**
     * The scalar at this path of the body (e.g. {@code event}, {@code event_type}) as text, or null
     * when the path is missing, null, blank or not a string or number.
     */
    public String bodyText(String... path) {
        JsonNode node = json();
        for (String field : path) {
            node = node.path(field);
        }
        if (!node.isTextual() && !node.isNumber()) {
            return null;
        }
        String text = node.asText();
        return text.isBlank() ? null : text;
    }

    /** {@code sha256:} and the hex SHA-256 of the body: identical bytes are the same delivery. */
    public String bodySha256() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
