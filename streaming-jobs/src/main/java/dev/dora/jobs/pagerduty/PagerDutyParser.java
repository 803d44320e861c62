package dev.dora.jobs.pagerduty;

import static dev.dora.jobs.JsonPaths.requiredText;
import static dev.dora.jobs.JsonPaths.requiredTime;
import static dev.dora.jobs.JsonPaths.text;
import static dev.dora.jobs.JsonPaths.time;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dora.events.CanonicalEvent;
import dev.dora.events.IncidentEvent;
import dev.dora.events.RawEnvelope;
import dev.dora.jobs.JsonPaths;
import dev.dora.jobs.ParserSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * PagerDuty V3 webhooks to canonical events: a pure function of the envelope. The incident state
 * changes (triggered, acknowledged, unacknowledged, reopened, resolved) are incident events; every
 * other event type ({@code incident.priority_updated}, {@code incident.annotated}, {@code
 * service.updated}, {@code pagey.ping}, ...) is archived and yields nothing. The mapping is in
 * {@code README.md} beside this class.
 */
public final class PagerDutyParser {
    private static final Map<String, String> STATUSES =
            Map.of(
                    "incident.triggered", IncidentEvent.OPEN,
                    "incident.reopened", IncidentEvent.OPEN,
                    "incident.unacknowledged", IncidentEvent.OPEN,
                    "incident.acknowledged", IncidentEvent.ACKNOWLEDGED,
                    "incident.resolved", IncidentEvent.RESOLVED);

    private PagerDutyParser() {}

    public static List<CanonicalEvent> parse(RawEnvelope envelope) {
        return parse(envelope, ParserSettings.defaults());
    }

    public static List<CanonicalEvent> parse(RawEnvelope envelope, ParserSettings settings) {
        JsonNode root = JsonPaths.object(envelope);
        JsonPaths.required(root, "event");
        String eventType = requiredText(root, "event.event_type");
        String status = STATUSES.get(eventType);
        if (status == null) {
            return List.of();
        }
        Instant occurredAt = requiredTime(root, "event.occurred_at");
        // Incidents captured in 2021 carry no created_at; the trigger itself is the opening then.
        // For a later state change without created_at the opening is unknown here (null): the
        // incident's earlier versions carry it.
        Instant openedAt = time(root, "event.data.created_at");
        if (openedAt == null && eventType.equals("incident.triggered")) {
            openedAt = occurredAt;
        }
        // The service id, not its display name: it is what the catalog maps to a service
        // (Backstage annotation pagerduty.com/service-id), and it survives a rename.
        String serviceRef = requiredText(root, "event.data.service.id");
        String severity = text(root, "event.data.priority.summary");
        if (severity == null) {
            severity = text(root, "event.data.urgency");
        }
        IncidentEvent incident =
                new IncidentEvent(
                        envelope.source(),
                        requiredText(root, "event.data.id"),
                        serviceRef,
                        text(root, "event.data.title"),
                        status,
                        severity,
                        openedAt,
                        status.equals(IncidentEvent.RESOLVED) ? occurredAt : null,
                        null,
                        null,
                        occurredAt);
        return List.of(CanonicalEvent.of(envelope.eventId(), serviceRef, incident));
    }
}
