package dev.dora.jobs.parquet;

import dev.dora.events.tables.Column;
import dev.dora.events.tables.TableSchema;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.formats.parquet.ParquetWriterFactory;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * A FileSink writing one warehouse table as Snappy-compressed Parquet under {@code
 * <warehouse>/<table>/date=YYYY-MM-DD/part-*.parquet}. Files are committed on checkpoints, exactly
 * once together with the Kafka offsets.
 */
public final class ParquetTableSink {
    private ParquetTableSink() {}

    /**
     * Columns whose values (almost) never repeat: ids, keys, commit ids, bodies, a commit's joined
     * paths, times and versions. Parquet would build a dictionary for each, fill it, find it
     * useless and fall back, which was the largest single cost of writing facts (JFR,
     * BENCHMARKS.md); low-cardinality columns keep theirs.
     */
    static List<String> uniqueColumns(TableSchema table) {
        return table.columns().stream()
                .filter(
                        c ->
                                c.type() == dev.dora.events.tables.ColumnType.LONG
                                        || c.type() == dev.dora.events.tables.ColumnType.TIMESTAMP
                                        || uniqueByName(c.name()))
                .map(Column::name)
                .toList();
    }

    private static boolean uniqueByName(String n) {
        return n.endsWith("_id")
                || n.endsWith("_key")
                || n.endsWith("sha")
                || n.startsWith("push_")
                || n.equals("body")
                || n.equals("paths")
                || n.equals("headers")
                || n.equals("title")
                || n.equals("number");
    }

    public static <T extends Record> FileSink<T> create(
            String warehouse, TableSchema table, Class<T> rowType) {
        RowConverter<T> converter = new RowConverter<>(table, rowType);
        String schemaJson = converter.schema().toString();
        List<String> unique = uniqueColumns(table);
        ParquetWriterFactory<GenericRecord> parquet =
                new ParquetWriterFactory<>(
                        out -> {
                            var builder =
                                    AvroParquetWriter.<GenericRecord>builder(out)
                                            .withSchema(new Schema.Parser().parse(schemaJson))
                                            .withDataModel(GenericData.get())
                                            .withCompressionCodec(CompressionCodecName.SNAPPY);
                            for (String column : unique) {
                                builder = builder.withDictionaryEncoding(column, false);
                            }
                            return builder.build();
                        });
        String partitionField = table.partitionColumn();
        SerializableFunction<T, Instant> partitionTime =
                row -> partitionTime(converter, row, partitionField);
        return FileSink.forBulkFormat(
                        new Path(warehouse, table.name()), new Converting<>(parquet, converter))
                .withBucketAssigner(new DateBuckets<>(partitionTime))
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .withOutputFileConfig(
                        OutputFileConfig.builder()
                                .withPartPrefix("part")
                                .withPartSuffix(".parquet")
                                .build())
                .build();
    }

    private static <T extends Record> Instant partitionTime(
            RowConverter<T> converter, T row, String field) {
        Object millis = converter.value(row, field);
        return Instant.ofEpochMilli((Long) millis);
    }

    /** Wraps the Avro Parquet writer so the stream can carry plain row records. */
    private record Converting<T extends Record>(
            ParquetWriterFactory<GenericRecord> delegate, RowConverter<T> converter)
            implements BulkWriter.Factory<T> {
        @Override
        public BulkWriter<T> create(FSDataOutputStream out) throws IOException {
            BulkWriter<GenericRecord> writer = delegate.create(out);
            return new BulkWriter<>() {
                @Override
                public void addElement(T element) throws IOException {
                    writer.addElement(converter.convert(element));
                }

                @Override
                public void flush() throws IOException {
                    writer.flush();
                }

                @Override
                public void finish() throws IOException {
                    writer.finish();
                }
            };
        }
    }

    /** Hive-style daily partitions named after a column's UTC date. */
    private record DateBuckets<T>(SerializableFunction<T, Instant> time)
            implements BucketAssigner<T, String> {
        @Override
        public String getBucketId(T element, Context context) {
            return "date=" + time.apply(element).atOffset(ZoneOffset.UTC).toLocalDate();
        }

        @Override
        public SimpleVersionedSerializer<String> getSerializer() {
            return SimpleVersionedStringSerializer.INSTANCE;
        }
    }
}
