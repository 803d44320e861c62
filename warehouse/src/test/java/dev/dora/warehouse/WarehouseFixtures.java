package dev.dora.warehouse;

import dev.dora.events.tables.Column;
import dev.dora.events.tables.TableSchema;
import dev.dora.events.tables.Tables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Tiny fact rows for acme/shop and a writer that puts them into a warehouse directory as Parquet,
 * written by DuckDB itself (a separate in-memory connection), one file per call, partitioned by the
 * UTC date of the table's partition column.
 */
final class WarehouseFixtures {
    static final String SERVICE = "acme/shop";

    private final Path root;
    private int files;

    WarehouseFixtures(Path root) {
        this.root = root;
    }

    /** A change whose start is {@code startedAt} (null: unknown), pushed at {@code pushedAt}. */
    static Map<String, Object> change(String sha, Instant startedAt, Instant pushedAt) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("change_key", changeKey(sha));
        row.put("service", SERVICE);
        row.put("repo", SERVICE);
        row.put("sha", sha);
        row.put("branch", "main");
        row.put("committed_at", startedAt);
        row.put("started_at", startedAt);
        row.put("pushed_at", pushedAt);
        row.put("push_before", "before-" + sha);
        row.put("push_after", sha);
        row.put("event_id", "evt-push-" + sha);
        row.put("version", 1L);
        return row;
    }

    /** One status row (version) of deployment {@code id}; finished_at only for final statuses. */
    static Map<String, Object> deployment(
            String id, String environment, String status, Instant statusAt, long version) {
        boolean isFinal = List.of("success", "failure", "error").contains(status);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("deployment_key", deploymentKey(id));
        row.put("source", "github");
        row.put("deployment_id", id);
        row.put("service", SERVICE);
        row.put("repo", SERVICE);
        row.put("environment", environment);
        row.put("production", environment.equals("production"));
        row.put("sha", "sha-" + id);
        row.put("ref", "main");
        row.put("status", status);
        row.put("started_at", statusAt.minusSeconds(300));
        row.put("finished_at", isFinal ? statusAt : null);
        row.put("status_at", statusAt);
        row.put("event_id", "evt-" + id + "-v" + version);
        row.put("version", version);
        return row;
    }

    /** Deployment {@code id} carried change {@code sha}. */
    static Map<String, Object> carried(String id, String sha, Instant deployedAt) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("deployment_key", deploymentKey(id));
        row.put("change_key", changeKey(sha));
        row.put("service", SERVICE);
        row.put("sha", sha);
        row.put("deployed_at", deployedAt);
        row.put("event_id", "evt-" + id + "-success");
        return row;
    }

    static String changeKey(String sha) {
        return SERVICE + "@" + sha;
    }

    static String deploymentKey(String id) {
        return "github:" + SERVICE + ":" + id;
    }

    @SafeVarargs
    final void changes(Map<String, Object>... rows) throws Exception {
        write(Tables.CHANGES, rows);
    }

    @SafeVarargs
    final void deployments(Map<String, Object>... rows) throws Exception {
        write(Tables.DEPLOYMENTS, rows);
    }

    @SafeVarargs
    final void deploymentChanges(Map<String, Object>... rows) throws Exception {
        write(Tables.DEPLOYMENT_CHANGES, rows);
    }

    /** COPY (SELECT typed columns FROM VALUES ...) TO '<root>/<table>/date=.../part-N.parquet'. */
    @SafeVarargs
    private void write(TableSchema table, Map<String, Object>... rows) throws Exception {
        Instant partitionTime = (Instant) rows[0].get(table.partitionColumn());
        Path dir =
                root.resolve(table.name())
                        .resolve("date=" + partitionTime.atOffset(ZoneOffset.UTC).toLocalDate());
        Files.createDirectories(dir);
        Path file = dir.resolve("part-" + ++files + ".parquet");

        String names = table.columns().stream().map(Column::name).collect(Collectors.joining(", "));
        String typed =
                table.columns().stream()
                        .map(
                                c ->
                                        "CAST("
                                                + c.name()
                                                + " AS "
                                                + Warehouse.duckType(c)
                                                + ") AS "
                                                + c.name())
                        .collect(Collectors.joining(", "));
        String values =
                List.of(rows).stream()
                        .map(
                                row ->
                                        table.columns().stream()
                                                .map(c -> literal(row.get(c.name())))
                                                .collect(Collectors.joining(", ", "(", ")")))
                        .collect(Collectors.joining(", "));
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = duck.createStatement()) {
            s.execute(
                    "COPY (SELECT "
                            + typed
                            + " FROM (VALUES "
                            + values
                            + ") AS v("
                            + names
                            + ")) TO '"
                            + file
                            + "' (FORMAT parquet)");
        }
    }

    private static String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Instant instant) {
            // The warehouse stores UTC wall-clock time without a zone.
            return "'" + LocalDateTime.ofInstant(instant, ZoneOffset.UTC) + "'";
        }
        if (value instanceof String text) {
            return "'" + text.replace("'", "''") + "'";
        }
        return value.toString(); // Long, Boolean
    }
}
