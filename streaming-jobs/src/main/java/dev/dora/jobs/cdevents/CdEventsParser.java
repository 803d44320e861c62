package dev.dora.jobs.cdevents;

import static dev.dora.jobs.JsonFields.optional;
import static dev.dora.jobs.JsonFields.optionalText;
import static dev.dora.jobs.JsonFields.requiredObject;
import static dev.dora.jobs.JsonFields.requiredText;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dora.events.CanonicalEvent;
import dev.dora.events.Commit;
import dev.dora.events.DeploymentStatusEvent;
import dev.dora.events.IncidentEvent;
import dev.dora.events.PullRequestEvent;
import dev.dora.events.PushEvent;
import dev.dora.events.RawEnvelope;
import dev.dora.jobs.ParserSettings;
import dev.dora.jobs.UnparseableEventException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CDEvents (spec 0.4 and 0.5, structured or binary CloudEvents) to canonical events: a pure
 * function of the envelope. Types are matched on {@code subject.predicate}, whatever their version.
 * Merged changes, service deployments, incidents and finished deploy pipelines are used; every
 * other type is archived and yields nothing. {@code MAPPING.md} beside this class gives the field
 * mapping and the reasons behind it.
 */
public final class CdEventsParser {
    static final String TYPE_PREFIX = "dev.cdevents.";

    /**
     * The branch of a merged change that does not name one: git's name for a repository's default
     * branch, since a change merged without saying where is taken to be on the default branch.
     */
    static final String DEFAULT_BRANCH = "HEAD";

    static final Set<String> USED =
            Set.of(
                    "change.merged",
                    "service.deployed",
                    "service.upgraded",
                    "service.rolledback",
                    "incident.detected",
                    "incident.reported",
                    "incident.resolved",
                    "pipelinerun.finished");

    /** {@code linkKind}s (letters only, any case) of a link to the deployment that caused it. */
    private static final Set<String> CAUSE_LINKS = Set.of("CAUSE", "CAUSEDBY", "ROOTCAUSE");

    /** {@code linkKind}s of a link from a rollback to the deployment it rolls back. */
    private static final Set<String> ROLLBACK_LINKS = Set.of("ROLLBACK", "ROLLBACKOF", "ROLLSBACK");

    private CdEventsParser() {}

    public static List<CanonicalEvent> parse(RawEnvelope envelope) {
        return parse(envelope, ParserSettings.defaults());
    }

    public static List<CanonicalEvent> parse(RawEnvelope envelope, ParserSettings settings) {
        String announced = kind(envelope.eventType());
        if (announced != null && !USED.contains(announced)) {
            return List.of(); // archived only: no need to read the body
        }
        JsonNode event = CloudEvents.cdEvent(envelope);
        JsonNode context = requiredObject(event, "context", "");
        String type = requiredText(context, "type", "context");
        String kind = kind(type);
        if (kind == null) {
            throw new UnparseableEventException(
                    "field 'context.type' is not a CDEvents type: '" + type + "'");
        }
        if (announced != null && !announced.equals(kind)) {
            throw new UnparseableEventException(
                    "field 'context.type' ('"
                            + type
                            + "') does not match the CloudEvents type '"
                            + envelope.eventType()
                            + "'");
        }
        if (!USED.contains(kind)) {
            return List.of();
        }
        CdEvent e = CdEvent.of(envelope.eventId(), envelope.source(), event, context);
        return switch (kind) {
            case "change.merged" -> changeMerged(e);
            case "service.deployed", "service.upgraded" -> List.of(serviceDeployment(e, false));
            case "service.rolledback" -> List.of(serviceDeployment(e, true));
            case "incident.detected", "incident.reported" -> List.of(incident(e, false));
            case "incident.resolved" -> List.of(incident(e, true));
            case "pipelinerun.finished" -> pipelineRunFinished(e, settings);
            default -> List.of();
        };
    }

