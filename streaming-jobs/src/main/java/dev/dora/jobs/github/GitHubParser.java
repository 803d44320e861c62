package dev.dora.jobs.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dora.events.CanonicalEvent;
import dev.dora.events.Commit;
import dev.dora.events.DeploymentStatusEvent;
import dev.dora.events.PushEvent;
import dev.dora.events.RawEnvelope;
import dev.dora.jobs.ParserSettings;
import dev.dora.jobs.UnparseableEventException;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * GitHub webhooks to canonical events: a pure function of the envelope. {@code push} and {@code
 * deployment_status} are used; every other event type is archived and yields nothing. Every time is
 * converted to UTC, offsets included.
 */
public final class GitHubParser {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String REFS_HEADS = "refs/heads/";

    private GitHubParser() {}

    public static List<CanonicalEvent> parse(RawEnvelope envelope) {
        return parse(envelope, ParserSettings.defaults());
    }

    public static List<CanonicalEvent> parse(RawEnvelope envelope, ParserSettings settings) {
        return switch (envelope.eventType()) {
            case "push" -> push(envelope);
            case "deployment_status" -> List.of(deploymentStatus(envelope));
            default -> List.of();
        };
    }

    private static List<CanonicalEvent> push(RawEnvelope envelope) {
        JsonNode root = json(envelope);
        String ref = requiredText(root, "ref");
        if (!ref.startsWith(REFS_HEADS)) {
            return List.of(); // tags do not move a branch
        }
        JsonNode repository = required(root, "repository");
        String repo = requiredText(repository, "full_name");
        String defaultBranch = repository.path("default_branch").asText(null);
        if (defaultBranch == null) {
            defaultBranch = repository.path("master_branch").asText(null);
        }
        List<Commit> commits = new ArrayList<>();
        for (JsonNode c : root.path("commits")) {
            commits.add(
                    new Commit(
                            requiredText(c, "id"),
                            time(c.get("timestamp"), "commits[].timestamp")));
        }
        Instant pushedAt = envelope.receivedAt();
        JsonNode pushedAtNode = repository.get("pushed_at");
        if (pushedAtNode != null && pushedAtNode.isNumber()) {
            pushedAt = Instant.ofEpochSecond(pushedAtNode.asLong());
        } else if (pushedAtNode != null && pushedAtNode.isTextual()) {
            pushedAt = time(pushedAtNode, "repository.pushed_at");
        }
        PushEvent push =
                new PushEvent(
                        envelope.source(),
                        repo,
                        ref.substring(REFS_HEADS.length()),
                        defaultBranch,
                        requiredText(root, "before"),
                        requiredText(root, "after"),
                        pushedAt,
                        commits);
        return List.of(CanonicalEvent.of(envelope.eventId(), repo, push));
    }

    private static CanonicalEvent deploymentStatus(RawEnvelope envelope) {
        JsonNode root = json(envelope);
        JsonNode status = required(root, "deployment_status");
        JsonNode deployment = required(root, "deployment");
        String repo = requiredText(required(root, "repository"), "full_name");
        String environment = status.path("environment").asText(null);
        if (environment == null || environment.isEmpty()) {
            environment = requiredText(deployment, "environment");
        }
        DeploymentStatusEvent event =
                new DeploymentStatusEvent(
                        envelope.source(),
                        requiredText(deployment, "id"),
                        repo,
                        requiredText(deployment, "sha"),
                        deployment.path("ref").asText(null),
                        environment,
                        requiredText(status, "state").toLowerCase(Locale.ROOT),
                        time(deployment.get("created_at"), "deployment.created_at"),
                        time(status.get("created_at"), "deployment_status.created_at"));
        return CanonicalEvent.of(envelope.eventId(), repo, event);
    }

    private static JsonNode json(RawEnvelope envelope) {
        try {
            JsonNode n = MAPPER.readTree(envelope.body());
            if (n == null || !n.isObject()) {
                throw new UnparseableEventException("body is not a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw new UnparseableEventException("body is not JSON: " + e.getMessage());
        }
    }

    private static JsonNode required(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            throw new UnparseableEventException("missing field '" + field + "'");
        }
        return n;
    }

    private static String requiredText(JsonNode parent, String field) {
        JsonNode n = required(parent, field);
        if (!n.isValueNode() || n.asText().isEmpty()) {
            throw new UnparseableEventException("field '" + field + "' is empty or not a value");
        }
        return n.asText();
    }

    private static Instant time(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            throw new UnparseableEventException("missing time '" + field + "'");
        }
        try {
            return OffsetDateTime.parse(node.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnparseableEventException(
                    "time '" + field + "' is not ISO-8601: " + node.asText());
        }
    }
}
