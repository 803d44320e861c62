package dev.dora.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The benchmark tables {@code benchmark=} selects: the built-in ones plus a user-defined one. */
public final class BenchmarkTables {
    private static final List<String> BUILT_IN = List.of("dora-2023", "dora-2024");
    private final Map<String, BenchmarkTable> tables;

    private BenchmarkTables(Map<String, BenchmarkTable> tables) {
        this.tables = Map.copyOf(tables);
    }

    public static BenchmarkTables builtIn() {
        Map<String, BenchmarkTable> tables = new LinkedHashMap<>();
        for (String name : BUILT_IN) {
            String path = "/benchmarks/" + name + ".yaml";
            try (InputStream in = BenchmarkTables.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + path);
                }
                tables.put(name, BenchmarkTable.parse(path, in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new BenchmarkTables(tables);
    }

    /** These tables plus the one in a YAML file (its {@code name} selects it). */
    public BenchmarkTables withFile(Path yaml) {
        BenchmarkTable table;
        try (InputStream in = Files.newInputStream(yaml)) {
            table = BenchmarkTable.parse(yaml.toString(), in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read benchmark table " + yaml, e);
        }
        if (BUILT_IN.contains(table.name())) {
            throw new IllegalArgumentException(
                    yaml + ": name '" + table.name() + "' is a built-in table's");
        }
        Map<String, BenchmarkTable> more = new LinkedHashMap<>(tables);
        more.put(table.name(), table);
        return new BenchmarkTables(more);
    }

    public String defaultName() {
        return "dora-2024";
    }

    public List<String> names() {
        return tables.keySet().stream().sorted().toList();
    }

    public BenchmarkTable get(String name) {
        BenchmarkTable t = tables.get(name);
        if (t == null) {
            throw new IllegalArgumentException(
                    "unknown benchmark '" + name + "'; known: " + String.join(", ", names()));
        }
        return t;
    }
}
