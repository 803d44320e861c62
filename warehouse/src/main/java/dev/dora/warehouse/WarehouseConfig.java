package dev.dora.warehouse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The query layer's settings.
 *
 * @param root directory holding one folder per table
 * @param tempDirectory where DuckDB may spill
 * @param memoryLimit DuckDB memory cap, e.g. {@code 256MB} (so it cannot starve Flink and Kafka)
 * @param threads DuckDB worker threads
 * @param incidentWindow how long after a production deployment an incident of the same service is
 *     attributed to it when nothing names the cause (default 24 h)
 */
public record WarehouseConfig(
        Path root, Path tempDirectory, String memoryLimit, int threads, Duration incidentWindow) {
    public static final Duration DEFAULT_INCIDENT_WINDOW = Duration.ofHours(24);

    public WarehouseConfig(Path root, Path tempDirectory, String memoryLimit, int threads) {
        this(root, tempDirectory, memoryLimit, threads, DEFAULT_INCIDENT_WINDOW);
    }

    public WarehouseConfig {
        if (incidentWindow == null || incidentWindow.isNegative() || incidentWindow.isZero()) {
            throw new IllegalArgumentException("incident window must be positive");
        }
        Objects.requireNonNull(root, "warehouse root");
        Objects.requireNonNull(tempDirectory, "warehouse temp directory");
        if (!memoryLimit.matches("\\d+(\\.\\d+)?\\s*(KB|MB|GB|KiB|MiB|GiB)")) {
            throw new IllegalArgumentException(
                    "warehouse memory limit must look like 256MB, got '" + memoryLimit + "'");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("warehouse threads must be at least 1");
        }
    }
}
