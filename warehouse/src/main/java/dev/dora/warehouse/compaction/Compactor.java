package dev.dora.warehouse.compaction;

import dev.dora.events.tables.TableSchema;
import dev.dora.events.tables.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites the small files of each table's date partitions into one file per partition, and drops
 * row versions of versioned tables that a newer version of the same key (anywhere in the table)
 * supersedes, by exactly the order of the {@code _latest} views: version, then event id, highest
 * wins; rows that tie with the newest are all kept. Every query reads versioned tables only through
 * {@code _latest}, so no answer changes. Safety rules: README.md beside this class.
 *
 * <p>Runs on the caller's DuckDB connection (the warehouse's, under its lock, so no query sees a
 * partition half swapped) and is not thread-safe.
 */
public final class Compactor {
    private final Connection duck;
    private final Path root;
    private final CompactionSettings settings;

    public Compactor(Connection duck, Path root, CompactionSettings settings) {
        this.duck = duck;
        this.root = root;
        this.settings = settings;
    }

    /** Finishes or undoes swaps a crash interrupted (run before the first query of a process). */
    public static void recover(Path root) {
        try {
            for (TableSchema t : Tables.ALL) {
                for (Partition p : Partition.of(root.resolve(t.name()), Instant.MAX)) {
                    FileSwap.finishInterrupted(p.dir());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish an interrupted compaction", e);
        }
    }

    /** One run over every table: retention first, then the rewrites. */
    public CompactionResult run(Instant now) {
        long start = System.nanoTime();
        try {
            recover(root);
            int before = fileCount();
            int expired =
                    settings.rawRetention() == null
                            ? 0
                            : Retention.apply(
                                    root.resolve(Tables.EVENTS_RAW.name()),
                                    now.minus(settings.rawRetention()));
            int rewritten = 0;
            long superseded = 0;
            Instant notAfter = now.minus(settings.minAge());
            for (TableSchema t : Tables.ALL) {
                TableRewrite rewrite =
                        new TableRewrite(t, Partition.of(root.resolve(t.name()), notAfter));
                rewritten += rewrite.run();
                superseded += rewrite.superseded;
            }
            int after = fileCount();
            long ms = (System.nanoTime() - start) / 1_000_000;
            return new CompactionResult(before, after, rewritten, superseded, expired, ms);
        } catch (IOException e) {
            throw new UncheckedIOException("compaction failed: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("compaction failed: " + e.getMessage(), e);
        }
    }

    private int fileCount() {
        int n = 0;
        for (TableSchema t : Tables.ALL) {
            for (Partition p : Partition.of(root.resolve(t.name()), Instant.MAX)) {
                n += p.files().size();
            }
        }
        return n;
    }

    /** One table: which partitions to rewrite, and the rewrite of each. */
    private final class TableRewrite {
        private final TableSchema table;
        private final List<Partition> partitions;
        private final String identity; // key columns, version and event id
        long superseded;

        TableRewrite(TableSchema table, List<Partition> partitions) {
            this.table = table;
            this.partitions = partitions;
            this.identity =
                    table.versioned()
                            ? String.join(", ", table.keyColumns())
                                    + ", "
                                    + table.versionColumn()
                                    + ", event_id"
                            : null;
        }

        int run() throws SQLException, IOException {
            List<Path> all = partitions.stream().flatMap(p -> p.files().stream()).toList();
            List<Path> eligible = partitions.stream().flatMap(p -> p.eligible().stream()).toList();
            if (eligible.isEmpty()) {
                return 0;
            }
            Map<String, Long> stale = new HashMap<>();
            try (Statement s = duck.createStatement()) {
                if (table.versioned()) {
                    s.execute(
                            "CREATE OR REPLACE TEMP TABLE compaction_newest AS SELECT "
                                    + identity
                                    + " FROM "
                                    + ParquetSql.read(all, false)
                                    + " QUALIFY rank() OVER (PARTITION BY "
                                    + String.join(", ", table.keyColumns())
                                    + " ORDER BY "
                                    + table.versionColumn()
                                    + " DESC, event_id DESC) = 1");
                    try (ResultSet r =
                            s.executeQuery(
                                    "SELECT filename, count(*) FROM "
                                            + ParquetSql.read(eligible, true)
                                            + " ANTI JOIN compaction_newest USING ("
                                            + identity
                                            + ") GROUP BY filename")) {
                        while (r.next()) {
                            stale.put(r.getString(1), r.getLong(2));
                        }
                    }
                }
                int rewritten = 0;
                for (Partition p : partitions) {
                    boolean hasStale =
                            p.eligible().stream()
                                    .anyMatch(f -> stale.containsKey(ParquetSql.path(f)));
                    if (p.eligible().size() > 1 || hasStale) {
                        rewrite(s, p);
                        p.eligible()
                                .forEach(
                                        f ->
                                                superseded +=
                                                        stale.getOrDefault(ParquetSql.path(f), 0L));
                        rewritten++;
                    }
                }
                if (table.versioned()) {
                    s.execute("DROP TABLE IF EXISTS compaction_newest");
                }
                return rewritten;
            }
        }

        private void rewrite(Statement s, Partition p) throws SQLException, IOException {
            FileSwap swap = new FileSwap(p.dir(), p.eligible());
            try {
                s.execute(
                        "COPY (SELECT "
                                + ParquetSql.columns(s, table, p.eligible())
                                + " FROM "
                                + ParquetSql.read(p.eligible(), false)
                                + (table.versioned()
                                        ? " SEMI JOIN compaction_newest USING (" + identity + ")"
                                        : "")
                                + ") TO "
                                + ParquetSql.literal(swap.temporary)
                                + " (FORMAT parquet)");
                swap.commit(ParquetSql.rows(s, swap.temporary) > 0);
            } catch (SQLException | IOException | RuntimeException e) {
                swap.abort();
                throw e;
            }
        }
    }
}
