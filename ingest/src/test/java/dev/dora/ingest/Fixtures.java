package dev.dora.ingest;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared webhook corpus ({@code ../shared/fixtures}, path from the {@code dora.fixtures}
 * property that surefire sets). Tests that need it skip visibly when it is absent.
 */
public final class Fixtures {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Fixtures() {}

    /** The corpus root; skips the calling test when it is not there. */
    public static Path root() {
        String configured = System.getProperty("dora.fixtures");
        Path root =
                (configured != null && !configured.isBlank()
                                ? Path.of(configured)
                                : Path.of("../../shared/fixtures"))
                        .toAbsolutePath()
                        .normalize();
        assumeTrue(
                Files.isDirectory(root),
                "shared fixtures not found at " + root + ": skipping tests that need them");
        return root;
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(root().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(String relative) {
        try {
            return MAPPER.readTree(bytes(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The vendors' published signature test vectors of one source. */
    public static JsonNode signingVectors(String source) {
        return json("signing-test-vectors.json").path(source);
    }
}
