package dev.dora.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dora.events.RawEnvelope;
import dev.dora.jobs.facts.RawRow;
import java.io.UncheckedIOException;

/** An envelope as an {@code events_raw} row. */
public final class RawRows {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RawRows() {}

    public static RawRow of(RawEnvelope e) {
        try {
            return new RawRow(
                    e.eventId(),
                    e.source(),
                    e.eventType(),
                    e.deliveryId(),
                    e.receivedAt(),
                    MAPPER.writeValueAsString(e.headers()),
                    e.body());
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
