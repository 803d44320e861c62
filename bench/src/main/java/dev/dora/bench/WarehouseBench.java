package dev.dora.bench;

import dev.dora.dashboard.DashboardApp;
import dev.dora.dashboard.DashboardConfig;
import dev.dora.events.tables.TableSchema;
import dev.dora.events.tables.Tables;
import dev.dora.warehouse.Warehouse;
import dev.dora.warehouse.WarehouseConfig;
import dev.dora.warehouse.compaction.CompactionResult;
import dev.dora.warehouse.compaction.CompactionSettings;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Query latency of the dashboard over a year of a large organisation, before and after compaction,
 * in one invocation: generates the warehouse ({@link WarehouseGenerator}) unless it exists, starts
 * the real {@link DashboardApp} over a {@link Warehouse} with the embedded caps (256MB, 1 thread)
 * on 127.0.0.1, and measures the overview page's API calls against {@code GET /health} in the same
 * run: a warm-up, then the calls interleaved, each {@code samples} times.
 *
 * <p>Usage: {@code WarehouseBench --dir DIR [--services 1000] [--days 365] [--files 24] [--samples
 * 200]}.
 */
public final class WarehouseBench {
    private static final String TOKEN = "bench-admin-token-0123456789";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        Path dir = Path.of(opt.getOrDefault("--dir", "target/bench-warehouse"));
        int services = Integer.parseInt(opt.getOrDefault("--services", "1000"));
        int days = Integer.parseInt(opt.getOrDefault("--days", "365"));
        int files = Integer.parseInt(opt.getOrDefault("--files", "24"));
        int samples = Integer.parseInt(opt.getOrDefault("--samples", "200"));
        // --after-only true: compact first and measure once (the full-scale run, where every
        // derivation of the uncompacted files costs minutes).
        boolean afterOnly = Boolean.parseBoolean(opt.getOrDefault("--after-only", "false"));
        Path root = dir.resolve("warehouse");
        WarehouseGenerator.unlessPresent(root, services, days, files);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String year = "from=" + today.minusDays(days - 1L) + "&to=" + today;
        List<String> calls =
                List.of(
                        "/health",
                        "/api/v1/dora",
                        "/api/v1/dora/trend?bucket=day",
                        "/api/v1/dora/trend?bucket=week",
                        "/api/v1/dora?" + year,
                        "/api/v1/dora/trend?bucket=day&" + year,
                        "/api/v1/dora/trend?bucket=week&" + year,
                        "/api/v1/dora?service=svc-0001",
                        "/api/v1/dora/trend?bucket=day&service=svc-0001",
                        "/api/v1/dora/trend?bucket=week&service=svc-0001");
        WarehouseConfig config =
                new WarehouseConfig(root, dir.resolve("tmp"), "256MB", 1); // the embedded caps
        try (Warehouse warehouse = new Warehouse(config)) {
            Javalin app =
                    DashboardApp.create(
                            new DashboardConfig(
                                    TOKEN, dir.resolve("tokens.json"), Duration.ofHours(1), false),
                            warehouse);
            app.start("127.0.0.1", 0);
            String base = "http://127.0.0.1:" + app.port();
            try {
                Map<String, Long> before = fileCounts(root);
                System.out.println("files before: " + before);
                System.out.printf(
                        "first query (views + derivation): %d ms%n", time(base, calls.get(1)));
                if (!afterOnly) {
                    System.out.printf(
                            "derivation after a file change: %d ms%n", rederive(root, base));
                }
                Map<String, long[]> slow = afterOnly ? null : measure(base, calls, samples);
                long t0 = System.nanoTime();
                CompactionResult r =
                        warehouse.compact(
                                new CompactionSettings(Duration.ZERO, null), Instant.now());
                System.out.println(r.summary());
                System.out.printf(
                        "compaction with the derivation after it: %d ms%n",
                        (System.nanoTime() - t0) / 1_000_000);
                System.out.println("files after: " + fileCounts(root));
                System.out.printf("derivation after a file change: %d ms%n", rederive(root, base));
                Map<String, long[]> fast = measure(base, calls, samples);
                report(calls, slow == null ? fast : slow, fast);
            } finally {
                app.stop();
            }
        }
    }

    /** Touches one file (its data unchanged) and times the query that rebuilds the tables. */
    private static long rederive(Path root, String base) throws Exception {
        Path any;
        try (Stream<Path> all = Files.walk(root.resolve("deployments"))) {
            any = all.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        Files.setLastModifiedTime(any, FileTime.from(Instant.now()));
        return time(base, "/api/v1/dora");
    }

    private static Map<String, long[]> measure(String base, List<String> calls, int samples)
            throws Exception {
        for (int w = 0; w < 10; w++) {
            for (String c : calls) {
                time(base, c);
            }
        }
        Map<String, long[]> micros = new LinkedHashMap<>();
        calls.forEach(c -> micros.put(c, new long[samples]));
        for (int i = 0; i < samples; i++) {
            for (String c : calls) {
                long t0 = System.nanoTime();
                get(base, c);
                micros.get(c)[i] = (System.nanoTime() - t0) / 1000;
            }
        }
        return micros;
    }

    private static long time(String base, String path) throws Exception {
        long t0 = System.nanoTime();
        get(base, path);
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static void get(String base, String path) throws Exception {
        HttpResponse<String> r =
                HTTP.send(
                        HttpRequest.newBuilder(URI.create(base + path))
                                .header("Authorization", "Bearer " + TOKEN)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static void report(
            List<String> calls, Map<String, long[]> slow, Map<String, long[]> fast) {
        double healthSlow = pct(slow.get("/health"), 95);
        double healthFast = pct(fast.get("/health"), 95);
        System.out.println(
                "| call | before p50 / p95 / p99 ms | after p50 / p95 / p99 ms | after p95 ÷ /health"
                        + " p95 |");
        System.out.println("|---|---|---|---|");
        for (String c : calls) {
            System.out.printf(
                    "| `%s` | %s | %s | %.0f (before: %.0f) |%n",
                    c,
                    row(slow.get(c)),
                    row(fast.get(c)),
                    pct(fast.get(c), 95) / healthFast,
                    pct(slow.get(c), 95) / healthSlow);
        }
    }

    private static String row(long[] micros) {
        return String.format(
                "%.1f / %.1f / %.1f", pct(micros, 50), pct(micros, 95), pct(micros, 99));
    }

    /** {@code --name value} pairs, in order. */
    static Map<String, String> options(String[] args) {
        Map<String, String> opt = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i], args[i + 1]);
        }
        return opt;
    }

    /** Nearest-rank percentile, in milliseconds. */
    static double pct(long[] micros, int p) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, rank)] / 1000.0;
    }

    private static Map<String, Long> fileCounts(Path root) throws Exception {
        Map<String, Long> n = new LinkedHashMap<>();
        for (TableSchema t : Tables.ALL) {
            Path d = root.resolve(t.name());
            if (Files.isDirectory(d)) {
                try (Stream<Path> all = Files.walk(d)) {
                    n.put(t.name(), all.filter(p -> p.toString().endsWith(".parquet")).count());
                }
            }
        }
        return n;
    }
}
