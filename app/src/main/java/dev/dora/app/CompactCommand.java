package dev.dora.app;

import dev.dora.warehouse.Warehouse;
import dev.dora.warehouse.compaction.CompactionResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dora compact}: compacts the warehouse of a stopped data directory once. */
@Command(
        name = "compact",
        mixinStandardHelpOptions = true,
        description =
                "Rewrite the warehouse's small Parquet files into one per table and day, drop"
                        + " superseded versions and apply warehouse.raw_retention (`dora up` does"
                        + " this by itself every warehouse.compaction_interval; stop it on the same"
                        + " data first).")
final class CompactCommand implements Callable<Integer> {
    @Option(names = "--data", description = "Data directory (default ./data).")
    Path data;

    @Option(names = "--config", description = "Configuration file (dora.yaml).")
    Path config;

    @Override
    public Integer call() {
        Path file = config;
        if (file == null && Path.of("dora.yaml").toFile().isFile()) {
            file = Path.of("dora.yaml");
        }
        DoraConfig cfg = DoraConfig.load(file, System.getenv(), null, data);
        try {
            run(cfg, System.out);
            return 0;
        } catch (IllegalStateException e) {
            System.err.println("dora: " + e.getMessage());
            return 1;
        }
    }

    /** Compacts under the data directory's lock, so never beside a running {@code dora up}. */
    static CompactionResult run(DoraConfig config, PrintStream out) {
        try (DataDirLock lock = DataDirLock.acquire(config.dataDir(), "compacting");
                Warehouse warehouse = new Warehouse(EmbeddedRuntime.warehouseConfig(config))) {
            CompactionResult result = warehouse.compact(config.compactionSettings(), Instant.now());
            out.println(result.summary());
            return result;
        }
    }
}
