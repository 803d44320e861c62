package dev.dora.jobs.facts;

import java.time.Instant;

/** A row of {@code deployments}: one status of one deployment attempt. */
public record DeploymentRow(
        String deploymentKey,
        String source,
        String deploymentId,
        String service,
        String repo,
        String environment,
        boolean production,
        String sha,
        String ref,
        String status,
        Instant startedAt,
        Instant finishedAt,
        Instant statusAt,
        String eventId,
        long version) {

    public static String key(String source, String repo, String deploymentId) {
        return source + ":" + repo + ":" + deploymentId;
    }
}
