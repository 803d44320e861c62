package dev.dora.jobs.github;

import static dev.dora.jobs.github.GitHubJson.firstOf;
import static dev.dora.jobs.github.GitHubJson.required;
import static dev.dora.jobs.github.GitHubJson.requiredText;
import static dev.dora.jobs.github.GitHubJson.text;
import static dev.dora.jobs.github.GitHubJson.time;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dora.events.CanonicalEvent;
import dev.dora.events.DeploymentStatusEvent;
import dev.dora.events.RawEnvelope;
import dev.dora.jobs.ParserSettings;
import dev.dora.jobs.UnparseableEventException;
import java.util.List;
import java.util.Locale;

/**
 * A completed GitHub Actions {@code workflow_run} of a deploy workflow (its name or path matches
 * {@link ParserSettings#isDeployWorkflow}) to the final {@link DeploymentStatusEvent} of a
 * deployment attempt {@code run-<id>}; a re-run ({@code run_attempt} 2 and up) is a new attempt,
 * {@code run-<id>-<attempt>}. Workflow runs carry no environment, so the attempt is reported as
 * {@code production}. Other actions and other workflows yield nothing.
 */
final class GitHubWorkflowRun {
    static final String ENVIRONMENT = "production";

    private GitHubWorkflowRun() {}

    static List<CanonicalEvent> parse(RawEnvelope envelope, ParserSettings settings) {
        JsonNode root = GitHubJson.object(envelope);
        if (!"completed".equals(text(root, "action"))) {
            return List.of(); // requested, in_progress: the attempt is not finished
        }
        JsonNode run = required(root, "workflow_run");
        JsonNode workflow = root.path("workflow");
        // workflow_run.name is empty in some payloads; the workflow object then names it.
        String name = firstOf(text(run, "name"), text(workflow, "name"));
        String path = firstOf(text(run, "path"), text(workflow, "path"));
        if (!settings.isDeployWorkflow(name) && !settings.isDeployWorkflow(path)) {
            return List.of();
        }
        String repo = GitHubJson.repo(root);
        String id = "run-" + requiredText(run, "id");
        JsonNode attempt = run.get("run_attempt");
        if (attempt != null && attempt.asInt(1) > 1) {
            id += "-" + attempt.asInt();
        }
        JsonNode started = run.get("run_started_at");
        DeploymentStatusEvent event =
                new DeploymentStatusEvent(
                        envelope.source(),
                        id,
                        repo,
                        requiredText(run, "head_sha"),
                        text(run, "head_branch"),
                        ENVIRONMENT,
                        status(text(run, "conclusion")),
                        started == null || started.isNull()
                                ? time(run.get("created_at"), "workflow_run.created_at")
                                : time(started, "workflow_run.run_started_at"),
                        time(run.get("updated_at"), "workflow_run.updated_at"),
                        null,
                        firstOf(name, path),
                        null,
                        null);
        return List.of(CanonicalEvent.of(envelope.eventId(), repo, event));
    }

    /** A run's conclusion as a final deployment status; an unknown one is refused, not guessed. */
    static String status(String conclusion) {
        if (conclusion == null) {
            throw new UnparseableEventException("completed workflow_run without a conclusion");
        }
        return switch (conclusion.toLowerCase(Locale.ROOT)) {
            case "success" -> "success";
            case "failure", "timed_out", "startup_failure" -> "failure";
            case "cancelled", "skipped", "neutral", "action_required", "stale" -> "error";
            default ->
                    throw new UnparseableEventException(
                            "unknown workflow_run conclusion '" + conclusion + "'");
        };
    }
}
