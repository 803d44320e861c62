package dev.dora.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a data directory ({@code <data>/dora.lock}): {@code dora up} holds it while
 * it runs, and {@code dora backfill} needs it, so a backfill never rewrites tables a running
 * pipeline is writing. The operating system releases it when the process ends, however it ends.
 */
final class DataDirLock implements AutoCloseable {
    private final FileChannel channel;

    private DataDirLock(FileChannel channel) {
        this.channel = channel;
    }

    /**
     * @throws IllegalStateException when another process (or this one) holds it
     */
    static DataDirLock acquire(Path dataDir, String purpose) {
        try {
            Files.createDirectories(dataDir);
            FileChannel ch =
                    FileChannel.open(
                            dataDir.resolve("dora.lock"),
                            StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                ch.close();
                throw new IllegalStateException(
                        dataDir + " is in use by another dora process; stop it before " + purpose);
            }
            return new DataDirLock(ch);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + dataDir, e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
