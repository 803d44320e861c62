package dev.dora.jobs.parquet;

import dev.dora.events.tables.Column;
import dev.dora.events.tables.TableSchema;
import java.io.Serializable;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Converts a row record to an Avro record of its table. Record components map to columns by name
 * ({@code changeKey} → {@code change_key}); a row type that does not match its table fails at
 * construction, naming the column, rather than writing a wrong file.
 */
public final class RowConverter<T extends Record> implements Serializable {
    private final Class<T> rowType;
    private final String schemaJson;
    private transient Schema schema;
    private transient List<Method> accessors;

    public RowConverter(TableSchema table, Class<T> rowType) {
        this.rowType = rowType;
        this.schemaJson = AvroSchemas.of(table).toString();
        check(table, rowType);
    }

    static void check(TableSchema table, Class<?> rowType) {
        RecordComponent[] components = rowType.getRecordComponents();
        int common = Math.min(components.length, table.columns().size());
        for (int i = 0; i < common; i++) {
            Column column = table.columns().get(i);
            String name = snake(components[i].getName());
            if (!name.equals(column.name())) {
                throw new IllegalArgumentException(
                        rowType.getSimpleName()
                                + " component "
                                + i
                                + " is '"
                                + name
                                + "' but column "
                                + i
                                + " of "
                                + table.name()
                                + " is '"
                                + column.name()
                                + "'");
            }
        }
        if (components.length != table.columns().size()) {
            String first =
                    components.length < table.columns().size()
                            ? "column '" + table.columns().get(common).name() + "' has no component"
                            : "component '"
                                    + snake(components[common].getName())
                                    + "' has no column";
            throw new IllegalArgumentException(
                    rowType.getSimpleName()
                            + " has "
                            + components.length
                            + " components but table "
                            + table.name()
                            + " has "
                            + table.columns().size()
                            + " columns: "
                            + first);
        }
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    public Schema schema() {
        if (schema == null) {
            schema = new Schema.Parser().parse(schemaJson);
        }
        return schema;
    }

    /** The value of one column of a row, as written (instants as epoch milliseconds). */
    public Object value(T row, String column) {
        // Components are in column order (checked at construction), so the schema's position is
        // the accessor's index; no name is computed per row.
        org.apache.avro.Schema.Field field = schema().getField(column);
        if (field == null) {
            throw new IllegalArgumentException(
                    "no column " + column + " in " + rowType.getSimpleName());
        }
        return avroValue(invoke(accessors().get(field.pos()), row));
    }

    public GenericRecord convert(T row) {
        List<Method> accessors = accessors();
        GenericData.Record record = new GenericData.Record(schema());
        for (int i = 0; i < accessors.size(); i++) {
            record.put(i, avroValue(invoke(accessors.get(i), row)));
        }
        return record;
    }

    private List<Method> accessors() {
        if (accessors == null) {
            List<Method> list = new ArrayList<>();
            for (RecordComponent c : rowType.getRecordComponents()) {
                list.add(c.getAccessor());
            }
            accessors = list;
        }
        return accessors;
    }

    private static Object invoke(Method accessor, Object row) {
        try {
            return accessor.invoke(row);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + accessor.getName(), e);
        }
    }

    private static Object avroValue(Object value) {
        if (value instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        if (value instanceof byte[] bytes) {
            return ByteBuffer.wrap(bytes);
        }
        return value;
    }
}
