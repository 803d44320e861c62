package dev.dora.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark tables {@code benchmark=} can select: the built-in DORA reports plus tables a user
 * defines in YAML files ({@code metrics.benchmark_file}). Immutable, so one instance is shared by
 * every request; {@link #withFile} returns a new one.
 */
public final class BenchmarkTables {
    /** The built-in tables, oldest report first; each is {@code /benchmarks/<name>.yaml}. */
    private static final List<String> BUILT_IN = List.of("dora-2023", "dora-2024");

    /** The newest report, so a reader who asks for nothing gets today's levels. */
    private static final String DEFAULT = "dora-2024";

    private final Map<String, BenchmarkTable> tables;

    private BenchmarkTables(Map<String, BenchmarkTable> tables) {
        this.tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    /** The tables shipped with the product. */
    public static BenchmarkTables builtIn() {
        Map<String, BenchmarkTable> tables = new LinkedHashMap<>();
        for (String name : BUILT_IN) {
            String path = "benchmarks/" + name + ".yaml";
            try (InputStream in = BenchmarkTables.class.getResourceAsStream("/" + path)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + path);
                }
                BenchmarkTable table = BenchmarkTable.parse(path, in);
                if (!table.name().equals(name)) {
                    throw new IllegalStateException(path + ": name is '" + table.name() + "'");
                }
                tables.put(name, table);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read resource " + path, e);
            }
        }
        return new BenchmarkTables(tables);
    }

    /**
     * These tables plus the user-defined one in a YAML file; its {@code name} is what {@code
     * benchmark=} selects it by. A name already taken is refused, so {@code dora-2024} always means
     * the report's levels.
     *
     * @throws IllegalArgumentException for an invalid table or a name already taken
     * @throws UncheckedIOException when the file cannot be read
     */
    public BenchmarkTables withFile(Path yaml) {
        BenchmarkTable table;
        try (InputStream in = Files.newInputStream(yaml)) {
            table = BenchmarkTable.parse(yaml.toString(), in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read benchmark table " + yaml, e);
        }
        if (BUILT_IN.contains(table.name())) {
            throw new IllegalArgumentException(
                    yaml
                            + ": field 'name' is '"
                            + table.name()
                            + "', a built-in table's name; choose another");
        }
        if (tables.containsKey(table.name())) {
            throw new IllegalArgumentException(
                    yaml + ": field 'name' is '" + table.name() + "', already defined");
        }
        Map<String, BenchmarkTable> more = new LinkedHashMap<>(tables);
        more.put(table.name(), table);
        return new BenchmarkTables(more);
    }

    /** The table used when a request names none. */
    public String defaultName() {
        return DEFAULT;
    }

    /** The names {@code benchmark=} accepts: built-in ones first, then user-defined ones. */
    public List<String> names() {
        return List.copyOf(tables.keySet());
    }

    /**
     * A table by name.
     *
     * @throws IllegalArgumentException naming the known tables, for an unknown name
     */
    public BenchmarkTable get(String name) {
        BenchmarkTable t = tables.get(name);
        if (t == null) {
            throw new IllegalArgumentException(
                    "unknown benchmark '" + name + "'; known: " + String.join(", ", names()));
        }
        return t;
    }
}
