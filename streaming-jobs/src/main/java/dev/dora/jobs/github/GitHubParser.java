package dev.dora.jobs.github;

import dev.dora.events.CanonicalEvent;
import dev.dora.events.RawEnvelope;
import dev.dora.jobs.ParserSettings;
import java.util.List;

/**
 * GitHub webhooks to canonical events: a pure function of the envelope, dispatched on its event
 * type ({@code X-GitHub-Event}). {@code push}, {@code deployment}, {@code deployment_status},
 * {@code pull_request}, {@code workflow_run} (deploy workflows), {@code issues} (labelled as
 * incident) and {@code repository} ({@code created}: a service created) are used; every other event
 * type ({@code ping}, {@code star}, {@code check_run}, {@code check_suite}, {@code release}, {@code
 * status}, {@code workflow_job}, ...) is archived and yields nothing. Every time is converted to
 * UTC, offsets included.
 */
public final class GitHubParser {
    private GitHubParser() {}

    public static List<CanonicalEvent> parse(RawEnvelope envelope) {
        return parse(envelope, ParserSettings.defaults());
    }

    /**
     * @throws dev.dora.jobs.UnparseableEventException with the reason, for a used event type whose
     *     payload cannot be used
     */
    public static List<CanonicalEvent> parse(RawEnvelope envelope, ParserSettings settings) {
        return switch (envelope.eventType()) {
            case "push" -> GitHubPush.parse(envelope);
            case "deployment" -> GitHubDeployment.created(envelope);
            case "deployment_status" -> GitHubDeployment.status(envelope);
            case "pull_request" -> GitHubPullRequest.parse(envelope);
            case "workflow_run" -> GitHubWorkflowRun.parse(envelope, settings);
            case "issues" -> GitHubIssues.parse(envelope, settings);
            case "repository" -> GitHubRepository.parse(envelope);
            default -> List.of();
        };
    }
}
