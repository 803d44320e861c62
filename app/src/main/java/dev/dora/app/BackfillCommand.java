package dev.dora.app;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dora backfill [--from DATE]}: rebuilds the fact tables from the raw archive. */
@Command(
        name = "backfill",
        mixinStandardHelpOptions = true,
        description =
                "Rebuild every table derived from the raw archive (stop `dora up` on the same data"
                        + " first).")
final class BackfillCommand implements Callable<Integer> {
    @Option(
            names = "--from",
            description = "Only envelopes received from this day on (YYYY-MM-DD); default all.")
    LocalDate from;

    @Option(names = "--data", description = "Data directory (default ./data).")
    Path data;

    @Option(names = "--config", description = "Configuration file (dora.yaml).")
    Path config;

    @Override
    public Integer call() throws Exception {
        Path file = config;
        if (file == null && Path.of("dora.yaml").toFile().isFile()) {
            file = Path.of("dora.yaml");
        }
        DoraConfig cfg = DoraConfig.load(file, System.getenv(), null, data);
        try {
            Backfill.run(cfg, from, System.out);
            return 0;
        } catch (IllegalStateException e) {
            System.err.println("dora: " + e.getMessage());
            return 1;
        }
    }
}
