package dev.dora.ingest.sources;

import dev.dora.ingest.auth.Authenticator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What ingest knows about one webhook source: how it authenticates, where its event type and its
 * delivery id (the dedupe key) are, which headers go into the envelope, and any check of the body
 * beyond "is JSON". The catalog is {@link WebhookSources}.
 */
public final class WebhookSource {
    /** Credentials and signatures: never kept, whatever a source's list says. */
    private static final List<String> NEVER_KEPT =
            List.of(
                    "authorization",
                    "x-hub-signature",
                    "x-gitlab-token",
                    "circleci-signature",
                    "x-pagerduty-signature",
                    "x-dora-signature");

    private final String name;
    private final Authenticator authenticator;
    private final Function<InboundWebhook, String> eventType;
    private final Function<InboundWebhook, String> deliveryKey;
    private final Set<String> keptHeaders;
    private final String keptPrefix;
    private final Consumer<InboundWebhook> validator;

    /**
     * @param eventType the envelope's event type; throws a 400 when it cannot be found
     * @param deliveryKey the sender's dedupe key, or null when it sent none
     * @param keptHeaders headers copied into the envelope (any case)
     * @param keptPrefix every header with this prefix is kept too (e.g. {@code ce-}), or null
     * @param validator checks the parsed body; throws a 400 listing the problems
     */
    WebhookSource(
            String name,
            Authenticator authenticator,
            Function<InboundWebhook, String> eventType,
            Function<InboundWebhook, String> deliveryKey,
            List<String> keptHeaders,
            String keptPrefix,
            Consumer<InboundWebhook> validator) {
        this.name = name;
        this.authenticator = authenticator;
        this.eventType = eventType;
        this.deliveryKey = deliveryKey;
        this.keptHeaders =
                keptHeaders.stream()
                        .map(h -> h.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet());
        this.keptPrefix = keptPrefix;
        this.validator = validator;
    }

    public String name() {
        return name;
    }

    public Authenticator authenticator() {
        return authenticator;
    }

    /** JSON is required: {@code application/json} or any {@code +json} type. */
    public boolean acceptsMediaType(String mediaType) {
        return mediaType != null
                && (mediaType.equals("application/json")
                        || (mediaType.startsWith("application/") && mediaType.endsWith("+json")));
    }

    /** The envelope's event type; a {@link dev.dora.ingest.WebhookException} when it is missing. */
    public String eventType(InboundWebhook w) {
        return eventType.apply(w);
    }

    /** Checks the body beyond its syntax (the generic API's fields); a 400 when it is invalid. */
    public void validate(InboundWebhook w) {
        validator.accept(w);
    }

    /** The sender's delivery id, or the body's SHA-256 when it sent none. */
    public String deliveryId(InboundWebhook w) {
        String key = deliveryKey.apply(w);
        return key == null || key.isBlank() ? w.bodySha256() : key;
    }

    /** The headers kept in the envelope, names lower-cased; credentials never among them. */
    public Map<String, String> keptHeaders(InboundWebhook w) {
        Map<String, String> kept = new LinkedHashMap<>();
        w.headers()
                .forEach(
                        (header, value) -> {
                            boolean wanted =
                                    keptHeaders.contains(header)
                                            || (keptPrefix != null
                                                    && header.startsWith(keptPrefix));
                            if (wanted && NEVER_KEPT.stream().noneMatch(header::startsWith)) {
                                kept.put(header, value);
                            }
                        });
        return kept;
    }

    @Override
    public String toString() {
        return "WebhookSource[" + name + "]";
    }
}
