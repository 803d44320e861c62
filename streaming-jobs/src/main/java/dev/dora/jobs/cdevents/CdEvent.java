package dev.dora.jobs.cdevents;

import static dev.dora.jobs.JsonFields.optional;
import static dev.dora.jobs.JsonFields.requiredObject;
import static dev.dora.jobs.JsonFields.requiredText;
import static dev.dora.jobs.JsonFields.requiredTime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dora.jobs.UnparseableEventException;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * What every CDEvent carries, read once: spec 0.4 and 0.5 agree on {@code context.id}, {@code
 * context.timestamp} and {@code subject}; {@code customData} is kept only when it is a JSON object.
 *
 * @param eventId id of the raw envelope
 * @param source webhook source
 * @param context the CDEvent's context
 * @param subject the CDEvent's subject
 * @param customData the CDEvent's custom data, or null
 * @param id {@code context.id}
 * @param at {@code context.timestamp}, in UTC
 */
record CdEvent(
        String eventId,
        String source,
        JsonNode context,
        JsonNode subject,
        JsonNode customData,
        String id,
        Instant at) {

    static CdEvent of(String eventId, String source, JsonNode event, JsonNode context) {
        JsonNode customData = optional(event, "customData");
        return new CdEvent(
                eventId,
                source,
                context,
                requiredObject(event, "subject", ""),
                customData != null && customData.isObject() ? customData : null,
                requiredText(context, "id", "context"),
                requiredTime(context, "timestamp", "context"));
    }

    /**
     * The {@code target.contextId} of the first link in {@code context.links} whose {@code
     * linkKind}, letters only and in any case, is one of {@code kinds}: the id of the CDEvent it
     * points at, which for a deployment is its deployment id.
     *
     * @return null when no such link exists
     */
    String linkedContextId(Set<String> kinds) {
        JsonNode links = optional(context, "links");
        if (links == null) {
            return null;
        }
        if (!links.isArray()) {
            throw new UnparseableEventException("field 'context.links' is not an array");
        }
        for (JsonNode link : links) {
            String linkKind =
                    link.path("linkKind")
                            .asText("")
                            .replaceAll("[^A-Za-z]", "")
                            .toUpperCase(Locale.ROOT);
            String target = link.path("target").path("contextId").asText("");
            if (kinds.contains(linkKind) && !target.isEmpty()) {
                return target;
            }
        }
        return null;
    }
}
