package dev.dora.ingest.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a spool directory: two writers appending to the same segments would
 * interleave their frames, so a second process (or a second spool in this JVM) fails at open.
 */
final class SpoolLock implements AutoCloseable {
    static final String FILE = "spool.lock";
    private final FileChannel channel;

    private SpoolLock(FileChannel channel) {
        this.channel = channel;
    }

    static SpoolLock acquire(Path dir) throws IOException {
        FileChannel ch =
                FileChannel.open(
                        dir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this JVM
        }
        if (lock == null) {
            ch.close();
            throw new IOException(
                    "spool "
                            + dir
                            + " is in use by another process; each ingest process needs its own"
                            + " spool directory");
        }
        return new SpoolLock(ch);
    }

    /** Releases the lock (closing the channel releases it). */
    @Override
    public void close() throws IOException {
        channel.close();
    }
}
