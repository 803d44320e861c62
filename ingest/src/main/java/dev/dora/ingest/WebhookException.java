package dev.dora.ingest;

/** A webhook request that must be refused; the message names the problem for the sender. */
public final class WebhookException extends RuntimeException {
    private final int status;

    public WebhookException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
