package dev.dora.warehouse.compaction;

/**
 * What one compaction run did, for its log line and for tests.
 *
 * @param filesBefore committed Parquet files in the warehouse before the run
 * @param filesAfter committed Parquet files after it
 * @param partitionsRewritten date partitions whose small files became one
 * @param supersededRows row versions dropped because a newer version of their key exists
 * @param expiredPartitions {@code events_raw} partitions deleted by the retention
 * @param millis how long the run took
 */
public record CompactionResult(
        int filesBefore,
        int filesAfter,
        int partitionsRewritten,
        long supersededRows,
        int expiredPartitions,
        long millis) {

    /** One line: files before → after, what changed, and how long it took. */
    public String summary() {
        return String.format(
                "compaction: %d -> %d Parquet files (%d partitions rewritten, %d superseded"
                        + " versions dropped, %d raw partitions past retention deleted) in %d ms",
                filesBefore,
                filesAfter,
                partitionsRewritten,
                supersededRows,
                expiredPartitions,
                millis);
    }
}
