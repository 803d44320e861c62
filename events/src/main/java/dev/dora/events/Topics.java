package dev.dora.events;

/** Kafka topic names shared by ingest and the streaming jobs. */
public final class Topics {
    /** Raw webhook envelopes, as received. */
    public static final String RAW = "dora.raw";

    private Topics() {}
}
