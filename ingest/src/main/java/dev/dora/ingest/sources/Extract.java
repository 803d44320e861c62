package dev.dora.ingest.sources;

import dev.dora.ingest.WebhookException;
import java.util.function.Function;

/**
 * Small rules that read one value from a webhook (a header, a top-level body field), combined in
 * {@link WebhookSources} into each source's event-type and delivery-id rules. A rule answers null
 * when the value is not there.
 */
final class Extract {
    private Extract() {}

    /** The first of these headers that is present and not blank. */
    static Function<InboundWebhook, String> header(String... names) {
        return w -> {
            for (String name : names) {
                String v = w.header(name);
                if (v != null) {
                    return v;
                }
            }
            return null;
        };
    }

    /** The scalar at this path of the JSON body (the tree is built only when asked). */
    static Function<InboundWebhook, String> body(String... path) {
        return w -> w.bodyText(path);
    }

    /** The first rule that finds a value. */
    @SafeVarargs
    static Function<InboundWebhook, String> firstOf(Function<InboundWebhook, String>... rules) {
        return w -> {
            for (Function<InboundWebhook, String> rule : rules) {
                String v = rule.apply(w);
                if (v != null) {
                    return v;
                }
            }
            return null;
        };
    }

    static Function<InboundWebhook, String> orElse(
            Function<InboundWebhook, String> rule, String fallback) {
        return w -> {
            String v = rule.apply(w);
            return v != null ? v : fallback;
        };
    }

    static Function<InboundWebhook, String> literal(String value) {
        return w -> value;
    }

    /** The rule's value, or a 400 naming what is missing. */
    static Function<InboundWebhook, String> required(
            Function<InboundWebhook, String> rule, String missing) {
        return w -> {
            String v = rule.apply(w);
            if (v == null) {
                throw new WebhookException(400, missing);
            }
            return v;
        };
    }
}
