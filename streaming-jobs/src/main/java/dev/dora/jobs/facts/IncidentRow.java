package dev.dora.jobs.facts;

import java.time.Instant;

/** A row of {@code incidents}: one state of an incident. */
public record IncidentRow(
        String incidentKey,
        String source,
        String incidentId,
        String service,
        String title,
        String status,
        String severity,
        Instant openedAt,
        Instant resolvedAt,
        String causedByDeploymentId,
        String causedBySha,
        Instant occurredAt,
        String eventId,
        long version) {}
