package dev.dora.events;

import dev.dora.events.survey.SurveyResponseEvent;

/**
 * What a parser makes of one raw envelope: exactly one of the payload fields is set. One flat
 * record (rather than a type hierarchy) keeps the stream between Flink operators on a single,
 * cheaply serialised type.
 *
 * @param eventId id of the raw envelope it came from
 * @param service the service the event belongs to
 * @param push set for commits reaching a branch
 * @param deployment set for a deployment status
 * @param pullRequest set for a pull or merge request changing state
 * @param incident set for an incident changing state
 * @param surveyResponse set for a submitted survey response (which belongs to no service)
 * @param serviceCreated set for a service (or repository) created
 * @param platformRequest set for a platform request changing state (its service may be null)
 */
public record CanonicalEvent(
        String eventId,
        String service,
        PushEvent push,
        DeploymentStatusEvent deployment,
        PullRequestEvent pullRequest,
        IncidentEvent incident,
        SurveyResponseEvent surveyResponse,
        ServiceCreatedEvent serviceCreated,
        PlatformRequestEvent platformRequest) {

    public static CanonicalEvent of(String eventId, String service, PushEvent push) {
        return new CanonicalEvent(eventId, service, push, null, null, null, null, null, null);
    }

    public static CanonicalEvent of(
            String eventId, String service, DeploymentStatusEvent deployment) {
        return new CanonicalEvent(eventId, service, null, deployment, null, null, null, null, null);
    }

    public static CanonicalEvent of(String eventId, String service, PullRequestEvent pullRequest) {
        return new CanonicalEvent(
                eventId, service, null, null, pullRequest, null, null, null, null);
    }

    public static CanonicalEvent of(String eventId, String service, IncidentEvent incident) {
        return new CanonicalEvent(eventId, service, null, null, null, incident, null, null, null);
    }

    public static CanonicalEvent of(String eventId, SurveyResponseEvent response) {
        return new CanonicalEvent(eventId, null, null, null, null, null, response, null, null);
    }

    /** A service created; the event's service is the created one. */
    public static CanonicalEvent of(String eventId, ServiceCreatedEvent created) {
        return new CanonicalEvent(
                eventId, created.service(), null, null, null, null, null, created, null);
    }

    /** A platform request; the event's service is the request's, which may be null. */
    public static CanonicalEvent of(String eventId, PlatformRequestEvent request) {
        return new CanonicalEvent(
                eventId, request.service(), null, null, null, null, null, null, request);
    }
}
