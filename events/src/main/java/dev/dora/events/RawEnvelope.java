package dev.dora.events;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * A webhook exactly as it arrived: the raw bytes plus what ingest knew about them. This is the
 * source of truth on the {@code dora.raw} topic and in the {@code events_raw} archive; every
 * derived table can be rebuilt from it.
 *
 * @param eventId unique id ingest gave this receipt (returned to the sender)
 * @param source webhook source, e.g. {@code github}
 * @param eventType the source's event type, e.g. {@code push} (from {@code X-GitHub-Event})
 * @param deliveryId the sender's delivery id (the deduplication key), or {@code sha256:} and the
 *     hex SHA-256 of the body when the sender gave none (identical bytes are the same delivery)
 * @param receivedAt when ingest received it
 * @param headers selected request headers (never credentials)
 * @param body the raw request body
 */
public record RawEnvelope(
        String eventId,
        String source,
        String eventType,
        String deliveryId,
        Instant receivedAt,
        Map<String, String> headers,
        byte[] body) {

    public RawEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    /** The key under which redeliveries of the same webhook are recognised. */
    public String dedupeKey() {
        return source + ":" + deliveryId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawEnvelope e
                && eventId.equals(e.eventId)
                && source.equals(e.source)
                && eventType.equals(e.eventType)
                && deliveryId.equals(e.deliveryId)
                && receivedAt.equals(e.receivedAt)
                && headers.equals(e.headers)
                && Arrays.equals(body, e.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(eventId, source, eventType, deliveryId, receivedAt, headers)
                + 31 * Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "RawEnvelope["
                + source
                + "/"
                + eventType
                + " "
                + deliveryId
                + ", "
                + body.length
                + " bytes]";
    }
}
