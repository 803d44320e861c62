package dev.dora.events;

import java.time.Instant;

/**
 * A service coming into being: a generic {@code service_created} event or a GitHub repository
 * created. Time to first deployment and golden-path coverage start from it.
 *
 * @param source webhook source
 * @param service the service (for GitHub, the repository full name)
 * @param createdAt when it was created (UTC)
 * @param template the golden-path template it was created from, or null for a hand-made service
 */
public record ServiceCreatedEvent(
        String source, String service, Instant createdAt, String template) {}
