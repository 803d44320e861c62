package dev.dora.app;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dora.events.RawEnvelope;
import dev.dora.events.tables.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * The raw archive ({@code events_raw}) read back as envelopes, in the order they were received, for
 * a backfill: a Flink generator function (parallelism 1) that walks one DuckDB cursor over the
 * archive's Parquet files, so memory stays flat however large the archive is.
 */
final class ArchiveReader implements GeneratorFunction<Long, RawEnvelope> {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final List<String> partitions;
    private transient Connection duck;
    private transient Statement statement;
    private transient ResultSet rows;

    ArchiveReader(List<Path> partitions) {
        this.partitions = partitions.stream().map(p -> p.toAbsolutePath().toString()).toList();
    }

    /** The {@code date=...} folders of the archive from the given day on (all when null). */
    static List<Path> partitions(Path warehouse, LocalDate from) {
        Path dir = warehouse.resolve(Tables.EVENTS_RAW.name());
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(p -> p.getFileName().toString().startsWith("date="))
                    .filter(
                            p ->
                                    from == null
                                            || !LocalDate.parse(
                                                            p.getFileName().toString().substring(5))
                                                    .isBefore(from))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A DuckDB list of the partitions' Parquet globs. */
    static String globs(List<?> partitions) {
        return partitions.stream()
                .map(p -> "'" + p.toString().replace("'", "''") + "/*.parquet'")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    @Override
    public void open(SourceReaderContext context) throws SQLException {
        duck = DriverManager.getConnection("jdbc:duckdb:");
        statement = duck.createStatement();
        rows =
                statement.executeQuery(
                        "SELECT event_id, source, event_type, delivery_id, received_at, headers,"
                                + " body FROM read_parquet("
                                + globs(partitions)
                                + ") ORDER BY received_at, event_id");
    }

    @Override
    public RawEnvelope map(Long index) throws Exception {
        if (!rows.next()) {
            throw new IllegalStateException("the archive ended before envelope " + index);
        }
        Map<String, String> headers =
                MAPPER.readValue(rows.getString("headers"), new TypeReference<>() {});
        return new RawEnvelope(
                rows.getString("event_id"),
                rows.getString("source"),
                rows.getString("event_type"),
                rows.getString("delivery_id"),
                rows.getTimestamp("received_at").toLocalDateTime().toInstant(ZoneOffset.UTC),
                headers,
                rows.getBytes("body"));
    }

    @Override
    public void close() throws SQLException {
        if (duck != null) {
            duck.close();
        }
    }
}
