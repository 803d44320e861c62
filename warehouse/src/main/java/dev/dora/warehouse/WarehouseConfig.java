package dev.dora.warehouse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * @param teams the services of each team, by team name, from the configuration; what {@code team=}
 *     filters by. A service may belong to several teams (it then counts for each).
 * @param platformPipelinePattern the regular expression a deployment's pipeline matches when it
 *     went through the platform's pipelines (adoption: platform-pipeline share); matched by DuckDB,
 *     so in the syntax both Java and RE2 read (no look-around, no back-references)
 */
public record WarehouseConfig(
        Path root,
        Path tempDirectory,
        String memoryLimit,
        int threads,
        Duration incidentWindow,
        Map<String, List<String>> teams,
        String platformPipelinePattern) {
    public static final Duration DEFAULT_INCIDENT_WINDOW = Duration.ofHours(24);

    /** Pipelines named after a golden path or the platform, in any case. */
    public static final String DEFAULT_PLATFORM_PIPELINE_PATTERN = "(?i)golden[-_ ]?path|platform";

    public WarehouseConfig(Path root, Path tempDirectory, String memoryLimit, int threads) {
        this(root, tempDirectory, memoryLimit, threads, DEFAULT_INCIDENT_WINDOW);
    }

    public WarehouseConfig(
            Path root,
            Path tempDirectory,
            String memoryLimit,
            int threads,
            Duration incidentWindow) {
        this(root, tempDirectory, memoryLimit, threads, incidentWindow, Map.of());
    }

    public WarehouseConfig(
            Path root,
            Path tempDirectory,
            String memoryLimit,
            int threads,
            Duration incidentWindow,
            Map<String, List<String>> teams) {
        this(
                root,
                tempDirectory,
                memoryLimit,
                threads,
                incidentWindow,
                teams,
                DEFAULT_PLATFORM_PIPELINE_PATTERN);
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
        Objects.requireNonNull(platformPipelinePattern, "platform pipeline pattern");
        try {
            java.util.regex.Pattern.compile(platformPipelinePattern);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "platform pipeline pattern is not a regular expression: " + e.getDescription());
        }
        Objects.requireNonNull(teams, "teams");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        teams.forEach(
                (team, services) -> {
                    if (team == null || team.isBlank()) {
                        throw new IllegalArgumentException("a team name must not be blank");
                    }
                    for (String service : services) {
                        if (service == null || service.isBlank()) {
                            throw new IllegalArgumentException(
                                    "team " + team + " lists a blank service name");
                        }
                    }
                    copy.put(team, List.copyOf(services));
                });
        teams = Collections.unmodifiableMap(copy);
    }
}
