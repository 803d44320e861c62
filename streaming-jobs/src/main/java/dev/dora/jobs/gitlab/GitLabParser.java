package dev.dora.jobs.gitlab;

import static dev.dora.jobs.PayloadJson.optionalText;
import static dev.dora.jobs.PayloadJson.required;
import static dev.dora.jobs.PayloadJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dora.events.CanonicalEvent;
import dev.dora.events.Commit;
import dev.dora.events.IncidentEvent;
import dev.dora.events.PullRequestEvent;
import dev.dora.events.PushEvent;
import dev.dora.events.RawEnvelope;
import dev.dora.jobs.CommitPaths;
import dev.dora.jobs.ParserSettings;
import dev.dora.jobs.PayloadJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitLab webhooks to canonical events: a pure function of the envelope. The body's {@code
 * object_kind} decides what an event is (the {@code X-Gitlab-Event} header only when a body lacks
 * it, since system hooks send their own header with the same bodies):
 *
 * <ul>
 *   <li>{@code push} to a branch: a {@link PushEvent}, each commit with the files of its {@code
 *       added}, {@code modified} and {@code removed} lists. GitLab does not say when the push
 *       happened, so {@code pushedAt} is the receive time (the commits' own times are author-side
 *       and can be days older than the push);
 *   <li>{@code merge_request}: a {@link PullRequestEvent};
 *   <li>{@code deployment}, and {@code pipeline} runs named as deployments: see {@link
 *       GitLabDeployments};
 *   <li>{@code issue} carrying the incident label: an {@link IncidentEvent};
 *   <li>everything else ({@code build} for jobs, {@code tag_push}, {@code release}, notes...): no
 *       event; the envelope stays in the raw archive.
 * </ul>
 *
 * <p>Every event's service is the project's {@code path_with_namespace}. Times are converted to UTC
 * by {@link GitLabTime}.
 */
public final class GitLabParser {
    private static final String REFS_HEADS = "refs/heads/";
    private static final Map<String, String> KIND_OF_HEADER =
            Map.of(
                    "Push Hook", "push",
                    "Tag Push Hook", "tag_push",
                    "Merge Request Hook", "merge_request",
                    "Deployment Hook", "deployment",
                    "Pipeline Hook", "pipeline",
                    "Issue Hook", "issue",
                    "Confidential Issue Hook", "issue",
                    "Job Hook", "build",
                    "Release Hook", "release");

    /** GitLab's merge-request verbs in the past tense of {@link PullRequestEvent#action()}. */
    private static final Map<String, String> ACTIONS =
            Map.of(
                    "open", "opened",
                    "close", "closed",
                    "reopen", "reopened",
                    "merge", "merged",
                    "update", "updated");

