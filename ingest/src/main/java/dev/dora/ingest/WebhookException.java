package dev.dora.ingest;

import java.util.List;
import java.util.Map;

/**
 * A webhook request that must be refused; the message names the problem for the sender. The single
 * mapper in {@link WebhookRoutes} turns it into {@code {"error": message}} (plus {@code "problems"}
 * when there are several) with the given status and response headers.
 */
public final class WebhookException extends RuntimeException {
    private final int status;
    private final List<String> problems;
    private final Map<String, String> headers;

    public WebhookException(int status, String message) {
        this(status, message, List.of(), Map.of());
    }

    public WebhookException(
            int status, String message, List<String> problems, Map<String, String> headers) {
        super(message);
        this.status = status;
        this.problems = List.copyOf(problems);
        this.headers = Map.copyOf(headers);
    }

    /** A 400 that lists every problem found, e.g. each invalid field of a generic event. */
    public static WebhookException invalid(String message, List<String> problems) {
        return new WebhookException(400, message, problems, Map.of());
    }

    public int status() {
        return status;
    }

    /** Every problem found, one per invalid field; empty when the message says it all. */
    public List<String> problems() {
        return problems;
    }

    /** Response headers the answer must carry, e.g. {@code Allow} on a 405. */
    public Map<String, String> headers() {
        return headers;
    }
}
