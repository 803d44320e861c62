package dev.dora.events.tables;

/** Logical column types of the Parquet warehouse; each writer and reader maps them itself. */
public enum ColumnType {
    /** UTF-8 text. */
    STRING,
    /** 64-bit integer. */
    LONG,
    BOOLEAN,
    /** Raw bytes. */
    BYTES,
    /** Instant in UTC, millisecond precision, stored without a zone (Parquet local timestamp). */
    TIMESTAMP
}
