package dev.dora.jobs.facts;

import java.time.Instant;

/** A row of {@code events_raw}; see {@link dev.dora.events.tables.Tables#EVENTS_RAW}. */
public record RawRow(
        String eventId,
        String source,
        String eventType,
        String deliveryId,
        Instant receivedAt,
        String headers,
        byte[] body) {}
