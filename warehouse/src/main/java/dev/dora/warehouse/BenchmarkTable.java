package dev.dora.warehouse;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One table of DORA performance levels, read from YAML (see {@code benchmarks/dora-2024.yaml}). The
 * levels are data rather than code so that a new report, or a company's own targets, is a new file
 * and not a release, and so that METRICS.md can show exactly the numbers the code uses.
 *
 * <p>The rule is the same for every table: a value's level is the first of elite, high, medium, low
 * whose bound it meets; deployment frequency has minimum bounds ({@code at_least}), the other
 * metrics maximum bounds ({@code at_most}). A level without a bound is skipped: that is how a
 * published level that thresholds tried in order can never reach is kept with its wording. The last
 * level, low, has no bound and takes everything else.
 *
 * @param name what {@code benchmark=} selects the table by
 * @param source the report the levels come from
 * @param rule the rule above in one sentence, for the reader of the file
 * @param levels per metric, the levels in order elite, high, medium, low
 */
public record BenchmarkTable(
        String name, String source, String rule, Map<Metric, List<LevelBound>> levels) {

    /** The levels every table has, in the order they are tried. */
    public static final List<String> LEVELS = List.of("elite", "high", "medium", "low");

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory())
                    .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    private static final Set<String> TOP_FIELDS =
            Set.of(
                    "name",
                    "source",
                    "rule",
                    "deployment_frequency",
                    "lead_time",
                    "change_failure_rate",
                    "recovery_time");

    /** The metrics that have levels, with their YAML key and the direction of their bound. */
    public enum Metric {
        /** Deployments per day; more is better, so the bound is a minimum. */
        DEPLOYMENT_FREQUENCY("deployment_frequency", true),
        /** Seconds; less is better. */
        LEAD_TIME("lead_time", false),
        /** A fraction between 0 and 1; less is better. */
        CHANGE_FAILURE_RATE("change_failure_rate", false),
        /** Seconds; less is better. */
        RECOVERY_TIME("recovery_time", false);

        private final String key;
        private final boolean atLeast;

        Metric(String key, boolean atLeast) {
            this.key = key;
            this.atLeast = atLeast;
        }

        /** The metric's key in the YAML file. */
        public String key() {
            return key;
        }

        /** True when the bound is a minimum ({@code at_least}), false for a maximum. */
        public boolean atLeast() {
            return atLeast;
        }

        /** The YAML field of a level's bound: {@code at_least} or {@code at_most}. */
        public String boundField() {
            return atLeast ? "at_least" : "at_most";
        }

        /** Whether a value meets a bound in this metric's direction. */
        public boolean meets(double value, double bound) {
            return atLeast ? value >= bound : value <= bound;
        }
    }

    /**
     * One level of one metric.
     *
     * @param level elite, high, medium or low
     * @param bound the threshold in the metric's unit; null for the last level and for a level that
     *     cannot be reached in order, which the rule skips
     * @param published the report's wording, shown beside the number it became
     * @param note why a level has no bound, or null
     */
    public record LevelBound(String level, Double bound, String published, String note) {
        public LevelBound {
            Objects.requireNonNull(level, "level");
        }
    }

    public BenchmarkTable {
        Objects.requireNonNull(name, "name");
        Map<Metric, List<LevelBound>> copy = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            List<LevelBound> l = levels.get(m);
            if (l == null || l.isEmpty()) {
                throw new IllegalArgumentException(name + ": no levels for " + m.key());
            }
            copy.put(m, List.copyOf(l));
        }
        levels = Collections.unmodifiableMap(copy);
    }

    /**
     * The level of a value: the first level whose bound the value meets, else the last one; null
     * when there is no value (a metric without data has no level, rather than the worst one).
     */
    public String level(Metric metric, Double value) {
        if (value == null) {
            return null;
        }
        List<LevelBound> ordered = levels.get(metric);
        for (LevelBound l : ordered) {
            if (l.bound() != null && metric.meets(value, l.bound())) {
                return l.level();
            }
        }
        return ordered.get(ordered.size() - 1).level();
    }

    /** The levels of one metric, in order. */
    public List<LevelBound> levels(Metric metric) {
        return levels.get(metric);
    }

    /**
     * Reads and checks a table. A table is configuration that decides what the dashboard calls a
     * team, so anything doubtful is refused at start-up instead of being guessed: every message
     * names the file and the field.
     *
     * @param file the file's name or path, for messages only
     * @throws IllegalArgumentException for a file that is not a valid table
     */
    public static BenchmarkTable parse(String file, InputStream yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(
                    file + ": expected a mapping with name, source, rule and the four metrics");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!TOP_FIELDS.contains(field)) {
                throw new IllegalArgumentException(
                        file
                                + ": unknown field '"
                                + field
                                + "'; expected name, source, rule, deployment_frequency,"
                                + " lead_time, change_failure_rate, recovery_time");
            }
        }
        String name = text(file, root, "name", "name");
        String source = text(file, root, "source", "source");
        String rule = text(file, root, "rule", "rule");
        Map<Metric, List<LevelBound>> levels = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            levels.put(m, metric(file, root, m));
        }
        return new BenchmarkTable(name, source, rule, levels);
    }

    private static List<LevelBound> metric(String file, JsonNode root, Metric m) {
        JsonNode list = root.get(m.key());
        if (list == null || list.isNull()) {
            throw new IllegalArgumentException(
                    file
                            + ": missing metric '"
                            + m.key()
                            + "' (a list of levels elite, high, medium, low)");
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException(
                    file + ": field '" + m.key() + "' is not a list of levels");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = m.key() + "[" + i + "]";
            if (!list.get(i).isObject()) {
                throw new IllegalArgumentException(file + ": field '" + at + "' is not a mapping");
            }
            names.add(text(file, list.get(i), "level", at + ".level"));
        }
        for (String expected : LEVELS) {
            if (!names.contains(expected)) {
                throw new IllegalArgumentException(
                        file + ": field '" + m.key() + "' is missing level '" + expected + "'");
            }
        }
        if (!names.equals(LEVELS)) {
            throw new IllegalArgumentException(
                    file
                            + ": field '"
                            + m.key()
                            + "' has levels "
                            + String.join(", ", names)
                            + "; expected exactly elite, high, medium, low in that order");
        }
        List<LevelBound> bounds = new ArrayList<>();
        Double previous = null;
        String previousAt = null;
        for (int i = 0; i < list.size(); i++) {
            JsonNode l = list.get(i);
            String at = m.key() + "[" + i + "]";
            boolean last = i == list.size() - 1;
            Double bound = bound(file, l, m, at, last);
            String note = optionalText(file, l, "note", at + ".note");
            if (!last && bound == null && note == null) {
                throw new IllegalArgumentException(
                        file
                                + ": field '"
                                + at
                                + ".note' is missing; a level whose bound is null needs a note"
                                + " saying why it cannot be reached");
            }
            if (bound != null
                    && previous != null
                    && !(m.atLeast() ? bound < previous : bound > previous)) {
                throw new IllegalArgumentException(
                        file
                                + ": field '"
                                + at
                                + "."
                                + m.boundField()
                                + "' ("
                                + bound
                                + ") must be "
                                + (m.atLeast() ? "below" : "above")
                                + " '"
                                + previousAt
                                + "' ("
                                + previous
                                + "), or the level can never be chosen; give it null and a note");
            }
            if (bound != null) {
                previous = bound;
                previousAt = at + "." + m.boundField();
            }
            bounds.add(
                    new LevelBound(
                            names.get(i),
                            bound,
                            text(file, l, "published", at + ".published"),
                            note));
        }
        return bounds;
    }

    /** A level's bound: checks the field's name, presence and value; null when it has none. */
    private static Double bound(String file, JsonNode l, Metric m, String at, boolean last) {
        String other = m.atLeast() ? "at_most" : "at_least";
        for (Iterator<String> it = l.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (field.equals(other)) {
                throw new IllegalArgumentException(
                        file
                                + ": field '"
                                + at
                                + "."
                                + other
                                + "' is not allowed; "
                                + m.key()
                                + " bounds are "
                                + m.boundField());
            }
            if (!Set.of("level", m.boundField(), "published", "note").contains(field)) {
                throw new IllegalArgumentException(
                        file
                                + ": unknown field '"
                                + at
                                + "."
                                + field
                                + "'; expected level, "
                                + m.boundField()
                                + ", published, note");
            }
        }
        String where = at + "." + m.boundField();
        JsonNode b = l.get(m.boundField());
        if (last) {
            if (b != null && !b.isNull()) {
                throw new IllegalArgumentException(
                        file
                                + ": field '"
                                + where
                                + "' must be absent: the last level takes every other value");
            }
            return null;
        }
        if (b == null) {
            throw new IllegalArgumentException(
                    file
                            + ": missing field '"
                            + where
                            + "' (null, with a note, for a level that cannot be reached)");
        }
        if (b.isNull()) {
            return null;
        }
        if (!b.isNumber() || !Double.isFinite(b.asDouble()) || b.asDouble() < 0) {
            throw new IllegalArgumentException(
                    file + ": field '" + where + "' is not a number of at least 0: " + b.asText());
        }
        return b.asDouble();
    }

    private static String text(String file, JsonNode node, String field, String where) {
        String v = optionalText(file, node, field, where);
        if (v == null) {
            throw new IllegalArgumentException(file + ": missing field '" + where + "'");
        }
        return v;
    }

    private static String optionalText(String file, JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(
                    file + ": field '" + where + "' is not a non-empty text");
        }
        return v.asText().strip();
    }
}
