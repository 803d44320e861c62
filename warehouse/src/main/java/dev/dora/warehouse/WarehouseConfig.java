package dev.dora.warehouse;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The query layer's settings.
 *
 * @param root directory holding one folder per table
 * @param tempDirectory where DuckDB may spill
 * @param memoryLimit DuckDB memory cap, e.g. {@code 256MB} (so it cannot starve Flink and Kafka)
 * @param threads DuckDB worker threads
 */
public record WarehouseConfig(Path root, Path tempDirectory, String memoryLimit, int threads) {
    public WarehouseConfig {
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
