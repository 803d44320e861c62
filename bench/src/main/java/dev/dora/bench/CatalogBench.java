package dev.dora.bench;

import dev.dora.events.tables.Tables;
import dev.dora.warehouse.Period;
import dev.dora.warehouse.Scope;
import dev.dora.warehouse.Warehouse;
import dev.dora.warehouse.WarehouseConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What mapping every event to a catalog service costs (issue 7): over the warehouse {@link
 * WarehouseGenerator} writes (one file per table and day), the derivation and {@code summary} are
 * timed first without a catalog, then, in the same process on the same facts, with a catalog in
 * which every service is a catalog service of another name claiming its repository, owned by one of
 * {@code --teams} teams (so every change, deployment and incident goes through the claim lookup).
 * Reported as ratios with-catalog ÷ without-catalog, with the embedded DuckDB caps (256 MB, one
 * thread).
 *
 * <p>Usage: {@code CatalogBench --dir DIR [--services 1000] [--days 365] [--teams 50] [--samples
 * 30]}. The generated warehouse under DIR is reused when it exists; the catalog file is removed at
 * the start, so every run measures both phases.
 */
public final class CatalogBench {
    private CatalogBench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = WarehouseBench.options(args);
        Path dir = Path.of(opt.getOrDefault("--dir", "target/bench-catalog"));
        int services = Integer.parseInt(opt.getOrDefault("--services", "1000"));
        int days = Integer.parseInt(opt.getOrDefault("--days", "365"));
        int teams = Integer.parseInt(opt.getOrDefault("--teams", "50"));
        int samples = Integer.parseInt(opt.getOrDefault("--samples", "30"));
        Path root = dir.resolve("warehouse");
        WarehouseGenerator.unlessPresent(root, services, days, 1);
        Path catalog = root.resolve(Tables.CATALOG_SERVICES.name());
        deleteTree(catalog);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Period quarter = new Period(today.minusDays(89), today);
        Scope team = new Scope(null, "team-07", null);
        try (Warehouse warehouse =
                new Warehouse(new WarehouseConfig(root, dir.resolve("tmp"), "256MB", 1))) {
            long without = millis(() -> warehouse.summary(quarter));
            long[] summaryWithout = sample(samples, () -> warehouse.summary(quarter));

            writeCatalog(catalog, services, teams, today.minusDays(days + 1L));
            long with = millis(() -> warehouse.summary(quarter));
            long[] summaryWith = sample(samples, () -> warehouse.summary(quarter));
            long[] teamWith = sample(samples, () -> warehouse.summary(quarter, team));
            long teamDeployments = warehouse.summary(quarter, team).deployments();
            long all = warehouse.summary(quarter).deployments();

            System.out.printf(
                    "services %d, days %d, teams %d; 90-day deployments %d, of team-07 %d%n",
                    services, days, teams, all, teamDeployments);
            System.out.println("| what | without catalog | with catalog | ratio |");
            System.out.println("|---|---|---|---|");
            System.out.printf(
                    "| derivation (first query after the files changed) | %,d ms | %,d ms | %.2f |%n",
                    without, with, (double) with / without);
            System.out.printf(
                    "| `summary` 90 days, p50 / p95 ms | %s | %s | %.2f |%n",
                    row(summaryWithout),
                    row(summaryWith),
                    WarehouseBench.pct(summaryWith, 95) / WarehouseBench.pct(summaryWithout, 95));
            System.out.printf(
                    "| `summary` 90 days `team=team-07`, p50 / p95 ms | — | %s | %.2f of the"
                            + " overall p95 |%n",
                    row(teamWith),
                    WarehouseBench.pct(teamWith, 95) / WarehouseBench.pct(summaryWith, 95));
        }
    }

    /**
     * One import, taken before the first event: service-NNNN claims the repository svc-NNNN and
     * belongs to team-(NNNN mod teams).
     */
    private static void writeCatalog(Path dir, int services, int teams, LocalDate importedOn)
            throws Exception {
        Path partition = dir.resolve("date=" + importedOn);
        Files.createDirectories(partition);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("import_id", "'bench-import'");
        values.put("imported_at", "TIMESTAMP '" + importedOn + " 00:00:00'");
        values.put("service", "'service-' || lpad(range::VARCHAR, 4, '0')");
        values.put("team", "'team-' || lpad((range % " + teams + ")::VARCHAR, 2, '0')");
        values.put("github_repos", "'svc-' || lpad(range::VARCHAR, 4, '0')");
        values.put("event_id", "'catalog-bench-import'");
        String select =
                Tables.CATALOG_SERVICES.columns().stream()
                        .map(
                                c ->
                                        "CAST("
                                                + values.getOrDefault(c.name(), "NULL")
                                                + " AS "
                                                + Warehouse.duckType(c)
                                                + ") AS "
                                                + c.name())
                        .collect(Collectors.joining(", "));
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = duck.createStatement()) {
            s.execute(
                    "COPY (SELECT "
                            + select
                            + " FROM range("
                            + services
                            + ")) TO '"
                            + partition.resolve("part-0.parquet")
                            + "' (FORMAT parquet)");
        }
    }

    private static long millis(Supplier<?> call) {
        long t0 = System.nanoTime();
        call.get();
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static long[] sample(int n, Supplier<?> call) {
        for (int w = 0; w < 5; w++) {
            call.get();
        }
        long[] micros = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            call.get();
            micros[i] = (System.nanoTime() - t0) / 1000;
        }
        return micros;
    }

    private static String row(long[] micros) {
        return String.format(
                "%.1f / %.1f", WarehouseBench.pct(micros, 50), WarehouseBench.pct(micros, 95));
    }

    private static void deleteTree(Path p) throws Exception {
        if (Files.exists(p)) {
            try (var all = Files.walk(p)) {
                for (Path f : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }
}
