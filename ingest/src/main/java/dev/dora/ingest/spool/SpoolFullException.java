package dev.dora.ingest.spool;

import java.io.IOException;

/** The spool holds its configured maximum of bytes: the webhook must be refused (503). */
public final class SpoolFullException extends IOException {
    public SpoolFullException(String message) {
        super(message);
    }
}
