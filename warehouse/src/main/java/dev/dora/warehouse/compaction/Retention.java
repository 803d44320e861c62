package dev.dora.warehouse.compaction;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The raw archive's retention: deletes {@code events_raw} date partitions older than the cut-off
 * day. Only committed files go; a folder is removed once nothing else is left in it. What is
 * deleted here can no longer be rebuilt by {@code dora backfill}.
 */
final class Retention {
    private Retention() {}

    /** Deletes every partition whose whole day lies before {@code cutoff}; returns how many. */
    static int apply(Path rawDir, Instant cutoff) throws IOException {
        LocalDate keepFrom = cutoff.atOffset(ZoneOffset.UTC).toLocalDate();
        int expired = 0;
        for (Partition p : Partition.of(rawDir, Instant.MAX)) {
            if (!p.date().isBefore(keepFrom)) {
                continue;
            }
            for (Path f : p.files()) {
                Files.deleteIfExists(f);
            }
            try {
                Files.deleteIfExists(p.dir());
            } catch (DirectoryNotEmptyException e) {
                // An in-progress or foreign file is left alone, and so is its folder.
            }
            expired++;
        }
        return expired;
    }
}
