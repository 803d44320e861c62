package dev.dora.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a synthetic organisation straight into a warehouse directory in the real table schemas,
 * with DuckDB generating the rows: {@code services} services over {@code days} days ending today,
 * each deploying 1, 3 or 5 times a day (2.5 on average) to staging and then production (three
 * statuses each, 5 % failed attempts), each production deployment preceded by a push of three
 * commits that came through a merged pull request (opened, then merged) whose branch had three
 * commits; 3 % of successful production deployments cause an incident (opened, then resolved),
 * repaired by the service's next deployment, half as a {@code hotfix/} ref and half declaring
 * {@code rollback_of}; every fact's envelope in {@code events_raw} (with a small body).
 *
 * <p>It bypasses the Flink job on purpose: pushing 10 M webhooks through the pipeline would take
 * hours on this machine, and the query layer sees only the Parquet files. Each table and day is
 * split into {@code files} files, as checkpoints would leave it (a real 2 s checkpoint interval can
 * leave thousands a day; this is the small-file problem at a fraction of that).
 */
final class WarehouseGenerator {
    private WarehouseGenerator() {}

    /** Generates the warehouse under {@code root} unless it is there already (a reused DIR). */
    static void unlessPresent(Path root, int services, int days, int files) throws Exception {
        if (!Files.isDirectory(root)) {
            long t0 = System.nanoTime();
            generate(root, services, days, files);
            System.out.printf("generated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        }
    }

    static void generate(Path root, int services, int days, int files) throws Exception {
        LocalDate start = LocalDate.now(java.time.ZoneOffset.UTC).minusDays(days - 1L);
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = duck.createStatement()) {
            s.execute("SET memory_limit = '4GB'");
            s.execute("SET preserve_insertion_order = false");
            s.execute(
                    ("CREATE TEMP TABLE slots AS WITH per AS (SELECT range AS s, CASE range %% 4"
                                    + " WHEN 0 THEN 5 WHEN 1 THEN 3 ELSE 1 END AS n FROM range(%d))"
                                    + " SELECT s, 'svc-' || lpad(s::VARCHAR, 4, '0') AS service,"
                                    + " d, k, d * 5 + k AS q, CASE WHEN k > 0 THEN d * 5 + k - 1"
                                    + " WHEN d > 0 THEN (d - 1) * 5 + n - 1 END AS prev_q,"
                                    + " TIMESTAMP '%s' + to_seconds(d * 86400 + 28800 + k * 7200"
                                    + " + (hash(s, d, k) %% 3600)::BIGINT) AS t,"
                                    + " (hash(s, d, k, 'f') %% 100)::INT AS roll"
                                    + " FROM per, range(%d) t1(d), range(5) t2(k) WHERE k < n")
                            .formatted(services, start, days));
            s.execute(
                    "CREATE MACRO sha(s, q, j) AS CASE WHEN q IS NULL THEN repeat('0', 32)"
                            + " ELSE md5(s || ':' || q || ':' || j) END");
            s.execute("CREATE MACRO incident(s, q) AS q IS NOT NULL AND hash(s, q, 'i') % 100 < 3");
            for (String[] table : WarehouseSql.TABLES) {
                write(s, root, table[0], table[1], table[2], files);
            }
            write(s, root, "events_raw", WarehouseSql.eventsRaw(root), "received_at", files);
        }
    }

    /** COPY ... PARTITION_BY (date, f), then each file moved up into its date folder. */
    private static void write(
            Statement s, Path root, String table, String select, String partitionColumn, int files)
            throws SQLException, IOException {
        Path dir = root.resolve(table);
        Files.createDirectories(dir);
        s.execute(
                "COPY (SELECT *, CAST("
                        + partitionColumn
                        + " AS DATE) AS date, (hash(event_id) % "
                        + files
                        + ")::INT AS f FROM ("
                        + select
                        + ")) TO '"
                        + dir
                        + "' (FORMAT parquet, PARTITION_BY (date, f), OVERWRITE_OR_IGNORE)");
        try (Stream<Path> all = Files.walk(dir)) {
            List<Path> written = all.filter(p -> p.toString().endsWith(".parquet")).toList();
            for (Path p : written) {
                Path chunk = p.getParent();
                String f = chunk.getFileName().toString().substring(2);
                Files.move(p, chunk.getParent().resolve("part-" + f + "-" + p.getFileName()));
            }
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                if (p.getFileName().toString().startsWith("f=")) {
                    Files.delete(p);
                }
            }
        }
    }
}
