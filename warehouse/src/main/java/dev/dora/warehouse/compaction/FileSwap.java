package dev.dora.warehouse.compaction;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Replaces the files of one partition by one new file so that a crash at any point leaves either
 * the originals or the new file visible, never both (which would count {@code events_raw} rows
 * twice). Before the swap, a marker {@code _compacting-<id>} names the new file and the originals;
 * the new file is written under a dot name, forced to disk and renamed atomically; then the
 * originals and the marker are deleted. {@link #finishInterrupted} completes or undoes a swap a
 * crash interrupted: the rename is the commit point.
 */
final class FileSwap {
    private static final String MARKER = "_compacting-";

    final Path temporary;
    final Path target;
    private final Path marker;
    private final List<Path> originals;

    FileSwap(Path dir, List<Path> originals) throws IOException {
        String id = UUID.randomUUID().toString();
        this.temporary = dir.resolve(".compacting-" + id + ".parquet.tmp");
        this.target = dir.resolve("compacted-" + id + ".parquet");
        this.marker = dir.resolve(MARKER + id);
        this.originals = List.copyOf(originals);
        List<String> lines = new ArrayList<>();
        lines.add(target.getFileName().toString());
        originals.forEach(p -> lines.add(p.getFileName().toString()));
        Files.write(marker, lines, StandardCharsets.UTF_8);
        force(marker);
        force(dir);
    }

    /** Commits {@link #temporary} (when it holds rows) in place of the originals. */
    void commit(boolean keepTemporary) throws IOException {
        Path dir = target.getParent();
        if (keepTemporary) {
            force(temporary);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } else {
            // Every row was superseded: the partition loses its files. Mark the commit point
            // with an empty target name, so an interrupted delete is finished, not undone.
            Files.deleteIfExists(temporary);
            List<String> lines = new ArrayList<>();
            lines.add("");
            originals.forEach(o -> lines.add(o.getFileName().toString()));
            Files.write(marker, lines, StandardCharsets.UTF_8);
            force(marker);
        }
        force(dir);
        for (Path p : originals) {
            Files.deleteIfExists(p);
        }
        Files.deleteIfExists(marker);
    }

    /** Abandons the swap: the originals stay, the partial new file goes. */
    void abort() throws IOException {
        Files.deleteIfExists(temporary);
        Files.deleteIfExists(marker);
    }

    /** Completes (new file there: delete the originals) or undoes every interrupted swap. */
    static int finishInterrupted(Path partitionDir) throws IOException {
        List<Path> markers;
        try (Stream<Path> files = Files.list(partitionDir)) {
            markers = files.filter(p -> p.getFileName().toString().startsWith(MARKER)).toList();
        }
        for (Path marker : markers) {
            List<String> lines = Files.readAllLines(marker, StandardCharsets.UTF_8);
            String id = marker.getFileName().toString().substring(MARKER.length());
            boolean committed =
                    !lines.isEmpty()
                            && (lines.get(0).isEmpty()
                                    || Files.exists(partitionDir.resolve(lines.get(0))));
            if (committed) {
                for (String original : lines.subList(1, lines.size())) {
                    Files.deleteIfExists(partitionDir.resolve(original));
                }
            }
            Files.deleteIfExists(partitionDir.resolve(".compacting-" + id + ".parquet.tmp"));
            Files.deleteIfExists(marker);
        }
        return markers.size();
    }

    private static void force(Path p) throws IOException {
        boolean dir = Files.isDirectory(p);
        try (FileChannel ch =
                FileChannel.open(p, dir ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }
}
