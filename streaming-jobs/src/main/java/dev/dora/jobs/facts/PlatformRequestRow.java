package dev.dora.jobs.facts;

import java.time.Instant;

/** A row of {@code platform_requests}: one state of a request to the platform. */
public record PlatformRequestRow(
        String requestKey,
        String source,
        String requestId,
        String service,
        String team,
        String channel,
        String kind,
        Instant requestedAt,
        Instant fulfilledAt,
        String eventId,
        long version) {}
