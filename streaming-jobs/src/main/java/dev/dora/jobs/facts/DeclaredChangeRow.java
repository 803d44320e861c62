package dev.dora.jobs.facts;

import java.time.Instant;

/** A row of {@code declared_changes}: one change of a change set the sender declared. */
public record DeclaredChangeRow(
        String deploymentKey,
        String changeKey,
        String service,
        String sha,
        Instant declaredAt,
        String eventId) {}
