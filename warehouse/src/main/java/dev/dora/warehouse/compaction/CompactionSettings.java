package dev.dora.warehouse.compaction;

import java.time.Duration;
import java.util.Objects;

/**
 * What a compaction run may touch.
 *
 * @param minAge only committed files at least this old (by modification time) are rewritten, so a
 *     file a checkpoint has just committed is left to the sink (see README.md beside this class)
 * @param rawRetention {@code events_raw} date partitions older than this are deleted; {@code null}
 *     keeps the archive forever
 */
public record CompactionSettings(Duration minAge, Duration rawRetention) {
    /** Many times the 2 s checkpoint interval: long past any commit or re-commit of a file. */
    public static final Duration DEFAULT_MIN_AGE = Duration.ofMinutes(10);

    public static final CompactionSettings DEFAULT = new CompactionSettings(DEFAULT_MIN_AGE, null);

    public CompactionSettings {
        Objects.requireNonNull(minAge, "minimum age");
        if (minAge.isNegative()) {
            throw new IllegalArgumentException("compaction minimum age must not be negative");
        }
        if (rawRetention != null && (rawRetention.isNegative() || rawRetention.isZero())) {
            throw new IllegalArgumentException("raw retention must be positive (or none)");
        }
    }
}
