package dev.dora.jobs.github;

import static dev.dora.jobs.github.GitHubJson.required;
import static dev.dora.jobs.github.GitHubJson.text;
import static dev.dora.jobs.github.GitHubJson.time;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dora.events.CanonicalEvent;
import dev.dora.events.RawEnvelope;
import dev.dora.events.ServiceCreatedEvent;
import java.time.Instant;
import java.util.List;

/**
 * A GitHub {@code repository} event with action {@code created} to a {@link ServiceCreatedEvent}:
 * the service is the repository's full name, created at {@code repository.created_at} in UTC. The
 * template is {@code repository.template_repository.full_name} when GitHub includes it (a
 * repository generated from a template repository), else null. Other actions (renamed, archived,
 * deleted, ...) yield nothing.
 */
final class GitHubRepository {
    private GitHubRepository() {}

    static List<CanonicalEvent> parse(RawEnvelope envelope) {
        JsonNode root = GitHubJson.object(envelope);
        if (!"created".equals(text(root, "action"))) {
            return List.of();
        }
        JsonNode repository = required(root, "repository");
        JsonNode template = repository.path("template_repository");
        ServiceCreatedEvent created =
                new ServiceCreatedEvent(
                        envelope.source(),
                        GitHubJson.repo(root),
                        createdAt(repository),
                        template.isObject() ? text(template, "full_name") : null);
        return List.of(CanonicalEvent.of(envelope.eventId(), created));
    }

    /** ISO text with offset in repository events; epoch seconds in push payloads, so both. */
    private static Instant createdAt(JsonNode repository) {
        JsonNode n = repository.get("created_at");
        if (n != null && n.isIntegralNumber()) {
            return Instant.ofEpochSecond(n.asLong());
        }
        return time(n, "repository.created_at");
    }
}
