package dev.dora.events;

import java.time.Instant;
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
        Instant statusAt) {

    /** Statuses after which a deployment attempt does not change any more. */
    public static final Set<String> FINAL_STATUSES = Set.of("success", "failure", "error");

    public boolean isFinal() {
        return FINAL_STATUSES.contains(status);
    }

    public boolean isSuccess() {
        return "success".equals(status);
    }
}
