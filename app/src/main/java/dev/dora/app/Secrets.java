package dev.dora.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Secrets under {@code <data>/secrets}: a configured value wins; otherwise one generated at first
 * start and kept (owner-only permissions) so it stays the same across restarts.
 */
final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A secret and whether it was generated just now (then it is shown once to the user). */
    record Secret(String value, Path file, boolean generated, boolean configured) {
        @Override
        public String toString() {
            return "Secret[" + file + "]";
        }
    }

    private Secrets() {}

    static Secret loadOrCreate(Path dir, String name, String configured) {
        Path file = dir.resolve(name);
        if (configured != null && !configured.isBlank()) {
            return new Secret(configured, file, false, true);
        }
        try {
            if (Files.exists(file)) {
                return new Secret(Files.readString(file).trim(), file, false, false);
            }
            Files.createDirectories(dir);
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            String value = HexFormat.of().formatHex(bytes);
            Files.writeString(file, value + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the data directory's own permissions apply
            }
            return new Secret(value, file, true, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write secret " + file, e);
        }
    }
}
