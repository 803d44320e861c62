package dev.dora.warehouse.compaction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One {@code date=YYYY-MM-DD} folder of a table and its committed Parquet files. In-progress files
 * of the sink (names starting with {@code .}) and our own markers (starting with {@code _}) are
 * never listed, so nothing here can touch a file Flink is still writing.
 *
 * @param dir the partition folder
 * @param date its date
 * @param files every committed file in it
 * @param eligible the committed files old enough to be rewritten
 */
record Partition(Path dir, LocalDate date, List<Path> files, List<Path> eligible) {

    /** The partitions of a table folder, oldest first; none when the table has no folder. */
    static List<Partition> of(Path tableDir, Instant notAfter) {
        if (!Files.isDirectory(tableDir)) {
            return List.of();
        }
        List<Partition> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(tableDir)) {
            for (Path dir : dirs.sorted().toList()) {
                LocalDate date = dateOf(dir);
                if (date == null || !Files.isDirectory(dir)) {
                    continue;
                }
                List<Path> files = committed(dir);
                List<Path> eligible = new ArrayList<>();
                for (Path f : files) {
                    if (!Files.getLastModifiedTime(f).toInstant().isAfter(notAfter)) {
                        eligible.add(f);
                    }
                }
                out.add(new Partition(dir, date, files, eligible));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + tableDir, e);
        }
        return out;
    }

    /** Committed Parquet files of a folder, by name. */
    static List<Path> committed(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Partition::isCommittedParquet).sorted().toList();
        }
    }

    static boolean isCommittedParquet(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".parquet")
                && !name.startsWith(".")
                && !name.startsWith("_")
                && Files.isRegularFile(p);
    }

    private static LocalDate dateOf(Path dir) {
        String name = dir.getFileName().toString();
        if (!name.startsWith("date=")) {
            return null;
        }
        try {
            return LocalDate.parse(name.substring("date=".length()));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
