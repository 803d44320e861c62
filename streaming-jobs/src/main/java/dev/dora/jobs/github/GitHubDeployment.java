package dev.dora.jobs.github;

import static dev.dora.jobs.github.GitHubJson.required;
import static dev.dora.jobs.github.GitHubJson.requiredText;
import static dev.dora.jobs.github.GitHubJson.text;
import static dev.dora.jobs.github.GitHubJson.time;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dora.events.CanonicalEvent;
import dev.dora.events.DeploymentStatusEvent;
import dev.dora.events.RawEnvelope;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * GitHub Deployments API events to {@link DeploymentStatusEvent}s. A {@code deployment} event only
 * announces an attempt: it becomes a {@code queued} status at the deployment's creation time, so
 * the attempt exists (with its sha, ref and environment) before any {@code deployment_status}
 * arrives, and a later status always supersedes it. A {@code rollback_of} in the deployment's JSON
 * {@code payload} object is taken as declared; the pipeline is the workflow run that created the
 * deployment, when the payload names one.
 */
final class GitHubDeployment {
    static final String QUEUED = "queued";

    private GitHubDeployment() {}

    /** {@code deployment} (action {@code created}, or no action in older payloads). */
    static List<CanonicalEvent> created(RawEnvelope envelope) {
        JsonNode root = GitHubJson.object(envelope);
        String action = text(root, "action");
        if (action != null && !action.equals("created")) {
            return List.of();
        }
        JsonNode deployment = required(root, "deployment");
        Instant createdAt = time(deployment.get("created_at"), "deployment.created_at");
        return List.of(
                event(envelope, root, requiredText(deployment, "environment"), QUEUED, createdAt));
    }

    /** {@code deployment_status}: one status of the attempt. */
    static List<CanonicalEvent> status(RawEnvelope envelope) {
        JsonNode root = GitHubJson.object(envelope);
        JsonNode status = required(root, "deployment_status");
        JsonNode deployment = required(root, "deployment");
        String environment = text(status, "environment");
        if (environment == null) {
            environment = requiredText(deployment, "environment");
        }
        return List.of(
                event(
                        envelope,
                        root,
                        environment,
                        requiredText(status, "state").toLowerCase(Locale.ROOT),
                        time(status.get("created_at"), "deployment_status.created_at")));
    }

    private static CanonicalEvent event(
            RawEnvelope envelope,
            JsonNode root,
            String environment,
            String state,
            Instant statusAt) {
        JsonNode deployment = required(root, "deployment");
        String repo = GitHubJson.repo(root);
        DeploymentStatusEvent event =
                new DeploymentStatusEvent(
                        envelope.source(),
                        requiredText(deployment, "id"),
                        repo,
                        requiredText(deployment, "sha"),
                        text(deployment, "ref"),
                        environment,
                        state,
                        time(deployment.get("created_at"), "deployment.created_at"),
                        statusAt,
                        null,
                        pipeline(root),
                        text(deployment.path("payload"), "rollback_of"),
                        null);
        return CanonicalEvent.of(envelope.eventId(), repo, event);
    }

    /** The workflow whose run created the deployment (GitHub Actions), or null. */
    private static String pipeline(JsonNode root) {
        JsonNode run = root.path("workflow_run");
        return GitHubJson.firstOf(text(run, "name"), text(root.path("workflow"), "name"));
    }
}
