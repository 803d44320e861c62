package dev.dora.ingest.sources;

import dev.dora.ingest.WebhookException;

/**
 * CDEvents arrive as CloudEvents over HTTP, in one of two modes: structured ({@code Content-Type:
 * application/cloudevents+json}, the attributes {@code type}, {@code source}, {@code id} at the top
 * of the body and the CDEvent in {@code data}) or binary (attributes in {@code ce-*} headers, the
 * body is the CDEvent). The mode is told by the content type, as the CloudEvents HTTP binding says.
 */
final class CloudEvents {
    static final String STRUCTURED = "application/cloudevents+json";

    private CloudEvents() {}

    static boolean structured(InboundWebhook w) {
        return STRUCTURED.equals(w.mediaType());
    }

    /** The CloudEvent's {@code type}, e.g. {@code dev.cdevents.service.deployed.0.3.0}. */
    static String type(InboundWebhook w) {
        if (structured(w)) {
            String type = w.bodyText("type");
            if (type == null) {
                throw new WebhookException(
                        400,
                        "missing top-level \"type\" in a structured-mode CloudEvent ("
                                + STRUCTURED
                                + ")");
            }
            return type;
        }
        String type = w.header("ce-type");
        if (type == null) {
            throw new WebhookException(
                    400,
                    "missing ce-type header (binary-mode CloudEvent); or send the event in"
                            + " structured mode as "
                            + STRUCTURED);
        }
        return type;
    }

    /**
     * {@code <source>#<id>}: CloudEvents makes {@code source} + {@code id} unique per event, so a
     * resent event has the same key. Null when either is missing.
     */
    static String deliveryKey(InboundWebhook w) {
        String source = structured(w) ? w.bodyText("source") : w.header("ce-source");
        String id = structured(w) ? w.bodyText("id") : w.header("ce-id");
        return source == null || id == null ? null : source + "#" + id;
    }
}
