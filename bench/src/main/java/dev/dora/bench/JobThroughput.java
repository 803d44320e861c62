package dev.dora.bench;

import dev.dora.events.RawEnvelope;
import dev.dora.events.tables.Tables;
import dev.dora.jobs.DoraJob;
import dev.dora.jobs.JobSettings;
import dev.dora.jobs.ParseEnvelopes;
import dev.dora.jobs.RawRows;
import dev.dora.jobs.StreamingMain;
import dev.dora.jobs.facts.RawRow;
import dev.dora.jobs.parquet.ParquetTableSink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Replays N generated raw envelopes (half pushes, 40 % deployment statuses, 10 % merged pull
 * requests, 1 % redeliveries) through the DORA job and, in the same invocation, through a
 * pass-through job that only parses and writes the raw archive; both on a local MiniCluster with
 * the embedded runtime's settings (RocksDB, incremental checkpoints every 2 s, Parquet output).
 * Prints events/s of each and their ratio.
 *
 * <p>Usage: {@code JobThroughput [EVENTS] [ROUNDS]}.
 */
public final class JobThroughput {
    private JobThroughput() {}

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        double passSum = 0;
        double doraSum = 0;
        for (int r = 1; r <= rounds; r++) {
            double pass = run("pass-through", events, true);
            double dora = run("DORA job", events, false);
            System.out.printf(
                    "round %d: pass-through %.0f events/s, DORA job %.0f events/s, ratio %.2f%n",
                    r, pass, dora, dora / pass);
            passSum += pass;
            doraSum += dora;
        }
        System.out.printf(
                "ratio (DORA job / pass-through, %d events, mean of %d rounds): %.2f%n",
                events, rounds, doraSum / passSum);
    }

    private static double run(String name, long events, boolean passThrough) throws Exception {
        Path out = Files.createTempDirectory("dora-throughput-");
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofSeconds(2));
        conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        conf.set(
                CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                out.resolve("checkpoints").toUri().toString());
        conf.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
        conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("64m"));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(1);
        DataGeneratorSource<RawEnvelope> source =
                new DataGeneratorSource<>(
                        (GeneratorFunction<Long, RawEnvelope>) JobThroughput::envelope,
                        events,
                        TypeInformation.of(RawEnvelope.class));
        String warehouse = out.resolve("warehouse").toString();
        if (passThrough) {
            var envelopes = env.fromSource(source, WatermarkStrategy.noWatermarks(), "generated");
            envelopes
                    .map(RawRows::of)
                    .returns(TypeInformation.of(RawRow.class))
                    .sinkTo(ParquetTableSink.create(warehouse, Tables.EVENTS_RAW, RawRow.class));
            envelopes
                    .process(new ParseEnvelopes(JobSettings.defaults().parsers()))
                    .sinkTo(new DiscardingSink<>());
        } else {
            DoraJob job =
                    new DoraJob(
                            source,
                            WatermarkStrategy.noWatermarks(),
                            StreamingMain.sinks(warehouse),
                            JobSettings.defaults());
            job.build(env);
        }
        long start = System.nanoTime();
        env.execute(name);
        double seconds = (System.nanoTime() - start) / 1e9;
        return events / seconds;
    }

    /** The i-th generated envelope; every hundredth repeats the previous delivery. */
    static RawEnvelope envelope(long i) {
        long n = i % 100 == 99 ? i - 1 : i;
        String repo = "acme/service-" + (n % 20);
        Instant at = Instant.parse("2026-03-01T00:00:00Z").plusSeconds(n * 10);
        String sha = String.format("%040x", n);
        String before = String.format("%040x", Math.max(0, n - 20));
        int kind = (int) (n % 10);
        String type;
        String body;
        if (kind < 5) {
            type = "push";
            body =
                    "{\"ref\":\"refs/heads/main\",\"before\":\""
                            + before
                            + "\",\"after\":\""
                            + sha
                            + "\",\"commits\":[{\"id\":\""
                            + sha
                            + "\",\"timestamp\":\""
                            + at
                            + "\"}],\"repository\":{\"full_name\":\""
                            + repo
                            + "\",\"default_branch\":\"main\"}}";
        } else if (kind < 9) {
            type = "deployment_status";
            body =
                    "{\"action\":\"created\",\"deployment_status\":{\"id\":"
                            + n
                            + ",\"state\":\""
                            + (kind == 8 ? "in_progress" : "success")
                            + "\",\"environment\":\"production\",\"created_at\":\""
                            + at
                            + "\"},\"deployment\":{\"id\":"
                            + n
                            + ",\"sha\":\""
                            + before
                            + "\",\"ref\":\"main\",\"environment\":\"production\","
                            + "\"created_at\":\""
                            + at
                            + "\"},\"repository\":{\"full_name\":\""
                            + repo
                            + "\",\"default_branch\":\"main\"}}";
        } else {
            type = "pull_request";
            body =
                    "{\"action\":\"closed\",\"number\":"
                            + n
                            + ",\"pull_request\":{\"number\":"
                            + n
                            + ",\"merged\":true,\"merge_commit_sha\":\""
                            + sha
                            + "\",\"created_at\":\""
                            + at
                            + "\",\"merged_at\":\""
                            + at
                            + "\",\"head\":{\"ref\":\"f-"
                            + n
                            + "\",\"sha\":\""
                            + sha
                            + "\"},\"base\":{\"ref\":\"main\"}},\"repository\":{\"full_name\":\""
                            + repo
                            + "\",\"default_branch\":\"main\"}}";
        }
        return new RawEnvelope(
                "evt-" + i,
                "github",
                type,
                "delivery-" + n,
                at,
                Map.of(),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
