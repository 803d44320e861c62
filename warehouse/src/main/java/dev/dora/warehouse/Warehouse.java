package dev.dora.warehouse;

import dev.dora.events.tables.Column;
import dev.dora.events.tables.TableSchema;
import dev.dora.events.tables.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The DuckDB query layer over the Parquet tables. One view per table reads its files (or is an
 * empty view of the right columns until the first file appears); {@code <table>_latest} views keep
 * the latest version of each keyed fact. Metric SQL lives in named resources under {@code sql/}.
 *
 * <p>One in-memory DuckDB connection, capped in memory and threads; queries are serialised, which
 * is plenty for a dashboard and keeps DuckDB's footprint predictable.
 */
public final class Warehouse implements AutoCloseable {
    private final WarehouseConfig config;
    private final Connection connection;
    private final Set<String> tablesWithFiles = new HashSet<>();

    public Warehouse(WarehouseConfig config) {
        this.config = config;
        try {
            Files.createDirectories(config.root());
            Files.createDirectories(config.tempDirectory());
            connection = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement s = connection.createStatement()) {
                s.execute("SET memory_limit = '" + config.memoryLimit() + "'");
                s.execute("SET threads = " + config.threads());
                s.execute("SET temp_directory = '" + sqlString(config.tempDirectory()) + "'");
                s.execute("SET enable_progress_bar = false");
            }
            for (TableSchema t : Tables.ALL) {
                defineView(t, false);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open DuckDB: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Summary figures for a period. */
    public synchronized DoraSummary summary(Period period) {
        refreshViews();
        try {
            long deployments;
            long failedAttempts;
            long weeks;
            try (ResultSet r =
                    query("deployment_frequency", period.startLiteral(), period.endLiteral())) {
                r.next();
                deployments = r.getLong("deployments");
                failedAttempts = r.getLong("failed_attempts");
                weeks = r.getLong("weeks_with_deployments");
            }
            long changes;
            Double median;
            Double p90;
            long negative;
            try (ResultSet r = query("lead_time", period.startLiteral(), period.endLiteral())) {
                r.next();
                changes = r.getLong("changes");
                median = nullableDouble(r, "median_seconds");
                p90 = nullableDouble(r, "p90_seconds");
                negative = r.getLong("negative_lead_times");
            }
            long withoutChanges;
            long withoutTimestamp;
            try (ResultSet r =
                    query(
                            "data_quality",
                            period.startLiteral(),
                            period.endLiteral(),
                            period.startLiteral(),
                            period.endLiteral())) {
                r.next();
                withoutChanges = r.getLong("deployments_without_changes");
                withoutTimestamp = r.getLong("changes_without_timestamp");
            }
            return new DoraSummary(
                    period,
                    deployments,
                    failedAttempts,
                    weeks,
                    changes,
                    median,
                    p90,
                    negative,
                    withoutChanges,
                    withoutTimestamp);
        } catch (SQLException e) {
            throw new IllegalStateException("summary query failed: " + e.getMessage(), e);
        }
    }

    /** Deployments and lead time per bucket, every bucket of the period listed. */
    public synchronized List<TrendPoint> trend(Period period, Bucket bucket) {
        refreshViews();
        List<TrendPoint> points = new ArrayList<>();
        try (ResultSet r =
                query(
                        "trend",
                        bucket.part(),
                        period.startLiteral(),
                        period.endLiteral(),
                        bucket.interval())) {
            while (r.next()) {
                points.add(
                        new TrendPoint(
                                r.getObject("bucket", java.time.LocalDate.class),
                                r.getLong("deployments"),
                                r.getLong("failed_attempts"),
                                r.getLong("changes"),
                                nullableDouble(r, "median_seconds"),
                                nullableDouble(r, "p90_seconds")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("trend query failed: " + e.getMessage(), e);
        }
        return points;
    }

    /** Runs any read-only SQL over the views (used by tests and, later, exports). */
    public synchronized List<List<Object>> rows(String sql, Object... params) {
        refreshViews();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<List<Object>> out = new ArrayList<>();
            try (ResultSet r = ps.executeQuery()) {
                int n = r.getMetaData().getColumnCount();
                while (r.next()) {
                    List<Object> row = new ArrayList<>(n);
                    for (int i = 1; i <= n; i++) {
                        row.add(r.getObject(i));
                    }
                    out.add(row);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + e.getMessage(), e);
        }
    }

    private ResultSet query(String name, Object... params) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(SqlResource.load(name));
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        ps.closeOnCompletion();
        return ps.executeQuery();
    }

    private static Double nullableDouble(ResultSet r, String column) throws SQLException {
        double v = r.getDouble(column);
        return r.wasNull() ? null : v;
    }

    /** Switches a table's view from empty to its files once the first file has been committed. */
    private void refreshViews() {
        for (TableSchema t : Tables.ALL) {
            if (!tablesWithFiles.contains(t.name()) && hasFiles(t)) {
                try {
                    defineView(t, true);
                } catch (SQLException e) {
                    throw new IllegalStateException(
                            "cannot read table " + t.name() + ": " + e.getMessage(), e);
                }
                tablesWithFiles.add(t.name());
            }
        }
    }

    private boolean hasFiles(TableSchema t) {
        Path dir = config.root().resolve(t.name());
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.anyMatch(Warehouse::isCommittedParquet);
        } catch (IOException e) {
            return false; // a file vanished mid-walk (compaction); look again next query
        }
    }

    private static boolean isCommittedParquet(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".parquet") && !name.startsWith(".") && !name.startsWith("_");
    }

    private void defineView(TableSchema t, boolean fromFiles) throws SQLException {
        String body;
        if (fromFiles) {
            String glob = sqlString(config.root().resolve(t.name())) + "/*/*.parquet";
            body =
                    "SELECT * FROM read_parquet('"
                            + glob
                            + "', hive_partitioning = true,"
                            + " hive_types = {'date': DATE}, union_by_name = true)";
        } else {
            body =
                    "SELECT "
                            + t.columns().stream()
                                    .map(c -> "CAST(NULL AS " + duckType(c) + ") AS " + c.name())
                                    .collect(Collectors.joining(", "))
                            + ", CAST(NULL AS DATE) AS date WHERE false";
        }
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE OR REPLACE VIEW " + t.name() + " AS " + body);
            if (t.versioned()) {
                s.execute(
                        "CREATE OR REPLACE VIEW "
                                + t.name()
                                + "_latest AS SELECT * FROM "
                                + t.name()
                                + " QUALIFY row_number() OVER (PARTITION BY "
                                + String.join(", ", t.keyColumns())
                                + " ORDER BY "
                                + t.versionColumn()
                                + " DESC, event_id DESC) = 1");
            }
        }
    }

    static String duckType(Column c) {
        return switch (c.type()) {
            case STRING -> "VARCHAR";
            case LONG -> "BIGINT";
            case BOOLEAN -> "BOOLEAN";
            case BYTES -> "BLOB";
            case TIMESTAMP -> "TIMESTAMP";
        };
    }

    private static String sqlString(Path p) {
        return p.toAbsolutePath().toString().replace("'", "''");
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close DuckDB", e);
        }
    }
}
