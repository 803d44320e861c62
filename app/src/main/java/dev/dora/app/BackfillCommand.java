package dev.dora.app;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        DoraConfig cfg = options.load();
        try {
            Backfill.run(cfg, from, System.out);
            return 0;
        } catch (IllegalStateException e) {
            System.err.println("dora: " + e.getMessage());
            return 1;
        }
    }
}