    /** A line of an incident's description naming the commit that caused it. */
    private static final Pattern ROOT_CAUSE =
            Pattern.compile(
                    "^\\s*root cause:\\s*`?([0-9a-f]{7,40})\\b",
                    Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    private GitLabParser() {}

    public static List<CanonicalEvent> parse(RawEnvelope envelope) {
        return parse(envelope, ParserSettings.defaults());
    }

    /**
     * @throws dev.dora.jobs.UnparseableEventException naming the field, for input that cannot be
     *     used
     */
    public static List<CanonicalEvent> parse(RawEnvelope envelope, ParserSettings settings) {
        JsonNode root = PayloadJson.object(envelope);
        String kind = optionalText(root, "object_kind");
        if (kind == null) {
            kind = KIND_OF_HEADER.getOrDefault(envelope.eventType(), "");
        }
        return switch (kind) {
            case "push" -> push(envelope, root);
            case "merge_request" -> List.of(mergeRequest(envelope, root));
            case "deployment" -> List.of(GitLabDeployments.deployment(envelope, root));
            case "pipeline" -> GitLabDeployments.pipeline(envelope, root, settings);
            case "issue" -> incident(envelope, root, settings);
            default -> List.of();
        };
    }

    /** The project's full path, e.g. {@code gitlab-org/hello-world}: the event's service. */
    static String repo(JsonNode root) {
        return text(root, "project.path_with_namespace");
    }

    private static List<CanonicalEvent> push(RawEnvelope envelope, JsonNode root) {
        String ref = text(root, "ref");
        if (!ref.startsWith(REFS_HEADS)) {
            return List.of(); // a tag moves no branch
        }
        String repo = repo(root);
        List<Commit> commits = new ArrayList<>();
        int i = 0;
        for (JsonNode c : root.path("commits")) {
            String at = "commits[" + i++ + "]";
            String where = at + ".";
            commits.add(
                    new Commit(
                            text(c, where, "id"),
                            GitLabTime.optional(c, where, "timestamp"),
                            null,
                            CommitPaths.of(c, at)));
        }
        PushEvent push =
                new PushEvent(
                        envelope.source(),
                        repo,
                        ref.substring(REFS_HEADS.length()),
                        optionalText(root, "project.default_branch"),
                        text(root, "before"),
                        text(root, "after"),
                        envelope.receivedAt(),
                        commits);
        return List.of(CanonicalEvent.of(envelope.eventId(), repo, push));
    }

    /**
     * GitLab sends no merge time: the {@code updated_at} of a merged or closed request stands for
     * it (exact for the {@code merge} and {@code close} events themselves).
     */
    private static CanonicalEvent mergeRequest(RawEnvelope envelope, JsonNode root) {
        String repo = repo(root);
        JsonNode mr = required(root, "object_attributes");
        String where = "object_attributes.";
        String verb = lower(optionalText(mr, "action"));
        String state = lower(optionalText(mr, "state"));
        boolean merged = "merged".equals(state) || "merge".equals(verb);
        boolean closed = merged || "closed".equals(state);
        Instant endedAt = closed ? GitLabTime.required(mr, where, "updated_at") : null;
        PullRequestEvent event =
                new PullRequestEvent(
                        envelope.source(),
                        repo,
                        text(mr, where, "iid"),
                        verb == null ? "updated" : ACTIONS.getOrDefault(verb, verb),
                        merged,
                        text(mr, where, "source_branch"),
                        text(mr, where, "target_branch"),
                        optionalText(mr, "last_commit.id"),
                        optionalText(mr, "merge_commit_sha"),
                        GitLabTime.required(mr, where, "created_at"),
                        merged ? endedAt : null,
                        endedAt);
        return CanonicalEvent.of(envelope.eventId(), repo, event);
    }

    private static List<CanonicalEvent> incident(
            RawEnvelope envelope, JsonNode root, ParserSettings settings) {
        JsonNode issue = required(root, "object_attributes");
        if (!hasIncidentLabel(root.path("labels"), settings)
                && !hasIncidentLabel(issue.path("labels"), settings)) {
            return List.of(); // an ordinary issue
        }
        String repo = repo(root);
        String where = "object_attributes.";
        boolean closed = "closed".equals(lower(text(issue, where, "state")));
        Instant openedAt = GitLabTime.required(issue, where, "created_at");
        Instant updatedAt = GitLabTime.optional(issue, where, "updated_at");
        Instant occurredAt = updatedAt != null ? updatedAt : openedAt;
        Instant closedAt = GitLabTime.optional(issue, where, "closed_at");
        IncidentEvent event =
                new IncidentEvent(
                        envelope.source(),
                        repo + "#" + text(issue, where, "iid"),
                        repo,
                        optionalText(issue, "title"),
                        closed ? IncidentEvent.RESOLVED : IncidentEvent.OPEN,
                        optionalText(issue, "severity"),
                        openedAt,
                        closed ? (closedAt != null ? closedAt : occurredAt) : null,
                        null,
                        rootCause(optionalText(issue, "description")),
                        occurredAt);
        return List.of(CanonicalEvent.of(envelope.eventId(), repo, event));
    }

    private static boolean hasIncidentLabel(JsonNode labels, ParserSettings settings) {
        for (JsonNode label : labels) {
            if (settings.isIncidentLabel(optionalText(label, "title"))) {
                return true;
            }
        }
        return false;
    }

    /** The sha of a {@code root cause: <sha>} line, lower case, or null. */
    static String rootCause(String description) {
        if (description == null) {
            return null;
        }
        Matcher m = ROOT_CAUSE.matcher(description);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
