package dev.dora.jobs.facts;

import java.time.Instant;

/** A row of {@code service_events}: one report of a service's creation. */
public record ServiceEventRow(
        String serviceKey,
        String source,
        String service,
        Instant createdAt,
        String template,
        String eventId,
        long version) {}
