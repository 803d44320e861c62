package dev.dora.jobs.facts;

import java.time.Instant;

/** A row of {@code deployment_changes}: one change carried by one production deployment. */
public record DeploymentChangeRow(
        String deploymentKey,
        String changeKey,
        String service,
        String sha,
        Instant deployedAt,
        String eventId) {}
