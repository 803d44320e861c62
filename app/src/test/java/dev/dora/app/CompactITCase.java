package dev.dora.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dora compact} on the real stack's files: the timeline of {@link DoraTimelineITCase} is
 * delivered in two halves (so partitions hold files of several checkpoints), the pipeline stopped,
 * the warehouse compacted with no minimum age, and the pipeline started again from its checkpoint:
 * every answer is the same, with one file per partition.
 */
class CompactITCase {
    private static final String PERIOD = "from=2026-03-01&to=2026-03-07";
    private static final List<String> PATHS =
            List.of(
                    "/api/v1/dora?" + PERIOD,
                    "/api/v1/dora?" + PERIOD + "&service=acme/shop",
                    "/api/v1/dora/trend?" + PERIOD + "&bucket=day",
                    "/api/v1/dora/trend?" + PERIOD + "&bucket=week",
                    "/api/v1/deployments?" + PERIOD,
                    "/api/v1/incidents?" + PERIOD);

    @TempDir Path tmp;

    @Test
    void compactedWarehouseGivesTheSameAnswersFromFewerFiles() throws Exception {
        Path data = tmp.resolve("data");
        List<DoraTimelineITCase.Delivery> timeline = DoraTimelineITCase.timeline();
        Map<String, JsonNode> before = new LinkedHashMap<>();
        try (RunningDora dora = new RunningDora(data)) {
            for (DoraTimelineITCase.Delivery d : timeline.subList(0, timeline.size() / 2)) {
                d.send(dora);
            }
            awaitFiles(data.resolve("warehouse/events_raw"));
            for (DoraTimelineITCase.Delivery d :
                    timeline.subList(timeline.size() / 2, timeline.size())) {
                d.send(dora);
            }
            dora.awaitTimeline();
            awaitArchived(dora, timeline.size());
            for (String p : PATHS) {
                before.put(p, dora.get(p));
            }
            assertThatThrownBy(() -> CompactCommand.run(config(data), System.out))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another dora process");
        }
        Map<Path, Integer> filesBefore = filesPerPartition(data.resolve("warehouse"));
        assertThat(filesBefore.values()).anyMatch(n -> n > 1);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var result = CompactCommand.run(config(data), new PrintStream(out, true, "UTF-8"));

        Map<Path, Integer> filesAfter = filesPerPartition(data.resolve("warehouse"));
        assertThat(filesAfter.keySet()).isEqualTo(filesBefore.keySet());
        assertThat(filesAfter.values()).containsOnly(1);
        int total = filesBefore.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(result.filesBefore()).isEqualTo(total);
        assertThat(result.filesAfter()).isEqualTo(filesAfter.size());
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("compaction: " + total + " -> " + filesAfter.size() + " Parquet files");
        try (RunningDora dora = new RunningDora(data)) {
            awaitArchived(dora, timeline.size()); // nothing re-committed twice on recovery
            for (String p : PATHS) {
                assertThat(dora.get(p)).as(p).isEqualTo(before.get(p));
            }
        }
    }

    /** Waits for the first committed archive file: the next deliveries land in later files. */
    private static void awaitFiles(Path dir) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (filesPerPartition(dir).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no archive file committed in 60 s");
            }
            Thread.sleep(100);
        }
    }

    private static void awaitArchived(RunningDora dora, int deliveries) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!dora.runtime
                .warehouse()
                .rows("SELECT count(*) FROM events_raw")
                .equals(List.of(List.of((long) deliveries)))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the archive never held " + deliveries + " envelopes");
            }
            Thread.sleep(100);
        }
    }

    private static Map<Path, Integer> filesPerPartition(Path dir) throws Exception {
        Map<Path, Integer> n = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return n;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(f -> f.getFileName().toString().matches("[^._].*\\.parquet"))
                    .forEach(f -> n.merge(dir.relativize(f.getParent()), 1, Integer::sum));
        }
        return n;
    }

    private static DoraConfig config(Path data) throws Exception {
        Path yaml = data.resolveSibling("compact.yaml");
        Files.writeString(yaml, "warehouse:\n  compaction_min_age: 0\n");
        return DoraConfig.load(yaml, Map.of(), null, data);
    }
}
