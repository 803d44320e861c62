package dev.dora.events.tables;

/**
 * One column of a warehouse table.
 *
 * @param name snake_case column name (part of the public contract: add columns, never rename)
 * @param type logical type
 * @param nullable whether the column may be empty
 * @param description one line for the schema reference
 */
public record Column(String name, ColumnType type, boolean nullable, String description) {

    public static Column required(String name, ColumnType type, String description) {
        return new Column(name, type, false, description);
    }

    public static Column optional(String name, ColumnType type, String description) {
        return new Column(name, type, true, description);
    }
}
