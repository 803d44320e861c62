package dev.dora.app;

import dev.dora.events.RawEnvelope;
import dev.dora.events.tables.TableSchema;
import dev.dora.events.tables.Tables;
import dev.dora.jobs.DoraJob;
import dev.dora.jobs.StreamingMain;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * {@code dora backfill [--from DATE]}: rebuilds every table derived from the raw archive by running
 * the streaming job's own code, in batch mode, over {@code events_raw}, into a staging folder that
 * then replaces the old tables. With {@code --from}, only envelopes received from that day on are
 * processed again; the facts of earlier envelopes are kept as they are.
 *
 * <p>It needs the data directory's lock: it refuses to run beside a {@code dora up} on the same
 * data. Facts are pure functions of their envelope and every relation is derived at query time, so
 * the numbers after a backfill equal those before it (BackfillITCase).
 */
final class Backfill {
    /** Envelopes seen by the job so far (the MiniCluster runs in this JVM). */
    static final AtomicLong PROCESSED = new AtomicLong();

    private Backfill() {}

    /** Returns the number of archived envelopes processed. */
    static long run(DoraConfig config, LocalDate from, PrintStream out) throws Exception {
        try (DataDirLock lock = DataDirLock.acquire(config.dataDir(), "a backfill")) {
            Path root = config.warehouse();
            List<Path> partitions = ArchiveReader.partitions(root, from);
            long total = count(partitions);
            if (total == 0) {
                out.println(
                        "backfill: the archive holds nothing" + since(from) + "; nothing to do");
                return 0;
            }
            String stamp = Long.toString(System.currentTimeMillis());
            Path staging = root.resolve(".backfill-" + stamp);
            out.println(
                    "backfill: rebuilding the fact tables from "
                            + total
                            + " archived envelopes"
                            + since(from));
            runJob(config, partitions, staging, total, out);
            if (from != null) {
                keepEarlierFacts(root, staging, from);
            }
            swap(root, staging, root.resolve(".before-backfill-" + stamp));
            out.println("backfill: done; the tables now come from the archive");
            return total;
        }
    }

    private static String since(LocalDate from) {
        return from == null ? "" : " received from " + from + " on";
    }

    private static long count(List<Path> partitions) throws SQLException {
        if (partitions.isEmpty()) {
            return 0;
        }
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = duck.createStatement();
                ResultSet r =
                        s.executeQuery(
                                "SELECT count(*) FROM read_parquet("
                                        + ArchiveReader.globs(partitions)
                                        + ")")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void runJob(
            DoraConfig config, List<Path> partitions, Path staging, long total, PrintStream out)
            throws Exception {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        Path tmp = config.dataDir().resolve("tmp").resolve("backfill");
        Files.createDirectories(tmp);
        conf.set(CoreOptions.TMP_DIRS, tmp.toString());
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("128m"));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(1);
        DoraJob.Sinks all = StreamingMain.sinks(staging.toString());
        DoraJob.Sinks withoutArchive =
                new DoraJob.Sinks(
                        null, // the archive is the input: it is not written again
                        all.rejected(),
                        all.changes(),
                        all.deployments(),
                        all.declaredChanges(),
                        all.pullRequests(),
                        all.branchCommits(),
                        all.incidents(),
                        all.surveyResponses(),
                        all.catalogServices(),
                        all.serviceEvents(),
                        all.platformRequests());
        PROCESSED.set(0);
        DataGeneratorSource<RawEnvelope> archive =
                new DataGeneratorSource<>(
                        new ArchiveReader(partitions), total, DoraJob.ENVELOPE_TYPE);
        new DoraJob(null, null, withoutArchive, EmbeddedRuntime.jobSettings(config))
                .build(
                        env.fromSource(archive, WatermarkStrategy.noWatermarks(), "archive")
                                .map(
                                        e -> {
                                            PROCESSED.incrementAndGet();
                                            return e;
                                        })
                                .returns(DoraJob.ENVELOPE_TYPE)
                                .name("count"));
        Thread bar = new Thread(() -> progress(total, out), "dora-backfill-progress");
        bar.setDaemon(true);
        bar.start();
        try {
            env.execute("dora backfill");
        } finally {
            bar.interrupt();
            bar.join();
        }
    }

    /** A progress bar on one line, redrawn until interrupted. */
    private static void progress(long total, PrintStream out) {
        while (true) {
            long done = Math.min(PROCESSED.get(), total);
            int width = 30;
            int filled = (int) (width * done / total);
            out.printf(
                    "\rbackfill: [%s%s] %d/%d envelopes (%d%%)",
                    "#".repeat(filled),
                    ".".repeat(width - filled),
                    done,
                    total,
                    100 * done / total);
            out.flush();
            if (Thread.currentThread().isInterrupted()) {
                out.println();
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Copies the facts made from envelopes received before {@code from} into the staging folder.
     */
    private static void keepEarlierFacts(Path root, Path staging, LocalDate from)
            throws SQLException, IOException {
        String archive = "'" + sql(root.resolve(Tables.EVENTS_RAW.name())) + "/*/*.parquet'";
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = duck.createStatement()) {
            for (TableSchema t : derivedTables()) {
                Path old = root.resolve(t.name());
                if (!hasParquet(old)) {
                    continue;
                }
                Path target = staging.resolve(t.name());
                Files.createDirectories(target);
                // Survey answers keep no envelope id; their envelope's receipt time is the
                // survey's opening time, which they do keep.
                String earlier =
                        t == Tables.SURVEY_RESPONSES
                                ? "survey_opened_at < DATE '" + from + "'"
                                : "event_id IN (SELECT event_id FROM read_parquet("
                                        + archive
                                        + ") WHERE received_at < DATE '"
                                        + from
                                        + "')";
                s.execute(
                        "COPY (SELECT * FROM read_parquet('"
                                + sql(old)
                                + "/*/*.parquet', hive_partitioning = true,"
                                + " hive_types = {'date': DATE}, union_by_name = true)"
                                + " WHERE "
                                + earlier
                                + ") TO '"
                                + sql(target)
                                + "' (FORMAT parquet, PARTITION_BY (date),"
                                + " FILENAME_PATTERN 'kept-{i}', OVERWRITE_OR_IGNORE)");
            }
        }
    }

    /** Moves each old table aside, the rebuilt one in, then deletes the old ones. */
    private static void swap(Path root, Path staging, Path aside) throws IOException {
        Files.createDirectories(aside);
        for (TableSchema t : derivedTables()) {
            Path current = root.resolve(t.name());
            if (Files.exists(current)) {
                Files.move(current, aside.resolve(t.name()), StandardCopyOption.ATOMIC_MOVE);
            }
            Path rebuilt = staging.resolve(t.name());
            if (Files.exists(rebuilt)) {
                Files.move(rebuilt, current, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        deleteTree(staging);
        deleteTree(aside);
    }

    private static List<TableSchema> derivedTables() {
        return Tables.ALL.stream().filter(t -> t != Tables.EVENTS_RAW).toList();
    }

    private static boolean hasParquet(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String sql(Path p) {
        return p.toAbsolutePath().toString().replace("'", "''");
    }
}
