package dev.dora.jobs.cdevents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dora.events.RawEnvelope;
import dev.dora.jobs.JsonFields;
import dev.dora.jobs.UnparseableEventException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * The CDEvent inside a CloudEvents HTTP delivery. Structured mode ({@code content-type:
 * application/cloudevents+json}): the body is the CloudEvent and the CDEvent is its {@code data}
 * (or {@code data_base64}). Binary mode: the CloudEvents attributes travel as {@code ce-*} headers
 * and the body is the CDEvent itself.
 */
final class CloudEvents {
    static final String STRUCTURED = "application/cloudevents+json";
    static final String BATCH = "application/cloudevents-batch+json";

    private CloudEvents() {}

    static JsonNode cdEvent(RawEnvelope envelope) {
        String contentType = header(envelope.headers(), "content-type");
        String type = contentType == null ? "" : contentType.trim().toLowerCase(Locale.ROOT);
        if (type.startsWith(BATCH)) {
            throw new UnparseableEventException(
                    "batched CloudEvents (" + BATCH + ") are not supported: one event per request");
        }
        JsonNode body = JsonFields.read(envelope.body());
        if (!body.isObject()) {
            throw new UnparseableEventException("body is not a JSON object");
        }
        return type.startsWith(STRUCTURED) || looksStructured(body) ? data(body) : body;
    }

    /**
     * A structured CloudEvent whose content type was lost on the way (a proxy, a client sending
     * {@code application/json}): CloudEvents attributes at the top level and no CDEvents context.
     */
    private static boolean looksStructured(JsonNode body) {
        return body.has("specversion")
                && (body.has("data") || body.has("data_base64"))
                && !body.has("context");
    }

    private static JsonNode data(JsonNode cloudEvent) {
        JsonNode data = JsonFields.optional(cloudEvent, "data");
        if (data == null) {
            String base64 = JsonFields.optionalText(cloudEvent, "data_base64", "");
            if (base64 == null) {
                throw new UnparseableEventException(
                        "missing field 'data' (the CDEvent) of the structured CloudEvent");
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(base64);
            } catch (IllegalArgumentException e) {
                throw new UnparseableEventException("field 'data_base64' is not base64");
            }
            data = JsonFields.read(bytes, "field 'data_base64'");
        } else if (data.isTextual()) {
            // Some senders encode the JSON data a second time, as a string.
            data = JsonFields.read(data.asText().getBytes(StandardCharsets.UTF_8), "field 'data'");
        }
        if (!data.isObject()) {
            throw new UnparseableEventException("field 'data' is not a JSON object");
        }
        return data;
    }

    /** Ingest keeps header names in lower case; any case is accepted here all the same. */
    static String header(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }
}
