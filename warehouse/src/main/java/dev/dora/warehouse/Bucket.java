package dev.dora.warehouse;

import java.util.Locale;

/** Trend bucket sizes; weeks start on Monday (ISO). */
public enum Bucket {
    DAY("1 day"),
    WEEK("1 week"),
    MONTH("1 month");

    private final String interval;

    Bucket(String interval) {
        this.interval = interval;
    }

    String part() {
        return name().toLowerCase(Locale.ROOT);
    }

    String interval() {
        return interval;
    }

    /** Parses {@code day}, {@code week} or {@code month}. */
    public static Bucket parse(String value) {
        for (Bucket b : values()) {
            if (b.part().equalsIgnoreCase(value)) {
                return b;
            }
        }
        throw new IllegalArgumentException(
                "bucket must be day, week or month, got '" + value + "'");
    }
}
