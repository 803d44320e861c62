package dev.dora.warehouse.compaction;

import dev.dora.events.tables.Column;
import dev.dora.events.tables.TableSchema;
import dev.dora.warehouse.Warehouse;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The SQL fragments of a rewrite: which files to read, and which columns to write. */
final class ParquetSql {
    private ParquetSql() {}

    /**
     * {@code read_parquet} over exact files. No Hive partitioning: the date lives in the folder
     * name, never in the file, as in the files the sink writes.
     */
    static String read(List<Path> files, boolean withFilename) {
        return "read_parquet("
                + files.stream()
                        .map(ParquetSql::literal)
                        .collect(Collectors.joining(", ", "[", "]"))
                + ", union_by_name = true, hive_partitioning = false"
                + (withFilename ? ", filename = true" : "")
                + ")";
    }

    /**
     * The table's columns in schema order, each cast to the type the views expect; a column no file
     * has yet (added later to the schema) is written as a typed null; a column the files have but
     * the schema does not is kept as it is, so a rewrite never loses data.
     */
    static String columns(Statement s, TableSchema table, List<Path> files) throws SQLException {
        Set<String> present = new HashSet<>();
        List<String> inFiles = new ArrayList<>();
        try (ResultSet r = s.executeQuery("DESCRIBE SELECT * FROM " + read(files, false))) {
            while (r.next()) {
                present.add(r.getString(1));
                inFiles.add(r.getString(1));
            }
        }
        List<String> out = new ArrayList<>();
        Set<String> known = new HashSet<>();
        for (Column c : table.columns()) {
            known.add(c.name());
            String type = Warehouse.duckType(c);
            out.add(
                    (present.contains(c.name()) ? "CAST(" + c.name() : "CAST(NULL")
                            + " AS "
                            + type
                            + ") AS "
                            + c.name());
        }
        inFiles.stream().filter(n -> !known.contains(n)).forEach(n -> out.add("\"" + n + "\""));
        return String.join(", ", out);
    }

    /** Rows of one Parquet file, from its footer. */
    static long rows(Statement s, Path file) throws SQLException {
        try (ResultSet r =
                s.executeQuery(
                        "SELECT num_rows FROM parquet_file_metadata(" + literal(file) + ")")) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    /** A file as DuckDB reports it in the {@code filename} column. */
    static String path(Path p) {
        return p.toAbsolutePath().toString();
    }

    /** A file as a SQL string literal. */
    static String literal(Path p) {
        return "'" + path(p).replace("'", "''") + "'";
    }
}
