package dev.dora.jobs.gitlab;

import static dev.dora.jobs.PayloadJson.optionalText;
import static dev.dora.jobs.PayloadJson.required;
import static dev.dora.jobs.PayloadJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dora.events.CanonicalEvent;
import dev.dora.events.DeploymentStatusEvent;
import dev.dora.events.RawEnvelope;
import dev.dora.jobs.ParserSettings;
import dev.dora.jobs.UnparseableEventException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitLab deployments, from two hooks.
 *
 * <p><b>Deployment Hook</b> ({@code object_kind: deployment}, sent for jobs that declare an {@code
 * environment}): one status of deployment {@code deployment_id}. The hook carries no creation time,
 * so both {@code startedAt} and {@code statusAt} are {@code status_changed_at}. The sha is {@code
 * sha} when present, else the full sha at the end of {@code commit_url}, else {@code short_sha}.
 *
 * <p><b>Pipeline Hook</b>: a pipeline is a deployment only when its name ({@code
 * object_attributes.name}, GitLab's {@code workflow:name}) matches the deploy pattern. Stage and
 * job names are not used: every pipeline of the corpus has a {@code deploy} stage whose jobs were
 * only created or skipped while the pipeline succeeded, and jobs with an environment are already
 * reported by the Deployment Hook. Its id is {@code pipeline-<id>} (pipeline and deployment ids are
 * separate sequences), its environment that of the job whose {@code environment.deployment_tier} is
 * {@code production}, else of the first job that names one, else {@code production}; it starts at
 * {@code created_at} and reaches its status at {@code finished_at} (at {@code created_at} while
 * running).
 *
 * <p>Statuses, to the canonical vocabulary: {@code success} stays; {@code failed} → {@code
 * failure}; {@code canceled} → {@code error} (final, not a success: a failed attempt); {@code
 * running} → {@code in_progress}; {@code created}, {@code pending}, {@code preparing}, {@code
 * waiting_for_resource}, {@code scheduled}, {@code manual}, {@code blocked} → {@code queued};
 * {@code skipped} and anything else stay as sent, lower case, and so never finish (nothing went
 * live).
 */
final class GitLabDeployments {
    private static final Pattern COMMIT_URL_SHA = Pattern.compile("/commit/([0-9a-f]{40})/?$");
    private static final String DEFAULT_ENVIRONMENT = "production";

    private GitLabDeployments() {}

    static CanonicalEvent deployment(RawEnvelope envelope, JsonNode root) {
        String repo = GitLabParser.repo(root);
        Instant at = GitLabTime.required(root, "", "status_changed_at");
        DeploymentStatusEvent event =
                new DeploymentStatusEvent(
                        envelope.source(),
                        text(root, "deployment_id"),
                        repo,
                        sha(root),
                        optionalText(root, "ref"),
                        text(root, "environment"),
                        status(text(root, "status")),
                        at,
                        at);
        return CanonicalEvent.of(envelope.eventId(), repo, event);
    }

    static List<CanonicalEvent> pipeline(
            RawEnvelope envelope, JsonNode root, ParserSettings settings) {
        JsonNode pipeline = required(root, "object_attributes");
        String name = optionalText(pipeline, "name");
        if (!settings.isDeployWorkflow(name)) {
            return List.of(); // a build or test pipeline
        }
        String repo = GitLabParser.repo(root);
        String where = "object_attributes.";
        Instant createdAt = GitLabTime.required(pipeline, where, "created_at");
        Instant finishedAt = GitLabTime.optional(pipeline, where, "finished_at");
        DeploymentStatusEvent event =
                new DeploymentStatusEvent(
                        envelope.source(),
                        "pipeline-" + text(pipeline, where, "id"),
                        repo,
                        text(pipeline, where, "sha"),
                        optionalText(pipeline, "ref"),
                        environment(root.path("builds")),
                        status(text(pipeline, where, "status")),
                        createdAt,
                        finishedAt != null ? finishedAt : createdAt,
                        null,
                        name,
                        null,
                        null);
        return List.of(CanonicalEvent.of(envelope.eventId(), repo, event));
    }

    /** GitLab's deployment or pipeline status in the canonical vocabulary (see class comment). */
    static String status(String gitlab) {
        String s = gitlab.toLowerCase(Locale.ROOT);
        return switch (s) {
            case "failed" -> "failure";
            case "canceled", "cancelled" -> "error";
            case "running" -> "in_progress";
            case "created",
                            "pending",
                            "preparing",
                            "waiting_for_resource",
                            "scheduled",
                            "manual",
                            "blocked" ->
                    "queued";
            default -> s;
        };
    }

    private static String sha(JsonNode root) {
        String sha = optionalText(root, "sha");
        if (sha != null) {
            return sha;
        }
        String url = optionalText(root, "commit_url");
        Matcher m = COMMIT_URL_SHA.matcher(url == null ? "" : url);
        if (m.find()) {
            return m.group(1);
        }
        String shortSha = optionalText(root, "short_sha");
        if (shortSha == null) {
            throw new UnparseableEventException(
                    "missing field 'commit_url' (nor 'sha' nor 'short_sha' is set)");
        }
        return shortSha;
    }

    private static String environment(JsonNode builds) {
        String first = null;
        for (JsonNode job : builds) {
            String name = optionalText(job, "environment.name");
            if (name == null) {
                continue;
            }
            if ("production".equalsIgnoreCase(optionalText(job, "environment.deployment_tier"))) {
                return name;
            }
            if (first == null) {
                first = name;
            }
        }
        return first != null ? first : DEFAULT_ENVIRONMENT;
    }
}
