package dev.dora.events;

import java.time.Instant;

/**
 * An incident changing state (PagerDuty, Opsgenie, CDEvents, a GitHub or GitLab issue labelled as
 * incident, or the generic API).
 *
 * @param source webhook source
 * @param incidentId the source's id of the incident
 * @param serviceRef the source's name or id of the affected service (resolved to a service through
 *     the catalog; for Git issues, the repository full name), or null
 * @param title short description, or null
 * @param status {@code open}, {@code acknowledged} or {@code resolved}
 * @param severity the source's severity or priority as text, or null
 * @param openedAt when the incident was opened
 * @param resolvedAt when it was resolved, or null while open
 * @param causedByDeploymentId deployment named as its cause, or null
 * @param causedBySha commit named as its cause, or null
 * @param occurredAt when this state change happened (orders the versions of one incident)
 */
public record IncidentEvent(
        String source,
        String incidentId,
        String serviceRef,
        String title,
        String status,
        String severity,
        Instant openedAt,
        Instant resolvedAt,
        String causedByDeploymentId,
        String causedBySha,
        Instant occurredAt) {

    public static final String OPEN = "open";
    public static final String ACKNOWLEDGED = "acknowledged";
    public static final String RESOLVED = "resolved";
}
