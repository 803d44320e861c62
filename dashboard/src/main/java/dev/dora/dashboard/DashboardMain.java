package dev.dora.dashboard;

import dev.dora.warehouse.Warehouse;
import dev.dora.warehouse.WarehouseConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Runs the dashboard alone over a warehouse directory the streaming job writes: {@code
 * DORA_WAREHOUSE=/srv/dora/warehouse DORA_ADMIN_TOKEN=... java -cp dora.jar
 * dev.dora.dashboard.DashboardMain [port]}. Tokens created with {@code dora token create --data
 * DIR} are read from {@code DORA_TOKENS_FILE} (default {@code ./tokens.json}).
 */
public final class DashboardMain {
    private DashboardMain() {}

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        Path root = Path.of(required(env, "DORA_WAREHOUSE"));
        Warehouse warehouse =
                new Warehouse(
                        new WarehouseConfig(
                                root,
                                Path.of(System.getProperty("java.io.tmpdir"), "dora-duckdb"),
                                "256MB",
                                1));
        DashboardConfig config =
                new DashboardConfig(
                        required(env, "DORA_ADMIN_TOKEN"),
                        Path.of(env.getOrDefault("DORA_TOKENS_FILE", "tokens.json")),
                        Duration.ofHours(12),
                        false);
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8082;
        var app = DashboardApp.create(config, warehouse).start(port);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    app.stop();
                                    warehouse.close();
                                }));
    }

    private static String required(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(name + " must be set");
        }
        return v;
    }
}
