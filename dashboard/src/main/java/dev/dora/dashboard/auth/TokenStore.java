package dev.dora.dashboard.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * API tokens with roles, kept in a JSON file that holds only each token's SHA-256 hash: the token
 * itself is shown once, when it is created, and cannot be read back. Tokens are 32 random bytes, so
 * an unsalted hash is enough (nothing to guess); lookups compare hashes in constant time.
 *
 * <p>The file is shared by the {@code dora token} command and the running server: writers take a
 * file lock and replace the file atomically; the server reloads it when its modification time
 * changes, so a token created or revoked from the command line takes effect without a restart.
 */
public final class TokenStore {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final String PREFIX = "dora_";

    /** One stored token: never the token, only its hash. */
    public record Entry(String id, String role, String sha256, String name, String created) {
        public Role parsedRole() {
            return Role.parse(role);
        }
    }

    /** A token just created: the only time its value is known. */
    public record Created(Entry entry, String token) {
        @Override
        public String toString() {
            return "Created[" + entry.id() + "]";
        }
    }

    private final Path file;
    private final Clock clock;
    private List<Entry> entries = List.of();

    /**
     * The loaded file's modification time and identity: every write replaces the file, so a new
     * file key tells a change apart even within one tick of a coarse file-system clock.
     */
    private List<Object> loadedAt;

    public TokenStore(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /** The entry whose token this is, if any (reloading the file when it has changed). */
    public synchronized Optional<Entry> find(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        reloadIfChanged();
        byte[] hash = HexFormat.of().formatHex(sha256(token)).getBytes(StandardCharsets.UTF_8);
        Entry match = null;
        for (Entry e : entries) { // every entry compared, in constant time each
            if (MessageDigest.isEqual(hash, e.sha256().getBytes(StandardCharsets.UTF_8))) {
                match = e;
            }
        }
        return Optional.ofNullable(match);
    }

    /** Whether a token id is still present (a revoked token's sessions end with it). */
    public synchronized boolean exists(String id) {
        reloadIfChanged();
        return entries.stream().anyMatch(e -> e.id().equals(id));
    }

    public synchronized List<Entry> list() {
        reloadIfChanged();
        return entries;
    }

    /** Creates a token with a role and an optional name (what it is for). */
    public Created create(Role role, String name) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        byte[] idBytes = new byte[6];
        RANDOM.nextBytes(idBytes);
        Entry entry =
                new Entry(
                        "tok_" + HexFormat.of().formatHex(idBytes),
                        role.id(),
                        HexFormat.of().formatHex(sha256(token)),
                        name == null || name.isBlank() ? null : name,
                        clock.instant().toString());
        update(
                list -> {
                    list.add(entry);
                    return true;
                });
        return new Created(entry, token);
    }

    /** Removes a token; false when no token has that id. */
    public boolean revoke(String id) {
        return update(list -> list.removeIf(e -> e.id().equals(id)));
    }

    private interface Change {
        boolean apply(List<Entry> entries);
    }

    private synchronized boolean update(Change change) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
            try (FileChannel ch =
                            FileChannel.open(
                                    lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = ch.lock()) {
                List<Entry> list = new ArrayList<>(read());
                boolean changed = change.apply(list);
                if (changed) {
                    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
                    Files.writeString(
                            tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(list));
                    ownerOnly(tmp);
                    Files.move(
                            tmp,
                            file,
                            StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                }
                entries = List.copyOf(list);
                loadedAt = stamp();
                return changed;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the token file " + file, e);
        }
    }

    private void reloadIfChanged() {
        try {
            if (!Files.exists(file)) {
                entries = List.of();
                loadedAt = null;
                return;
            }
            List<Object> modified = stamp();
            if (!modified.equals(loadedAt)) {
                entries = List.copyOf(read());
                loadedAt = modified;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the token file " + file, e);
        }
    }

    private List<Object> stamp() throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return java.util.Arrays.asList(a.lastModifiedTime(), a.fileKey(), a.size());
    }

    private List<Entry> read() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return JSON.readValue(file.toFile(), new TypeReference<List<Entry>>() {});
        } catch (IOException e) {
            throw new IOException("the token file " + file + " is not valid: " + e.getMessage(), e);
        }
    }

    private static void ownerOnly(Path p) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own permissions apply
        }
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
