package dev.dora.jobs.generic;

import static dev.dora.jobs.JsonFields.optional;
import static dev.dora.jobs.JsonFields.optionalStrings;
import static dev.dora.jobs.JsonFields.optionalText;
import static dev.dora.jobs.JsonFields.optionalTime;
import static dev.dora.jobs.JsonFields.requiredText;
import static dev.dora.jobs.JsonFields.requiredTime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dora.events.CanonicalEvent;
import dev.dora.events.Commit;
import dev.dora.events.DeploymentStatusEvent;
import dev.dora.events.IncidentEvent;
import dev.dora.events.PlatformRequestEvent;
import dev.dora.events.PushEvent;
import dev.dora.events.RawEnvelope;
import dev.dora.events.ServiceCreatedEvent;
import dev.dora.jobs.JsonFields;
import dev.dora.jobs.ParserSettings;
import dev.dora.jobs.UnparseableEventException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The generic API ({@code POST /webhooks/generic}, DESIGN.md "The generic API") to canonical
 * events: a pure function of the envelope. The body is one item or an array of items. An item that
 * cannot be used rejects the whole envelope with a reason naming it, e.g. {@code missing field
 * '[1].id'}, so nothing is dropped silently. {@code MAPPING.md} beside this class gives the
 * mapping.
 */
public final class GenericParser {
    public static final String EVENT_TYPE = "generic";

    /** Deployment statuses the API accepts: those of {@link DeploymentStatusEvent}. */
    static final Set<String> STATUSES =
            Set.of("queued", "pending", "in_progress", "success", "failure", "error", "cancelled");

    /** Platform request channels the API accepts. */
    static final List<String> CHANNELS =
            List.of(PlatformRequestEvent.SELF_SERVICE, PlatformRequestEvent.TICKET);

    /** The branch of a change that names none: git's name for a repository's default branch. */
    static final String DEFAULT_BRANCH = "HEAD";

    private GenericParser() {}

    public static List<CanonicalEvent> parse(RawEnvelope envelope) {
        return parse(envelope, ParserSettings.defaults());
    }

