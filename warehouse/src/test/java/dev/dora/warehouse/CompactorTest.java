package dev.dora.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dora.events.tables.TableSchema;
import dev.dora.events.tables.Tables;
import dev.dora.warehouse.compaction.CompactionResult;
import dev.dora.warehouse.compaction.CompactionSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compaction of the worked example of METRICS.md, written as the sink would leave it: one small
 * file per row in its date partition, every row twice (a redelivery), and an older, contradicting
 * version of every versioned row. Every answer of the warehouse is the same after compaction.
 */
class CompactorTest {
    private static final Period WEEK =
            new Period(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-07"));
    // Files are dated by hand; "now" is fixed, so nothing depends on the wall clock.
    private static final Instant WRITTEN = Instant.parse("2026-03-10T00:00:00Z");
    private static final Instant NOW = WRITTEN.plus(Duration.ofHours(1));
    private static final CompactionSettings TEN_MINUTES =
            new CompactionSettings(Duration.ofMinutes(10), null);

    @TempDir Path root;
    @TempDir Path spill;
    private WarehouseFixtures tables;
    private Warehouse warehouse;
    private int staleRows;

    @BeforeEach
    void open() throws Exception {
        tables = new WarehouseFixtures(root);
        WarehouseTest.workedExample(tables);
        for (String day : List.of("2026-03-02", "2026-03-03", "2026-03-04")) {
            tables.raw("raw-" + day + "-a", day + "T10:00:00Z");
            tables.raw("raw-" + day + "-b", day + "T11:00:00Z");
        }
        List<Map.Entry<TableSchema, Map<String, Object>>> rows = new ArrayList<>();
        tables.pending().forEach((t, list) -> list.forEach(r -> rows.add(Map.entry(t, r))));
        tables.pending().clear();
        for (var e : List.copyOf(rows)) {
            rows.add(e); // a redelivery: the same row again, in a file of its own
            if (e.getKey().versioned()) {
                Map<String, Object> stale = new LinkedHashMap<>(e.getValue());
                stale.put("version", (Long) stale.get("version") - 1);
                stale.put("event_id", "stale-" + stale.get("event_id"));
                stale.computeIfPresent("status", (k, v) -> "failure"); // would change answers
                rows.add(Map.entry(e.getKey(), stale));
                staleRows++;
            }
        }
        for (var e : rows) {
            tables.pending().computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
            tables.write();
        }
        for (Path f : parquetFiles()) {
            Files.setLastModifiedTime(f, FileTime.from(WRITTEN));
        }
        warehouse = new Warehouse(new WarehouseConfig(root, spill, "128MB", 1));
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    @Test
    void everyAnswerIsTheSameWithOneFilePerPartitionAndNoSupersededVersions() throws Exception {
        Map<String, Object> before = answers();
        Map<String, Long> rowsBefore = rowCounts();
        int filesBefore = parquetFiles().size();
        // Of a versioned table only the newest version of each key is left, twice (redelivered).
        Map<String, Long> expectedRows = new TreeMap<>(rowsBefore);
        long superseded = 0;
        for (TableSchema t : Tables.ALL) {
            if (t.versioned()) {
                long latest = rowsBefore.get(t.name() + "_latest");
                expectedRows.put(t.name(), 2 * latest);
                superseded += rowsBefore.get(t.name()) - 2 * latest;
            }
        }
        assertThat(superseded).isGreaterThan(staleRows); // the stale copies and older statuses

        CompactionResult result = warehouse.compact(TEN_MINUTES, NOW);

        assertThat(answers()).isEqualTo(before);
        assertThat(rowCounts()).isEqualTo(expectedRows);
        assertThat(warehouse.rows("SELECT count(*) FROM deployments WHERE event_id LIKE 'stale-%'"))
                .containsExactly(List.of(0L));
        assertThat(filesPerPartition().values()).containsOnly(1);
        assertThat(result.filesBefore()).isEqualTo(filesBefore);
        assertThat(result.filesAfter()).isEqualTo(filesPerPartition().size());
        assertThat(result.partitionsRewritten()).isEqualTo(filesPerPartition().size());
        assertThat(result.supersededRows()).isEqualTo(superseded);
        assertThat(result.expiredPartitions()).isZero();

        // A second run finds nothing to do.
        CompactionResult again = warehouse.compact(TEN_MINUTES, NOW);
        assertThat(again.partitionsRewritten()).isZero();
        assertThat(again.filesAfter()).isEqualTo(result.filesAfter());
        assertThat(answers()).isEqualTo(before);
    }

    @Test
    void youngFilesAndInProgressFilesAreLeftAlone() throws Exception {
        Map<String, Object> before = answers();
        Path partition = root.resolve("deployments/date=2026-03-02");
        List<Path> files = committed(partition);
        Path young = files.get(0);
        Files.setLastModifiedTime(young, FileTime.from(NOW.minus(Duration.ofMinutes(9))));
        byte[] youngBytes = Files.readAllBytes(young);
        Path inProgress = partition.resolve(".part-0-7.parquet.inprogress.5b1c");
        Files.write(inProgress, new byte[] {1, 2, 3});
        Path underscore = partition.resolve("_SUCCESS");
        Files.write(underscore, new byte[0]);

        warehouse.compact(TEN_MINUTES, NOW);

        assertThat(answers()).isEqualTo(before);
        assertThat(Files.readAllBytes(young)).isEqualTo(youngBytes);
        assertThat(Files.readAllBytes(inProgress)).containsExactly(1, 2, 3);
        assertThat(underscore).exists();
        List<Path> after = committed(partition);
        assertThat(after).hasSize(2).contains(young);
        assertThat(after.stream().map(p -> p.getFileName().toString()))
                .filteredOn(n -> n.startsWith("compacted-"))
                .hasSize(1);
    }

    @Test
    void retentionDropsOnlyRawPartitionsOlderThanItsCutOff() throws Exception {
        Map<String, Object> before = answers();
        // 2026-03-10T01:00 minus 7 days is 2026-03-03T01:00: 2026-03-02 is the only older day.
        CompactionResult result =
                warehouse.compact(
                        new CompactionSettings(Duration.ofMinutes(10), Duration.ofDays(7)), NOW);

        assertThat(result.expiredPartitions()).isEqualTo(1);
        assertThat(partitionsOf(Tables.EVENTS_RAW))
                .containsExactly("date=2026-03-03", "date=2026-03-04");
        assertThat(warehouse.rows("SELECT event_id FROM events_raw ORDER BY event_id"))
                .containsExactly(
                        List.of("raw-2026-03-03-a"), List.of("raw-2026-03-03-a"),
                        List.of("raw-2026-03-03-b"), List.of("raw-2026-03-03-b"),
                        List.of("raw-2026-03-04-a"), List.of("raw-2026-03-04-a"),
                        List.of("raw-2026-03-04-b"), List.of("raw-2026-03-04-b"));
        // The facts are not the archive's to expire: every metric is unchanged.
        assertThat(answers()).isEqualTo(before);
        assertThat(partitionsOf(Tables.DEPLOYMENTS)).contains("date=2026-03-02");
    }

    @Test
    void retentionOfTheWholeArchiveLeavesAnEmptyReadableTable() throws Exception {
        warehouse.compact(new CompactionSettings(Duration.ZERO, Duration.ofDays(1)), NOW);

        assertThat(partitionsOf(Tables.EVENTS_RAW)).isEmpty();
        assertThat(warehouse.rows("SELECT count(*) FROM events_raw")).containsExactly(List.of(0L));
    }

    /** Every public answer of the warehouse on the worked example's week. */
    private Map<String, Object> answers() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("summary", warehouse.summary(WEEK));
        a.put("summary shop", warehouse.summary(WEEK, new Scope("shop", null, null)));
        a.put("summary search", warehouse.summary(WEEK, new Scope("search", null, null)));
        a.put("summary staging", warehouse.summary(WEEK, new Scope(null, null, "staging")));
        a.put("trend day", warehouse.trend(WEEK, Bucket.DAY));
        a.put("trend week", warehouse.trend(WEEK, Bucket.WEEK));
        a.put("trend day shop", warehouse.trend(WEEK, Bucket.DAY, new Scope("shop", null, null)));
        a.put("deployments", warehouse.deployments(WEEK, Scope.ALL));
        a.put("incidents", warehouse.incidents(WEEK, Scope.ALL));
        for (TableSchema t : Tables.ALL) {
            if (t.versioned()) {
                // The view, not the resolved table: that one adds teams (a SQL array, which has
                // no equals) and resolution does not depend on files anyway.
                a.put(t.name() + "_latest", warehouse.rows(sortedRows(t.name() + "_latest_view")));
            }
        }
        return a;
    }

    private static String sortedRows(String view) {
        return "SELECT * FROM " + view + " ORDER BY ALL";
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (TableSchema t : Tables.ALL) {
            counts.put(t.name(), count(t.name()));
            if (t.versioned()) {
                counts.put(t.name() + "_latest", count(t.name() + "_latest"));
            }
        }
        return counts;
    }

    private long count(String view) {
        return (Long) warehouse.rows("SELECT count(*) FROM " + view).get(0).get(0);
    }

    private List<Path> parquetFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".parquet")).toList();
        }
    }

    private Map<Path, Integer> filesPerPartition() throws IOException {
        Map<Path, Integer> n = new TreeMap<>();
        for (Path f : parquetFiles()) {
            n.merge(f.getParent(), 1, Integer::sum);
        }
        return n;
    }

    private static List<Path> committed(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("[^._].*\\.parquet"))
                    .sorted()
                    .toList();
        }
    }

    private List<String> partitionsOf(TableSchema t) throws IOException {
        Path dir = root.resolve(t.name());
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(dir)) {
            return dirs.map(d -> d.getFileName().toString()).sorted().toList();
        }
    }
}
