package dev.dora.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One table of DORA performance levels, read from YAML (see {@code benchmarks/dora-2024.yaml}):
 * data, never logic. The rule is the same for every table and is written beside each one in
 * METRICS.md: a metric's level is the first level, in the table's order, whose bound the value
 * meets; a level without a bound is skipped, except the last, which takes everything else.
 */
public record BenchmarkTable(
        String name, String source, String rule, Map<Metric, List<LevelBound>> levels) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The metrics that have levels, with their YAML key and the direction of their bound. */
    public enum Metric {
        DEPLOYMENT_FREQUENCY("deployment_frequency", "at_least"),
        LEAD_TIME("lead_time", "at_most"),
        CHANGE_FAILURE_RATE("change_failure_rate", "at_most"),
        RECOVERY_TIME("recovery_time", "at_most");

        final String key;
        final String bound;

        Metric(String key, String bound) {
            this.key = key;
            this.bound = bound;
        }
    }

    /** A level, its bound (null: never chosen by threshold) and the report's wording. */
    public record LevelBound(String level, Double bound, String published, String note) {}

    public BenchmarkTable {
        levels = Map.copyOf(levels);
    }

    /** The level of a value, or null for no value. */
    public String level(Metric metric, Double value) {
        if (value == null) {
            return null;
        }
        List<LevelBound> ordered = levels.get(metric);
        for (LevelBound l : ordered) {
            if (l.bound() != null
                    && (metric.bound.equals("at_least")
                            ? value >= l.bound()
                            : value <= l.bound())) {
                return l.level();
            }
        }
        return ordered.get(ordered.size() - 1).level();
    }

    /** Reads and checks a table; errors name the file and the field. */
    public static BenchmarkTable parse(String file, InputStream yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": expected a mapping at the top");
        }
        String name = text(root, "name", file);
        Map<Metric, List<LevelBound>> levels = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            JsonNode list = root.get(m.key);
            if (list == null || !list.isArray() || list.isEmpty()) {
                throw new IllegalArgumentException(file + ": missing list '" + m.key + "'");
            }
            List<LevelBound> bounds = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode l = list.get(i);
                String at = m.key + "[" + i + "]";
                JsonNode bound = l.get(m.bound);
                if (bound != null && !bound.isNull() && !bound.isNumber()) {
                    throw new IllegalArgumentException(
                            file + ": " + at + "." + m.bound + " is not a number");
                }
                bounds.add(
                        new LevelBound(
                                text(l, "level", file + ": " + at),
                                bound == null || bound.isNull() ? null : bound.asDouble(),
                                l.path("published").asText(null),
                                l.path("note").asText(null)));
            }
            if (bounds.get(bounds.size() - 1).bound() != null) {
                throw new IllegalArgumentException(
                        file + ": the last level of '" + m.key + "' must have no bound");
            }
            levels.put(m, List.copyOf(bounds));
        }
        return new BenchmarkTable(
                name, root.path("source").asText(null), root.path("rule").asText(null), levels);
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": missing field '" + field + "'");
        }
        return v.asText();
    }
}
