package dev.dora.jobs.parquet;

import dev.dora.events.tables.Column;
import dev.dora.events.tables.TableSchema;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

/**
 * Avro schemas (the Parquet writer's input) from the shared table definitions. Timestamps are
 * {@code local-timestamp-millis}: UTC instants stored without a zone, read by DuckDB as plain
 * {@code TIMESTAMP}.
 */
public final class AvroSchemas {
    private AvroSchemas() {}

    public static Schema of(TableSchema table) {
        SchemaBuilder.FieldAssembler<Schema> fields =
                SchemaBuilder.record(table.name()).namespace("dev.dora.warehouse").fields();
        for (Column c : table.columns()) {
            Schema type = type(c);
            if (c.nullable()) {
                fields =
                        fields.name(c.name())
                                .doc(c.description())
                                .type(Schema.createUnion(Schema.create(Schema.Type.NULL), type))
                                .withDefault(null);
            } else {
                fields = fields.name(c.name()).doc(c.description()).type(type).noDefault();
            }
        }
        return fields.endRecord();
    }

    private static Schema type(Column c) {
        return switch (c.type()) {
            case STRING -> Schema.create(Schema.Type.STRING);
            case LONG -> Schema.create(Schema.Type.LONG);
            case BOOLEAN -> Schema.create(Schema.Type.BOOLEAN);
            case BYTES -> Schema.create(Schema.Type.BYTES);
            case TIMESTAMP ->
                    LogicalTypes.localTimestampMillis()
                            .addToSchema(Schema.create(Schema.Type.LONG));
        };
    }
}
