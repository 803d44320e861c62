package dev.dora.events;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One status of a deployment attempt.
 *
 * @param source webhook source
 * @param deploymentId the source's id of the deployment attempt
 * @param repo repository full name
 * @param sha the deployed commit
 * @param ref the deployed ref (branch, tag or sha), as the source gave it
 * @param environment target environment, as named by the source
 * @param status lower-case state, e.g. {@code queued}, {@code in_progress}, {@code success}
 * @param startedAt when the deployment attempt was created
 * @param statusAt when it reached this status
 * @param service the service named by the sender (generic API, CDEvents), or null to resolve it
 *     from the repository
 * @param pipeline the pipeline or workflow that deployed it, or null
 * @param rollbackOf the deployment id this one declares it rolls back, or null
 * @param changes the change set as the sender declared it (generic API), or null when it must be
 *     learned from the push chain
 */
public record DeploymentStatusEvent(
        String source,
        String deploymentId,
        String repo,
        String sha,
        String ref,
        String environment,
        String status,
        Instant startedAt,
        Instant statusAt,
        String service,
        String pipeline,
        String rollbackOf,
        List<Commit> changes) {

    public DeploymentStatusEvent {
        changes = changes == null ? null : List.copyOf(changes);
    }

    /** A status with nothing declared beyond what every source reports. */
    public DeploymentStatusEvent(
            String source,
            String deploymentId,
            String repo,
            String sha,
            String ref,
            String environment,
            String status,
            Instant startedAt,
            Instant statusAt) {
        this(
                source,
                deploymentId,
                repo,
                sha,
                ref,
                environment,
                status,
                startedAt,
                statusAt,
                null,
                null,
                null,
                null);
    }

    /** Statuses after which a deployment attempt does not change any more. */
    public static final Set<String> FINAL_STATUSES = Set.of("success", "failure", "error");

    public boolean isFinal() {
        return FINAL_STATUSES.contains(status);
    }

    public boolean isSuccess() {
        return "success".equals(status);
    }
}
