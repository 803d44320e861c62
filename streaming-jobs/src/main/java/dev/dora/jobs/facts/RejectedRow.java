package dev.dora.jobs.facts;

import java.time.Instant;

/** A row of {@code rejected_events}: an envelope that could not be used, and why. */
public record RejectedRow(
        String eventId,
        String source,
        String eventType,
        String deliveryId,
        Instant receivedAt,
        String reason) {}