    public static List<CanonicalEvent> parse(RawEnvelope envelope, ParserSettings settings) {
        if (!EVENT_TYPE.equals(envelope.eventType())) {
            return List.of();
        }
        JsonNode body = JsonFields.read(envelope.body());
        List<JsonNode> items = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(items::add);
        } else if (body.isObject()) {
            items.add(body);
        } else {
            throw new UnparseableEventException("body is not a JSON object or array");
        }
        List<CanonicalEvent> events = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String at = "[" + i + "]";
            if (!item.isObject()) {
                throw new UnparseableEventException("item " + at + " is not a JSON object");
            }
            String type = requiredText(item, "type", at);
            switch (type) {
                case "deployment" -> events.add(deployment(envelope, item, at));
                case "incident" -> events.add(incident(envelope, item, at));
                case "change" -> events.add(change(envelope, item, at));
                case "service_created" -> events.add(serviceCreated(envelope, item, at));
                case "platform_request" -> events.add(platformRequest(envelope, item, at));
                default ->
                        throw new UnparseableEventException(
                                "field '"
                                        + at
                                        + ".type' is not deployment, incident, change,"
                                        + " service_created or platform_request: '"
                                        + type
                                        + "'");
            }
        }
        return events;
    }

    private static CanonicalEvent deployment(RawEnvelope envelope, JsonNode item, String at) {
        String id = requiredText(item, "id", at);
        String service = optionalText(item, "service", at);
        String repo = optionalText(item, "repo", at);
        String key = serviceOf(service, repo, at);
        String sha = requiredText(item, "sha", at);
        String environment = requiredText(item, "environment", at);
        String status = requiredText(item, "status", at).toLowerCase(Locale.ROOT);
        if (!STATUSES.contains(status)) {
            throw new UnparseableEventException(
                    "field '" + at + ".status' is not one of " + STATUSES + ": '" + status + "'");
        }
        if (status.equals("cancelled")) {
            // Final and not a success: a failed attempt, as GitLab's and GitHub's cancelled runs.
            status = "error";
        }
        Instant startedAt = optionalTime(item, "started_at", at);
        Instant statusAt;
        if (DeploymentStatusEvent.FINAL_STATUSES.contains(status)) {
            statusAt = requiredTime(item, "finished_at", at);
        } else {
            statusAt = startedAt != null ? startedAt : envelope.receivedAt();
        }
        DeploymentStatusEvent deployment =
                new DeploymentStatusEvent(
                        envelope.source(),
                        id,
                        repo,
                        sha,
                        optionalText(item, "ref", at),
                        environment,
                        status,
                        startedAt != null ? startedAt : statusAt,
                        statusAt,
                        service,
                        optionalText(item, "pipeline", at),
                        optionalText(item, "rollback_of", at),
                        changes(item, at));
        return CanonicalEvent.of(envelope.eventId(), key, deployment);
    }

    /** The declared change set, oldest first as sent; null when the item has none. */
    private static List<Commit> changes(JsonNode item, String at) {
        JsonNode changes = optional(item, "changes");
        if (changes == null) {
            return null;
        }
        if (!changes.isArray()) {
            throw new UnparseableEventException("field '" + at + ".changes' is not an array");
        }
        List<Commit> commits = new ArrayList<>(changes.size());
        for (int j = 0; j < changes.size(); j++) {
            String change = at + ".changes[" + j + "]";
            JsonNode c = changes.get(j);
            if (!c.isObject()) {
                throw new UnparseableEventException("field '" + change + "' is not an object");
            }
            commits.add(
                    new Commit(
                            requiredText(c, "sha", change),
                            optionalTime(c, "committed_at", change)));
        }
        return commits;
    }

    private static CanonicalEvent incident(RawEnvelope envelope, JsonNode item, String at) {
        String id = requiredText(item, "id", at);
        String service = optionalText(item, "service", at);
        String key = serviceOf(service, optionalText(item, "repo", at), at);
        Instant openedAt = requiredTime(item, "opened_at", at);
        Instant resolvedAt = optionalTime(item, "resolved_at", at);
        if (resolvedAt != null && resolvedAt.isBefore(openedAt)) {
            // A negative time to restore would skew every median it enters.
            throw new UnparseableEventException(
                    "field '" + at + ".resolved_at' is before " + at + ".opened_at");
        }
        JsonNode causedBy = optional(item, "caused_by");
        if (causedBy != null && !causedBy.isObject()) {
            throw new UnparseableEventException("field '" + at + ".caused_by' is not an object");
        }
        String causedByPath = at + ".caused_by";
        IncidentEvent incident =
                new IncidentEvent(
                        envelope.source(),
                        id,
                        service,
                        optionalText(item, "title", at),
                        resolvedAt != null ? IncidentEvent.RESOLVED : IncidentEvent.OPEN,
                        optionalText(item, "severity", at),
                        openedAt,
                        resolvedAt,
                        optionalText(causedBy, "deployment_id", causedByPath),
                        optionalText(causedBy, "sha", causedByPath),
                        resolvedAt != null ? resolvedAt : openedAt);
        return CanonicalEvent.of(envelope.eventId(), key, incident);
    }

    private static CanonicalEvent change(RawEnvelope envelope, JsonNode item, String at) {
        String sha = requiredText(item, "sha", at);
        String repo = requiredText(item, "repo", at);
        String service = optionalText(item, "service", at);
        // A change is on the default branch unless the item names another default branch. One
        // that names no branch at all is recorded on HEAD, git's name for the default branch.
        String defaultBranch = optionalText(item, "default_branch", at);
        String branch = optionalText(item, "branch", at);
        if (branch == null) {
            branch = defaultBranch != null ? defaultBranch : DEFAULT_BRANCH;
        }
        Instant committedAt = optionalTime(item, "committed_at", at);
        PushEvent push =
                new PushEvent(
                        envelope.source(),
                        repo,
                        branch,
                        defaultBranch != null ? defaultBranch : branch,
                        null,
                        sha,
                        committedAt != null ? committedAt : envelope.receivedAt(),
                        List.of(
                                new Commit(
                                        sha,
                                        committedAt,
                                        optionalText(item, "pr", at),
                                        optionalStrings(item, "paths", at))));
        return CanonicalEvent.of(envelope.eventId(), serviceOf(service, repo, at), push);
    }

    private static CanonicalEvent serviceCreated(RawEnvelope envelope, JsonNode item, String at) {
        ServiceCreatedEvent created =
                new ServiceCreatedEvent(
                        envelope.source(),
                        requiredText(item, "service", at),
                        requiredTime(item, "created_at", at),
                        optionalText(item, "template", at));
        return CanonicalEvent.of(envelope.eventId(), created);
    }

    private static CanonicalEvent platformRequest(RawEnvelope envelope, JsonNode item, String at) {
        String id = requiredText(item, "id", at);
        String channel = requiredText(item, "channel", at);
        if (!CHANNELS.contains(channel)) {
            throw new UnparseableEventException(
                    "field '" + at + ".channel' is not one of " + CHANNELS + ": '" + channel + "'");
        }
        Instant requestedAt = requiredTime(item, "requested_at", at);
        Instant fulfilledAt = optionalTime(item, "fulfilled_at", at);
        if (fulfilledAt != null && fulfilledAt.isBefore(requestedAt)) {
            // A negative fulfilment time would skew the median it enters.
            throw new UnparseableEventException(
                    "field '" + at + ".fulfilled_at' is before " + at + ".requested_at");
        }
        PlatformRequestEvent request =
                new PlatformRequestEvent(
                        envelope.source(),
                        id,
                        optionalText(item, "service", at),
                        optionalText(item, "team", at),
                        channel,
                        requestedAt,
                        fulfilledAt,
                        optionalText(item, "kind", at));
        return CanonicalEvent.of(envelope.eventId(), request);
    }

    /** The service the item names, else its repository. */
    private static String serviceOf(String service, String repo, String at) {
        if (service != null) {
            return service;
        }
        if (repo != null) {
            return repo;
        }
        throw new UnparseableEventException(
                "missing field '" + at + ".service' (or '" + at + ".repo')");
    }
}