    /**
     * {@code dev.cdevents.service.deployed.0.2.0} to {@code service.deployed}.
     *
     * @return null when the type is not a CDEvents type
     */
    static String kind(String type) {
        if (type == null || !type.startsWith(TYPE_PREFIX)) {
            return null;
        }
        String[] parts = type.substring(TYPE_PREFIX.length()).split("\\.");
        if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return null;
        }
        return (parts[0] + "." + parts[1]).toLowerCase(Locale.ROOT);
    }

    private static List<CanonicalEvent> changeMerged(CdEvent e) {
        String number = requiredText(e.subject(), "id", "subject");
        JsonNode content = requiredObject(e.subject(), "content", "subject");
        String repo = repository(requiredObject(content, "repository", "subject.content"));
        String sha = optionalText(e.customData(), "sha", "customData");
        String branch = optionalText(e.customData(), "branch", "customData");
        PullRequestEvent pr =
                new PullRequestEvent(
                        e.source(),
                        repo,
                        number,
                        "merged",
                        true,
                        null,
                        branch,
                        null,
                        sha,
                        null,
                        e.at(),
                        e.at());
        List<CanonicalEvent> events = new ArrayList<>(2);
        events.add(CanonicalEvent.of(e.eventId(), repo, pr));
        if (sha != null) {
            String target = branch == null ? DEFAULT_BRANCH : branch;
            PushEvent push =
                    new PushEvent(
                            e.source(),
                            repo,
                            target,
                            target,
                            null,
                            sha,
                            e.at(),
                            List.of(new Commit(sha, e.at())));
            events.add(CanonicalEvent.of(e.eventId(), repo, push));
        }
        return events;
    }

    /** The repository's full name: {@code owner/name}, else its id, name or URL path. */
    private static String repository(JsonNode repository) {
        String path = "subject.content.repository";
        String owner = optionalText(repository, "owner", path);
        String name = optionalText(repository, "name", path);
        if (owner != null && name != null) {
            return owner + "/" + name;
        }
        String id = optionalText(repository, "id", path);
        if (id != null) {
            return id;
        }
        if (name != null) {
            return name;
        }
        String url = optionalText(repository, "url", path);
        if (url != null) {
            try {
                String urlPath = new URI(url).getPath();
                if (urlPath != null && urlPath.length() > 1) {
                    return urlPath.substring(1).replaceFirst("\\.git$", "");
                }
            } catch (URISyntaxException ex) {
                throw new UnparseableEventException("field '" + path + ".url' is not a URL");
            }
        }
        throw new UnparseableEventException("missing field '" + path + ".id'");
    }

    private static CanonicalEvent serviceDeployment(CdEvent e, boolean rollback) {
        String service = requiredText(e.subject(), "id", "subject");
        JsonNode content = requiredObject(e.subject(), "content", "subject");
        JsonNode environment = requiredObject(content, "environment", "subject.content");
        String artifactId = optionalText(content, "artifactId", "subject.content");
        DeploymentStatusEvent deployment =
                new DeploymentStatusEvent(
                        e.source(),
                        e.id(),
                        null,
                        Purl.commitSha(artifactId),
                        artifactId,
                        requiredText(environment, "id", "subject.content.environment"),
                        "success",
                        e.at(),
                        e.at(),
                        service,
                        null,
                        rollback ? e.linkedContextId(ROLLBACK_LINKS) : null,
                        null);
        return CanonicalEvent.of(e.eventId(), service, deployment);
    }

    private static CanonicalEvent incident(CdEvent e, boolean resolved) {
        String incidentId = requiredText(e.subject(), "id", "subject");
        JsonNode content = optional(e.subject(), "content");
        String serviceRef =
                optionalText(optional(content, "service"), "id", "subject.content.service");
        String artifactId = optionalText(content, "artifactId", "subject.content");
        IncidentEvent incident =
                new IncidentEvent(
                        e.source(),
                        incidentId,
                        serviceRef,
                        optionalText(content, "description", "subject.content"),
                        resolved ? IncidentEvent.RESOLVED : IncidentEvent.OPEN,
                        optionalText(e.customData(), "severity", "customData"),
                        resolved ? null : e.at(),
                        resolved ? e.at() : null,
                        e.linkedContextId(CAUSE_LINKS),
                        Purl.commitSha(artifactId),
                        e.at());
        // An incident that names no service still needs a key; the sender's source keeps it apart
        // from every real service, so it stays unattributed (it counts for time to restore only).
        String service =
                serviceRef != null ? serviceRef : requiredText(e.context(), "source", "context");
        return CanonicalEvent.of(e.eventId(), service, incident);
    }

    private static List<CanonicalEvent> pipelineRunFinished(CdEvent e, ParserSettings settings) {
        JsonNode content = optional(e.subject(), "content");
        String pipeline = optionalText(content, "pipelineName", "subject.content");
        if (!settings.isDeployWorkflow(pipeline)) {
            return List.of();
        }
        String outcome =
                requiredText(content, "outcome", "subject.content").toLowerCase(Locale.ROOT);
        if (!DeploymentStatusEvent.FINAL_STATUSES.contains(outcome)) {
            throw new UnparseableEventException(
                    "field 'subject.content.outcome' is not success, failure or error: '"
                            + outcome
                            + "'");
        }
        String service = optionalText(e.customData(), "service", "customData");
        if (service == null) {
            service = pipeline;
        }
        String environment = environment(e.customData(), "customData");
        if (environment == null) {
            environment = environment(content, "subject.content");
        }
        DeploymentStatusEvent deployment =
                new DeploymentStatusEvent(
                        e.source(),
                        requiredText(e.subject(), "id", "subject"),
                        null,
                        optionalText(e.customData(), "sha", "customData"),
                        null,
                        environment == null ? "production" : environment,
                        outcome,
                        e.at(),
                        e.at(),
                        service,
                        pipeline,
                        null,
                        null);
        return List.of(CanonicalEvent.of(e.eventId(), service, deployment));
    }

    /** {@code environment} as a name, or as an environment reference with an id. */
    private static String environment(JsonNode parent, String parentPath) {
        JsonNode env = optional(parent, "environment");
        if (env != null && env.isObject()) {
            return optionalText(env, "id", parentPath + ".environment");
        }
        return optionalText(parent, "environment", parentPath);
    }
}
