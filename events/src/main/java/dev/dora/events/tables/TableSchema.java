package dev.dora.events.tables;

import java.util.List;
import java.util.Optional;

/**
 * A warehouse table as writer (Flink) and reader (DuckDB) agree on it: its directory name, its
 * columns, the column whose UTC date names the Hive partition ({@code date=YYYY-MM-DD}) and, for
 * versioned facts, the key and version columns the query layer uses to read the latest row.
 */
public record TableSchema(
        String name,
        String description,
        List<Column> columns,
        String partitionColumn,
        List<String> keyColumns,
        String versionColumn) {

    public TableSchema {
        columns = List.copyOf(columns);
        keyColumns = List.copyOf(keyColumns);
        if (!has(columns, partitionColumn)) {
            throw new IllegalArgumentException(
                    name + ": partition column " + partitionColumn + " is not a column");
        }
        for (String k : keyColumns) {
            if (!has(columns, k)) {
                throw new IllegalArgumentException(name + ": key column " + k + " is not a column");
            }
        }
        if (versionColumn != null && !has(columns, versionColumn)) {
            throw new IllegalArgumentException(
                    name + ": version column " + versionColumn + " is not a column");
        }
    }

    private static boolean has(List<Column> columns, String name) {
        return columns.stream().anyMatch(c -> c.name().equals(name));
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** Whether rows of this table are versions of a keyed fact (read the latest per key). */
    public boolean versioned() {
        return versionColumn != null;
    }
}
