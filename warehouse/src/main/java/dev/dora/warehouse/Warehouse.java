package dev.dora.warehouse;

import dev.dora.events.tables.Column;
import dev.dora.events.tables.TableSchema;
import dev.dora.events.tables.Tables;
import dev.dora.warehouse.compaction.CompactionResult;
import dev.dora.warehouse.compaction.CompactionSettings;
import dev.dora.warehouse.compaction.Compactor;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The DuckDB query layer over the Parquet tables. One view per table reads its files (or is an
 * empty view of the right columns until the first file appears); {@code <table>_latest} tables keep
 * the latest version of each keyed fact. Metric SQL lives in named resources under {@code sql/}.
 *
 * <p>One in-memory DuckDB connection, capped in memory and threads; queries are serialised, which
 * is plenty for a dashboard and keeps DuckDB's footprint predictable.
 */
public final class Warehouse implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Warehouse.class);
    private final WarehouseConfig config;
    private final Connection connection;
    private final Set<String> tablesWithFiles = new HashSet<>();
    // Fingerprint of the files the derived tables were built from; none yet.
    private long derivedFrom = Long.MIN_VALUE;

    /** The environment group every production environment belongs to (derived.sql). */
    public static final String PRODUCTION_GROUP = "production";

    public Warehouse(WarehouseConfig config) {
        this.config = config;
        try {
            Files.createDirectories(config.root());
            Files.createDirectories(config.tempDirectory());
            Compactor.recover(config.root()); // a crash mid-swap must not show both halves
            // A database file of its own, rebuilt from the Parquet files at every start: the
            // derived tables of a large organisation outgrow the memory cap, and a file lets
            // DuckDB page them out instead of failing (an in-memory database cannot).
            Path db = config.tempDirectory().resolve("derived.duckdb");
            Files.deleteIfExists(db);
            Files.deleteIfExists(db.resolveSibling("derived.duckdb.wal"));
            connection = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
            try (Statement s = connection.createStatement()) {
                s.execute("SET memory_limit = '" + config.memoryLimit() + "'");
                s.execute("SET threads = " + config.threads());
                s.execute("SET temp_directory = '" + sqlString(config.tempDirectory()) + "'");
                s.execute("SET enable_progress_bar = false");
                // Every query orders what it returns; unordered inserts need far less memory.
                s.execute("SET preserve_insertion_order = false");
            }
            for (TableSchema t : Tables.ALL) {
                defineView(t, false);
            }
            defineConfiguredTeams();
            checkPlatformPipelinePattern();
            defineDerivedTables(); // empty until the first query finds files
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open DuckDB: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Summary figures for a period, over everything in production. */
    public DoraSummary summary(Period period) {
        return summary(period, Scope.ALL);
    }

    /** Summary figures for a period and scope (dora_summary.sql). */
    public synchronized DoraSummary summary(Period period, Scope scope) {
        refreshViews();
        try (ResultSet r =
                query(
                        "dora_summary",
                        environmentGroup(scope),
                        scope.service(),
                        scope.team(),
                        period.startLiteral(),
                        period.endLiteral())) {
            r.next();
            return new DoraSummary(
                    period,
                    r.getLong("deployments"),
                    r.getLong("failed_attempts"),
                    r.getLong("weeks_with_deployments"),
                    r.getLong("changes"),
                    nullableDouble(r, "lead_median_seconds"),
                    nullableDouble(r, "lead_p90_seconds"),
                    r.getLong("negative_lead_times"),
                    r.getLong("changes_without_timestamp"),
                    r.getLong("failed"),
                    nullableDouble(r, "recovery_median_seconds"),
                    r.getLong("unrecovered_failures"),
                    r.getLong("restored_incidents"),
                    nullableDouble(r, "restore_median_seconds"),
                    r.getLong("unplanned"),
                    r.getLong("deployments_without_changes"),
                    r.getLong("unattributed_incidents"));
        } catch (SQLException e) {
            throw new IllegalStateException("summary query failed: " + e.getMessage(), e);
        }
    }

    /** The metrics per bucket, every bucket of the period listed. */
    public List<TrendPoint> trend(Period period, Bucket bucket) {
        return trend(period, bucket, Scope.ALL);
    }

    /** The metrics per bucket and scope (trend.sql). */
    public synchronized List<TrendPoint> trend(Period period, Bucket bucket, Scope scope) {
        refreshViews();
        List<TrendPoint> points = new ArrayList<>();
        try (ResultSet r =
                query(
                        "trend",
                        environmentGroup(scope),
                        scope.service(),
                        scope.team(),
                        period.startLiteral(),
                        period.endLiteral(),
                        bucket.part(),
                        bucket.interval())) {
            while (r.next()) {
                points.add(
                        new TrendPoint(
                                r.getObject("bucket", java.time.LocalDate.class),
                                r.getLong("deployments"),
                                r.getLong("failed_attempts"),
                                r.getLong("changes"),
                                nullableDouble(r, "median_seconds"),
                                nullableDouble(r, "p90_seconds"),
                                r.getLong("failed"),
                                nullableDouble(r, "recovery_median_seconds"),
                                r.getLong("unplanned")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("trend query failed: " + e.getMessage(), e);
        }
        return points;
    }

    /**
     * The environment group a scope asks for: production unless an environment is named; a named
     * production environment stands for all of production (they form one group).
     */
    private String environmentGroup(Scope scope) throws SQLException {
        if (scope.environment() == null) {
            return PRODUCTION_GROUP;
        }
        try (PreparedStatement ps =
                connection.prepareStatement(
                        // The derived tables, not the Parquet files: no scan per request.
                        "SELECT bool_or(production) FROM (SELECT production FROM"
                                + " live_deployments WHERE environment = ? UNION ALL SELECT"
                                + " production FROM failed_attempts WHERE environment = ?)")) {
            ps.setString(1, scope.environment());
            ps.setString(2, scope.environment());
            try (ResultSet r = ps.executeQuery()) {
                return r.next() && r.getBoolean(1) ? PRODUCTION_GROUP : scope.environment();
            }
        }
    }

    /**
     * Live deployments of the period and scope, newest first, each with its outcome, its changes
     * ({@code changes}: sha, start, lead time where this deployment first carried it) and the
     * incidents attributed to it ({@code incidents}).
     */
    public synchronized List<Map<String, Object>> deployments(Period period, Scope scope) {
        refreshViews();
        try {
            return withChangesAndIncidents(
                    records(
                            "deployments",
                            environmentGroup(scope),
                            scope.service(),
                            scope.team(),
                            period.startLiteral(),
                            period.endLiteral(),
                            null));
        } catch (SQLException e) {
            throw new IllegalStateException("deployments query failed: " + e.getMessage(), e);
        }
    }

    /** One live deployment by key, as {@link #deployments} lists it, whatever its period. */
    public synchronized java.util.Optional<Map<String, Object>> deployment(String key) {
        refreshViews();
        try {
            return withChangesAndIncidents(
                            records("deployments", null, null, null, null, null, key))
                    .stream()
                    .findFirst();
        } catch (SQLException e) {
            throw new IllegalStateException("deployment query failed: " + e.getMessage(), e);
        }
    }

    private List<Map<String, Object>> withChangesAndIncidents(List<Map<String, Object>> deployments)
            throws SQLException {
        Map<Object, List<Map<String, Object>>> changes = new LinkedHashMap<>();
        Map<Object, List<Map<String, Object>>> incidents = new LinkedHashMap<>();
        if (!deployments.isEmpty()) {
            Object[] keys = deployments.stream().map(d -> d.get("deployment_key")).toArray();
            // A page of deployments is of one environment group: the scope's.
            Object group = deployments.get(0).get("env_group");
            for (Map<String, Object> c :
                    records(
                            "deployment_change_list",
                            group,
                            connection.createArrayOf("VARCHAR", keys))) {
                changes.computeIfAbsent(c.remove("deployment_key"), k -> new ArrayList<>()).add(c);
            }
            for (Map<String, Object> i :
                    records(
                            "deployment_incident_list",
                            connection.createArrayOf("VARCHAR", keys))) {
                incidents
                        .computeIfAbsent(i.remove("deployment_key"), k -> new ArrayList<>())
                        .add(i);
            }
        }
        for (Map<String, Object> d : deployments) {
            d.put("changes", changes.getOrDefault(d.get("deployment_key"), List.of()));
            d.put("incidents", incidents.getOrDefault(d.get("deployment_key"), List.of()));
        }
        return deployments;
    }

    /**
     * Rows of a named query over a period and scope, with the parameters of dora_summary.sql ($1
     * environment group, $2 service, $3 team, $4 start, $5 end); for {@link Breakdowns}.
     */
    synchronized List<Map<String, Object>> scoped(String name, Period period, Scope scope) {
        refreshViews();
        try {
            return records(
                    name,
                    environmentGroup(scope),
                    scope.service(),
                    scope.team(),
                    period.startLiteral(),
                    period.endLiteral());
        } catch (SQLException e) {
            throw new IllegalStateException(name + " query failed: " + e.getMessage(), e);
        }
    }

    /** Rows of a named query without parameters; for {@link Breakdowns}. */
    synchronized List<Map<String, Object>> named(String name) {
        refreshViews();
        try {
            return records(name);
        } catch (SQLException e) {
            throw new IllegalStateException(name + " query failed: " + e.getMessage(), e);
        }
    }

    /**
     * One survey's answers for scoring: {@code survey_answers} (team, question_id, answer,
     * answers), {@code survey_respondents} (team, respondents) or {@code survey_free_text} (team,
     * question_id, answer). Survey responses do not feed the DORA tables, so this does not derive
     * them again.
     */
    public synchronized List<Map<String, Object>> survey(String query, String surveyId) {
        if (!query.startsWith("survey_")) {
            throw new IllegalArgumentException("not a survey query: " + query);
        }
        refreshView(Tables.SURVEY_RESPONSES);
        try {
            return records(query, surveyId);
        } catch (SQLException e) {
            throw new IllegalStateException(query + " query failed: " + e.getMessage(), e);
        }
    }

    /**
     * The catalog as it stands: the latest version of each service, with the names events gave that
     * resolved to it (catalog_current.sql).
     */
    public synchronized List<Map<String, Object>> catalog() {
        refreshViews();
        try {
            return records("catalog_current");
        } catch (SQLException e) {
            throw new IllegalStateException("catalog query failed: " + e.getMessage(), e);
        }
    }

    /**
     * The platform-adoption figures of a period, for one team or (null) everyone: the
     * adoption_*.sql queries over adoption_services and adoption_daily (derived.sql), and over the
     * platform requests for the fulfilment medians.
     */
    public synchronized Adoption adoption(Period period, String team) {
        refreshViews();
        String start = period.startLiteral();
        String end = period.endLiteral();
        try {
            Map<String, Object> c = records("adoption_coverage", team).get(0);
            Map<String, Object> p = records("adoption_pipelines", team, start, end).get(0);
            List<Adoption.FirstDeployment> first = new ArrayList<>();
            Double median = null;
            for (Map<String, Object> r : records("adoption_first_deploy", team, start, end)) {
                first.add(
                        new Adoption.FirstDeployment(
                                (String) r.get("service"),
                                (Instant) r.get("registered_at"),
                                (Instant) r.get("first_deployed_at"),
                                number(r.get("seconds"))));
                median = number(r.get("median_seconds"));
            }
            List<Adoption.Channel> channels = new ArrayList<>();
            for (Map<String, Object> r : records("adoption_requests", team, start, end)) {
                channels.add(
                        new Adoption.Channel(
                                (String) r.get("channel"),
                                ((Number) r.get("requests")).longValue(),
                                ((Number) r.get("fulfilled")).longValue(),
                                number(r.get("median_fulfilment_seconds"))));
            }
            return new Adoption(
                    period,
                    team,
                    new Adoption.Coverage(
                            ((Number) c.get("services")).longValue(),
                            ((Number) c.get("golden_path_services")).longValue(),
                            number(c.get("ratio"))),
                    new Adoption.PipelineShare(
                            ((Number) p.get("deployments")).longValue(),
                            ((Number) p.get("platform_deployments")).longValue(),
                            number(p.get("ratio"))),
                    new Adoption.FirstDeployments(List.copyOf(first), median),
                    new Adoption.SelfService(List.copyOf(channels)));
        } catch (SQLException e) {
            throw new IllegalStateException("adoption query failed: " + e.getMessage(), e);
        }
    }

    /**
     * The platform-adoption figures per bucket of a period, every bucket listed, for one team or
     * (null) everyone (adoption_trend.sql over adoption_daily and adoption_services).
     */
    public synchronized List<AdoptionTrendPoint> adoptionTrend(
            Period period, Bucket bucket, String team) {
        refreshViews();
        try {
            return records(
                            "adoption_trend",
                            team,
                            period.startLiteral(),
                            period.endLiteral(),
                            bucket.part(),
                            bucket.interval())
                    .stream()
                    .map(AdoptionTrendPoint::of)
                    .toList();
        } catch (SQLException e) {
            throw new IllegalStateException("adoption trend query failed: " + e.getMessage(), e);
        }
    }

    private static Double number(Object v) {
        return v == null ? null : ((Number) v).doubleValue();
    }

    /**
     * Services seen in deployments, changes or incidents that no current catalog service names or
     * claims (catalog_unmapped.sql): what the catalog is missing.
     */
    public synchronized List<Map<String, Object>> catalogUnmapped() {
        refreshViews();
        try {
            return records("catalog_unmapped");
        } catch (SQLException e) {
            throw new IllegalStateException("catalog query failed: " + e.getMessage(), e);
        }
    }

    /** Incidents opened in the period and scope, newest first, with their attribution. */
    public synchronized List<Map<String, Object>> incidents(Period period, Scope scope) {
        refreshViews();
        try {
            return records(
                    "incident_list",
                    PRODUCTION_GROUP,
                    scope.service(),
                    scope.team(),
                    period.startLiteral(),
                    period.endLiteral());
        } catch (SQLException e) {
            throw new IllegalStateException("incidents query failed: " + e.getMessage(), e);
        }
    }

    /**
     * Writes a dataset of the period and scope to {@code out} in a format. The file is written to
     * the temporary directory under the warehouse's lock and copied to {@code out} after it is
     * released, so a slow download never holds up the dashboard's other queries. The filters mean
     * what they mean for the API, so an export has the API's numbers.
     */
    public void export(
            Export.Dataset dataset,
            Export.Format format,
            Period period,
            Scope scope,
            java.io.OutputStream out)
            throws IOException {
        Path file =
                config.tempDirectory()
                        .resolve("export-" + java.util.UUID.randomUUID() + "." + format.id());
        try {
            exportTo(file, dataset, format, period, scope);
            Files.copy(file, out);
            out.flush();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private synchronized void exportTo(
            Path file, Export.Dataset dataset, Export.Format format, Period period, Scope scope)
            throws IOException {
        refreshViews();
        Object[] params = {
            null, scope.service(), scope.team(), period.startLiteral(), period.endLiteral()
        };
        try {
            params[0] = environmentGroup(scope);
            if (format == Export.Format.PARQUET) {
                parquet(SqlResource.load(dataset.sql()), params, file);
                return;
            }
            try (ResultSet r = query(dataset.sql(), params);
                    java.io.OutputStream out =
                            new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
                if (format == Export.Format.CSV) {
                    ExportWriter.csv(r, out);
                } else {
                    ExportWriter.json(r, out);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(dataset.id() + " export failed: " + e.getMessage(), e);
        }
    }

    /** A query's rows as a Parquet file: into a temporary table (parameters bound), then COPY. */
    private void parquet(String sql, Object[] params, Path file) throws SQLException {
        try (PreparedStatement ps =
                connection.prepareStatement("CREATE OR REPLACE TEMP TABLE dora_export AS " + sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.execute();
        }
        try (Statement s = connection.createStatement()) {
            s.execute(
                    "COPY dora_export TO '"
                            + sqlString(file)
                            + "' (FORMAT parquet, COMPRESSION zstd)");
            s.execute("DROP TABLE dora_export");
        }
    }

    /**
     * Compacts the warehouse's files (see {@link Compactor}) while holding this warehouse's lock,
     * so no query sees a partition's new file beside its originals; then rebuilds the views and
     * derived tables here, in the caller's thread, rather than in the next request.
     */
    public synchronized CompactionResult compact(CompactionSettings settings, Instant now) {
        CompactionResult result = new Compactor(connection, config.root(), settings).run(now);
        for (TableSchema t : Tables.ALL) {
            if (tablesWithFiles.contains(t.name()) && !hasFiles(t)) {
                try {
                    defineView(t, false); // the retention removed the table's last file
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot redefine " + t.name(), e);
                }
                tablesWithFiles.remove(t.name());
            }
        }
        refreshViews();
        return result;
    }

    /** Rows of a named query as column → value maps; timestamps as UTC instants. */
    private List<Map<String, Object>> records(String name, Object... params) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (ResultSet r = query(name, params)) {
            java.sql.ResultSetMetaData meta = r.getMetaData();
            while (r.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object v = r.getObject(i);
                    if (v instanceof java.sql.Timestamp ts) {
                        v = ts.toLocalDateTime().toInstant(java.time.ZoneOffset.UTC);
                    } else if (v instanceof java.time.LocalDateTime ldt) {
                        v = ldt.toInstant(java.time.ZoneOffset.UTC);
                    } else if (v instanceof java.sql.Array list) {
                        v = java.util.Arrays.asList((Object[]) list.getArray());
                    }
                    row.put(meta.getColumnLabel(i), v);
                }
                out.add(row);
            }
        }
        return out;
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
            refreshView(t);
        }
        long fingerprint = fingerprint();
        if (fingerprint != derivedFrom) {
            try {
                defineDerivedTables();
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "cannot derive the metric tables: " + e.getMessage(), e);
            }
            derivedFrom = fingerprint;
        }
    }

    private void refreshView(TableSchema t) {
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

    /**
     * Names, sizes and times of every committed Parquet file the derived tables read: changes when
     * a checkpoint lands. Survey responses feed none of them, so they are left out and a survey
     * answer does not make the DORA tables derive again.
     */
    private long fingerprint() {
        long hash = 17;
        for (TableSchema t : Tables.ALL) {
            if (t == Tables.SURVEY_RESPONSES) {
                continue;
            }
            Path dir = config.root().resolve(t.name());
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                List<Path> parquet = files.filter(Warehouse::isCommittedParquet).toList();
                for (Path p : parquet) {
                    hash = hash * 31 + p.toString().hashCode();
                    hash = hash * 31 + Files.size(p);
                    hash = hash * 31 + Files.getLastModifiedTime(p).toMillis();
                }
            } catch (IOException | UncheckedIOException e) {
                return hash - 1; // a file vanished mid-walk (compaction): derive again
            }
        }
        return hash;
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

    /**
     * The teams of the configuration as a table of (service, team) rows, written once: derived.sql
     * rebuilds {@code service_teams} from it at every derivation, so the mapping survives each one.
     */
    private void defineConfiguredTeams() throws SQLException {
        try (Statement s = connection.createStatement()) {
            // OR REPLACE: in one JVM, warehouses on the same temporary directory share DuckDB's
            // database instance (a test opens a second one beside the first).
            s.execute(
                    "CREATE OR REPLACE TABLE configured_teams"
                            + " (service VARCHAR NOT NULL, team VARCHAR NOT NULL)");
        }
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO configured_teams VALUES (?, ?)")) {
            for (Map.Entry<String, List<String>> team : config.teams().entrySet()) {
                for (String service : team.getValue()) {
                    insert.setString(1, service);
                    insert.setString(2, team.getKey());
                    insert.executeUpdate(); // a few rows: no batching needed
                }
            }
        }
    }

    /**
     * DuckDB matches the platform pipeline pattern (RE2), not Java: a pattern Java accepts and RE2
     * does not (look-around, back-references) stops start-up here rather than failing every
     * adoption request.
     */
    private void checkPlatformPipelinePattern() {
        String refused = re2Refusal(config.platformPipelinePattern());
        if (refused != null) {
            throw new IllegalArgumentException(
                    "platform pipeline pattern '"
                            + config.platformPipelinePattern()
                            + "' is not a regular expression DuckDB (RE2) can use: "
                            + refused);
        }
    }

    /** Why DuckDB (RE2) refuses a regular expression, or null when it takes it. */
    private String re2Refusal(String pattern) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT regexp_matches('', ?)")) {
            ps.setString(1, pattern);
            ps.executeQuery().close();
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    /** (Re)builds the tables relating facts to each other (derived.sql), in order. */
    private void defineDerivedTables() throws SQLException {
        String sql = SqlResource.load("resolve") + "\n;\n" + SqlResource.load("derived");
        long started = System.nanoTime();
        try (Statement s = connection.createStatement()) {
            // The latest version of each fact, materialised once per derivation: every statement
            // below and every request reads these tables, instead of running the window over the
            // Parquet files again for each reference (at a year of 1,000 services that window
            // costs tens of seconds each time, and inside the push-chain walk once per step).
            for (TableSchema t : Tables.ALL) {
                if (t.versioned()) {
                    s.execute(
                            "CREATE OR REPLACE TABLE "
                                    + t.name()
                                    + "_latest AS SELECT * FROM "
                                    + t.name()
                                    + "_latest_view");
                }
            }
            s.execute("CHECKPOINT"); // written to the file: the buffer manager may evict them
            defineValidProductionPatterns(s);
            if (LOG.isDebugEnabled()) {
                LOG.debug("latest versions in {} ms", (System.nanoTime() - started) / 1_000_000);
            }
            // Split before the settings are written in: a pattern holding a line with only ';'
            // or a placeholder's name cannot change how the file is read.
            for (String template : sql.split("(?m)^;\\s*$")) {
                if (!template.isBlank()) {
                    long t0 = System.nanoTime();
                    String statement = withSettings(template);
                    if (template.contains("{{per_service_batch}}")) {
                        inServiceBatches(s, statement);
                    } else {
                        s.execute(statement);
                    }
                    s.execute("CHECKPOINT");
                    if (LOG.isDebugEnabled()) {
                        LOG.debug(
                                "derived {} in {} ms",
                                firstTable(statement),
                                (System.nanoTime() - t0) / 1_000_000);
                    }
                }
            }
        }
        LOG.debug("derived tables rebuilt in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The catalog's per-service production patterns that DuckDB (RE2) can use, for resolve.sql. The
     * import checks them with Java's syntax, which accepts more (look-around, back-references): a
     * pattern RE2 refuses is left out, so that service keeps the configured production pattern, and
     * logged, instead of failing every derivation.
     */
    private void defineValidProductionPatterns(Statement s) throws SQLException {
        s.execute("CREATE OR REPLACE TABLE valid_production_patterns (pattern VARCHAR NOT NULL)");
        List<String> patterns = new ArrayList<>();
        try (ResultSet r =
                s.executeQuery(
                        "SELECT DISTINCT production_pattern FROM catalog_services"
                                + " WHERE production_pattern IS NOT NULL")) {
            while (r.next()) {
                patterns.add(r.getString(1));
            }
        }
        for (String pattern : patterns) {
            String refused = re2Refusal(pattern);
            if (refused != null) {
                LOG.warn(
                        "catalog production pattern '{}' is not a regular expression DuckDB (RE2)"
                                + " can use, so its services keep the configured pattern: {}",
                        pattern,
                        refused);
                continue;
            }
            try (PreparedStatement insert =
                    connection.prepareStatement(
                            "INSERT INTO valid_production_patterns VALUES (?)")) {
                insert.setString(1, pattern);
                insert.executeUpdate();
            }
        }
    }

    /**
     * A derived.sql statement with the configuration written into its placeholders: the incident
     * window in seconds, and the platform pipeline pattern inside a SQL string literal (quotes
     * doubled; DuckDB reads backslashes in a literal as they are).
     */
    private String withSettings(String statement) {
        return statement
                .replace(
                        "{{incident_window_seconds}}",
                        Long.toString(config.incidentWindow().toSeconds()))
                .replace(
                        "{{platform_pipeline_pattern}}",
                        config.platformPipelinePattern().replace("'", "''"));
    }

    /** Services per batch of a {@code {{per_service_batch}}} statement (derived.sql). */
    static final int SERVICE_BATCH = 50;

    /**
     * Runs a {@code CREATE OR REPLACE TABLE x AS ...} statement once per batch of services: the
     * first batch creates the table, the others append to it. Each batch sees its services in
     * {@code derive_batch}, their push chain (changes that came with a push) in {@code
     * batch_chain}, their live deployments in {@code batch_live} and deployed shas in {@code
     * batch_shas}.
     */
    private void inServiceBatches(Statement s, String statement) throws SQLException {
        s.execute(
                "CREATE OR REPLACE TEMP TABLE derive_services AS SELECT service,"
                        + " (row_number() OVER (ORDER BY service) - 1) // "
                        + SERVICE_BATCH
                        + " AS batch FROM (SELECT DISTINCT service FROM change_chain)");
        long batches;
        try (ResultSet r =
                s.executeQuery("SELECT coalesce(max(batch) + 1, 1) FROM derive_services")) {
            r.next();
            batches = r.getLong(1);
        }
        String append =
                statement.replaceFirst(
                        "(?i)CREATE\\s+OR\\s+REPLACE\\s+TABLE\\s+(\\w+)\\s+AS", "INSERT INTO $1");
        for (long b = 0; b < batches; b++) {
            s.execute(
                    "CREATE OR REPLACE TEMP TABLE derive_batch AS SELECT service FROM"
                            + " derive_services WHERE batch = "
                            + b);
            s.execute(
                    "CREATE OR REPLACE TEMP TABLE batch_chain AS SELECT service, sha, parent_sha,"
                            + " push_after, touches FROM change_chain WHERE"
                            + " service IN (SELECT service FROM derive_batch)");
            s.execute(
                    "CREATE OR REPLACE TEMP TABLE batch_live AS SELECT * FROM live_deployments"
                            + " WHERE service IN (SELECT service FROM derive_batch)");
            s.execute(
                    "CREATE OR REPLACE TEMP TABLE batch_shas AS SELECT * FROM deployed_shas"
                            + " WHERE service IN (SELECT service FROM derive_batch)");
            s.execute(b == 0 ? statement : append);
        }
        s.execute("DROP TABLE batch_shas");
        s.execute("DROP TABLE batch_live");
        s.execute("DROP TABLE batch_chain");
        s.execute("DROP TABLE derive_batch");
        s.execute("DROP TABLE derive_services");
    }

    /** The table a derivation statement creates, for the log. */
    private static String firstTable(String statement) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("(?i)CREATE\\s+OR\\s+REPLACE\\s+\\w+\\s+(\\w+)")
                        .matcher(statement);
        return m.find() ? m.group(1) : "?";
    }

    private void defineView(TableSchema t, boolean fromFiles) throws SQLException {
        String empty =
                "SELECT "
                        + t.columns().stream()
                                .map(c -> "CAST(NULL AS " + duckType(c) + ") AS " + c.name())
                                .collect(Collectors.joining(", "))
                        + ", CAST(NULL AS DATE) AS date WHERE false";
        String body;
        if (fromFiles) {
            String glob = sqlString(config.root().resolve(t.name())) + "/*/*.parquet";
            // BY NAME with the empty typed relation: a column no file has yet (one a newer
            // version added, such as changes.paths, over files an older one wrote) reads as
            // null instead of failing every query that names it.
            body =
                    "SELECT * FROM read_parquet('"
                            + glob
                            + "', hive_partitioning = true,"
                            + " hive_types = {'date': DATE}, union_by_name = true)"
                            + " UNION ALL BY NAME "
                            + empty;
        } else {
            body = empty;
        }
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE OR REPLACE VIEW " + t.name() + " AS " + body);
            if (t.versioned()) {
                s.execute(
                        "CREATE OR REPLACE VIEW "
                                + t.name()
                                + "_latest_view AS SELECT * FROM "
                                + t.name()
                                + " QUALIFY row_number() OVER (PARTITION BY "
                                + String.join(", ", t.keyColumns())
                                + " ORDER BY "
                                + t.versionColumn()
                                + " DESC, event_id DESC) = 1");
            }
        }
    }

    public static String duckType(Column c) {
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
