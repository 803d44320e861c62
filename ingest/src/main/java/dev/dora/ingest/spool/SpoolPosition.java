package dev.dora.ingest.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Where forwarding resumes: the segment and byte offset of the first record not yet acknowledged by
 * Kafka. Kept in a small text file ({@code "<segment> <offset>"}) that is replaced atomically, so a
 * crash leaves either the old or the new position, never a mix.
 */
record SpoolPosition(long segment, long offset) {
    static final String FILE = "spool.offset";

    static SpoolPosition read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return new SpoolPosition(1, 0);
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        String[] parts = text.split(" ");
        try {
            if (parts.length == 2) {
                SpoolPosition p =
                        new SpoolPosition(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
                if (p.segment > 0 && p.offset >= 0) {
                    return p;
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IOException(file + " does not hold a spool position: '" + text + "'");
    }

    void write(Path dir) throws IOException {
        Path tmp = dir.resolve(FILE + ".tmp");
        byte[] text = (segment + " " + offset + "\n").getBytes(StandardCharsets.US_ASCII);
        try (FileChannel ch =
                FileChannel.open(
                        tmp,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            RecordFormat.writeFully(ch, ByteBuffer.wrap(text), 0);
            ch.force(true);
        }
        Files.move(
                tmp,
                dir.resolve(FILE),
                StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(dir);
    }

    /** Makes a created, renamed or deleted directory entry durable. */
    static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory; the rename is atomic there all the same.
        }
    }
}
