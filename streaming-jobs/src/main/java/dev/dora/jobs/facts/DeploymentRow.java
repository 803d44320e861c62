package dev.dora.jobs.facts;

import dev.dora.events.DeploymentStatusEvent;
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
        String pipeline,
        String rollbackOf,
        boolean hotfix,
        boolean changesDeclared,
        String eventId,
        long version) {

    /** {@code <source>:<repo>:<id>}, or the service in place of the repository when unknown. */
    public static String key(DeploymentStatusEvent d, String service) {
        return d.source() + ":" + (d.repo() != null ? d.repo() : service) + ":" + d.deploymentId();
    }
}
