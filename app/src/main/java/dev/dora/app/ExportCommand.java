package dev.dora.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dora.surveys.Surveys;
import dev.dora.surveys.results.ResultsFile;
import dev.dora.warehouse.Export;
import dev.dora.warehouse.Period;
import dev.dora.warehouse.Scope;
import dev.dora.warehouse.Warehouse;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dora export DATASET --format csv|json|parquet [filters] [-o FILE]}: the same files as
 * {@code GET /api/v1/export/...}, read from the data directory's warehouse (also while {@code dora
 * up} runs: it only reads committed Parquet files).
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description =
                "Export deployments, changes, incidents, the weekly summary or a survey's"
                        + " results.")
final class ExportCommand implements Callable<Integer> {
    @Parameters(
            paramLabel = "DATASET",
            description = "deployments, changes, incidents, summary or survey-results.")
    String dataset;

    @Option(names = "--survey", description = "The survey, for survey-results.")
    String survey;

    @Option(names = "--format", required = true, description = "csv, json or parquet.")
    String format;

    @Option(names = "--from", description = "First day, YYYY-MM-DD (default: 90 days back).")
    LocalDate from;

    @Option(names = "--to", description = "Last day, included (default: today, UTC).")
    LocalDate to;

    @Option(names = "--service", description = "Only this service.")
    String service;

    @Option(names = "--team", description = "Only this team's services.")
    String team;

    @Option(names = "--environment", description = "This environment instead of production.")
    String environment;

    @Option(
            names = {"-o", "--output"},
            description = "Write to this file (default: standard output).")
    Path output;

    @Mixin ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        if (dataset.equals("survey-results")) {
            return surveyResults();
        }
        Export.Dataset d;
        Export.Format f;
        Period period;
        try {
            d = Export.Dataset.parse(dataset);
            f = Export.Format.parse(format);
            LocalDate last = to == null ? LocalDate.now(ZoneOffset.UTC) : to;
            period = new Period(from == null ? last.minusDays(89) : from, last);
        } catch (IllegalArgumentException e) {
            System.err.println("dora: " + e.getMessage());
            return 2;
        }
        DoraConfig cfg = options.load();
        Scope scope = new Scope(service, team, environment);
        try (Warehouse warehouse = new Warehouse(EmbeddedRuntime.warehouseConfig(cfg, "export"))) {
            if (output == null) {
                warehouse.export(d, f, period, scope, System.out);
                System.out.flush();
            } else {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(output))) {
                    warehouse.export(d, f, period, scope, out);
                }
                System.err.println("dora: wrote " + output);
            }
        }
        return 0;
    }

    /** {@code survey-results --survey ID}: the API's results, suppression applied. */
    private int surveyResults() throws Exception {
        try {
            ResultsFile.check(format);
            if (survey == null) {
                throw new IllegalArgumentException("survey-results needs --survey ID");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("dora: " + e.getMessage());
            return 2;
        }
        DoraConfig cfg = options.load();
        try (Warehouse warehouse = new Warehouse(EmbeddedRuntime.warehouseConfig(cfg, "export"))) {
            // No publisher: this process only reads surveys and their responses.
            Surveys surveys =
                    new Surveys(
                            cfg.dataDir().resolve("surveys"),
                            warehouse,
                            null,
                            cfg.surveyMinGroupSize(),
                            Clock.systemUTC());
            if (surveys.survey(survey).isEmpty()) {
                System.err.println("dora: no survey '" + survey + "' in " + cfg.dataDir());
                return 2;
            }
            JsonNode results = surveys.results(survey);
            if (output == null) {
                ResultsFile.write(results, format, System.out);
                System.out.flush();
            } else {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(output))) {
                    ResultsFile.write(results, format, out);
                }
                System.err.println("dora: wrote " + output);
            }
        }
        return 0;
    }
}
