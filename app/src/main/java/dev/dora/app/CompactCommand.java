package dev.dora.app;

import dev.dora.warehouse.Warehouse;
import dev.dora.warehouse.compaction.CompactionResult;
import java.io.PrintStream;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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
    @Mixin ConfigOptions options;

    @Override
    public Integer call() {
        DoraConfig cfg = options.load();
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
