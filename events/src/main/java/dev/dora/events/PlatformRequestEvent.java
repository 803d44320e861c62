package dev.dora.events;

import java.time.Instant;

/**
 * A request to the platform team changing state (generic {@code platform_request}): asked for, then
 * fulfilled. The self-service ratio and the fulfilment times are read from these.
 *
 * @param source webhook source
 * @param requestId the sender's id of the request
 * @param service the service it is for, or null (a request may be for no service yet)
 * @param team the team that asked, or null
 * @param channel {@value #SELF_SERVICE} or {@value #TICKET}
 * @param requestedAt when it was asked for (UTC)
 * @param fulfilledAt when it was fulfilled, or null while open
 * @param kind what was asked for as the sender names it (e.g. {@code database}), or null
 */
public record PlatformRequestEvent(
        String source,
        String requestId,
        String service,
        String team,
        String channel,
        Instant requestedAt,
        Instant fulfilledAt,
        String kind) {

    public static final String SELF_SERVICE = "self_service";
    public static final String TICKET = "ticket";
}
