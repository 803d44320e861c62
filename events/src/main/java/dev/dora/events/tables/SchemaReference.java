package dev.dora.events.tables;

import java.util.Locale;

/**
 * Renders {@code SCHEMAS.md}, the reference of every warehouse table, from {@link Tables}: the one
 * definition both the writer and the reader use, so the document cannot drift from the code (a test
 * compares the committed file with this output).
 */
public final class SchemaReference {
    private SchemaReference() {}

    public static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Warehouse tables\n\n")
                .append("Generated from `events/src/main/java/dev/dora/events/tables/Tables.java`")
                .append(" by `SchemaReference`; `SchemaReferenceTest` fails when this file is\n")
                .append("out of date. Regenerate with `./mvnw -q -pl events test")
                .append(" -Dschemas.write=true`.\n\n")
                .append("Every table is Parquet under `<warehouse>/<table>/date=YYYY-MM-DD/`")
                .append(" (Hive-style partitions by the UTC date of\n")
                .append("the partition column), readable by any Parquet reader. Times are UTC")
                .append(" timestamps in milliseconds.\n")
                .append("Versioned tables keep one row per state of a fact: read the row with the")
                .append(" highest version per key\n")
                .append("(the query layer's `<table>_latest` views do). Columns are added, never")
                .append(" renamed.\n");
        for (TableSchema t : Tables.ALL) {
            md.append("\n## `").append(t.name()).append("`\n\n");
            md.append(t.description()).append("\n\n");
            md.append("- Partitioned by the date of `").append(t.partitionColumn()).append("`\n");
            md.append("- Key: ")
                    .append(
                            String.join(
                                    ", ", t.keyColumns().stream().map(k -> "`" + k + "`").toList()))
                    .append("\n");
            md.append(
                            t.versioned()
                                    ? "- Versioned by `" + t.versionColumn() + "` (latest wins)\n"
                                    : "- Not versioned\n")
                    .append("\n");
            md.append("| column | type | null | meaning |\n|---|---|---|---|\n");
            for (Column c : t.columns()) {
                md.append("| `")
                        .append(c.name())
                        .append("` | ")
                        .append(c.type().name().toLowerCase(Locale.ROOT))
                        .append(" | ")
                        .append(c.nullable() ? "yes" : "no")
                        .append(" | ")
                        .append(c.description().replace("|", "\\|"))
                        .append(" |\n");
            }
        }
        return md.toString();
    }
}
