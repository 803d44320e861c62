package dev.dora.app;

import dev.dora.jobs.DoraJob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.PipelineOptionsInternal;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.RecoveryClaimMode;
import org.apache.flink.state.rocksdb.RocksDBOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the DORA job on a Flink MiniCluster in this JVM. Checkpoints go to {@code
 * <data>/checkpoints} under a fixed job id and are kept on cancel, so the next start restores the
 * latest one: Kafka offsets, keyed state and pending Parquet files together, hence no event is lost
 * or counted twice across restarts. Sizes follow STACK.md (2 slots, small managed and network
 * memory); Flink's temp files stay under {@code <data>/tmp/flink}.
 */
final class EmbeddedFlink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedFlink.class);

    /** Fixed so that checkpoints of every run live in one folder. */
    static final String JOB_ID = "d0ea00000000000000000000000000a1";

    private final JobClient client;

    private EmbeddedFlink(JobClient client) {
        this.client = client;
    }

    static EmbeddedFlink start(
            DoraJob job, Path checkpoints, Path tmp, Duration checkpointInterval, int parallelism) {
        try {
            Files.createDirectories(checkpoints);
            clean(tmp);
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, checkpointInterval);
        conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        conf.set(
                CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        conf.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, 2);
        // The dedupe and push-chain state lives for days and grows with traffic; a heap backend
        // would write all of it on every 2 s checkpoint. RocksDB with incremental checkpoints
        // writes only what changed since the last one.
        conf.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
        conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        conf.set(
                RocksDBOptions.LOCAL_DIRECTORIES,
                tmp.resolve("rocksdb").toAbsolutePath().toString());
        conf.set(PipelineOptionsInternal.PIPELINE_FIXED_JOB_ID, JOB_ID);
        conf.set(CoreOptions.TMP_DIRS, tmp.toAbsolutePath().toString());
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, Math.max(2, parallelism));
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("64m"));
        conf.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.parse("32m"));
        conf.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.parse("32m"));
        conf.set(RestOptions.BIND_PORT, "0");
        conf.set(
                org.apache.flink.configuration.WebOptions.TMP_DIR, tmp.toAbsolutePath().toString());
        conf.set(
                org.apache.flink.configuration.WebOptions.UPLOAD_DIR,
                tmp.toAbsolutePath().toString());
        Optional<Path> latest = latestCheckpoint(checkpoints.resolve(JOB_ID));
        latest.ifPresent(
                p -> {
                    LOG.info("restoring the job from {}", p);
                    conf.set(StateRecoveryOptions.SAVEPOINT_PATH, p.toUri().toString());
                    // State of an operator a newer version no longer has is dropped, not fatal.
                    conf.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, true);
                    conf.set(StateRecoveryOptions.RESTORE_MODE, RecoveryClaimMode.CLAIM);
                });
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
        job.build(env);
        try {
            return new EmbeddedFlink(env.executeAsync("dora"));
        } catch (Exception e) {
            throw new IllegalStateException("the Flink job did not start: " + e.getMessage(), e);
        }
    }

    /** The newest complete checkpoint ({@code chk-N} with its {@code _metadata}), if any. */
    static Optional<Path> latestCheckpoint(Path jobDir) {
        if (!Files.isDirectory(jobDir)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(jobDir)) {
            return dirs.filter(d -> d.getFileName().toString().matches("chk-\\d+"))
                    .filter(d -> Files.exists(d.resolve("_metadata")))
                    .max(Comparator.comparingLong(EmbeddedFlink::checkpointNumber));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long checkpointNumber(Path dir) {
        return Long.parseLong(dir.getFileName().toString().substring(4));
    }

    private static void clean(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public void close() {
        try {
            client.cancel().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("the Flink job did not cancel cleanly: {}", e.toString());
        }
    }
}
