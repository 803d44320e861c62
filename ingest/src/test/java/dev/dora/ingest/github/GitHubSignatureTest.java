package dev.dora.ingest.github;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** X-Hub-Signature-256 against GitHub's own published test vector (shared corpus). */
class GitHubSignatureTest {
    private String secret;
    private byte[] body;
    private String header;

    @BeforeEach
    void loadVector() throws IOException {
        String configured = System.getProperty("dora.fixtures");
        Path root =
                configured != null && !configured.isBlank()
                        ? Path.of(configured)
                        : Path.of("../../shared/fixtures");
        Path file = root.resolve("signing-test-vectors.json").toAbsolutePath().normalize();
        assumeTrue(
                Files.isRegularFile(file),
                "shared fixtures not found at " + file + ": skipping signature test vectors");
        JsonNode vector = new ObjectMapper().readTree(file.toFile()).path("github").get(0);
        secret = vector.path("secret").asText();
        body = vector.path("body").asText().getBytes(UTF_8);
        header = vector.path("header_value").asText();
    }

    @Test
    void publishedVectorVerifies() {
        assertThat(GitHubSignature.verify(secret, body, header)).isTrue();
    }

    @Test
    void signProducesThePublishedHeader() {
        assertThat(GitHubSignature.sign(secret, body)).isEqualTo(header);
    }

    @Test
    void flippedHexDigitFails() {
        char last = header.charAt(header.length() - 1);
        String flipped = header.substring(0, header.length() - 1) + (last == '0' ? '1' : '0');

        assertThat(GitHubSignature.verify(secret, body, flipped)).isFalse();
    }

    @Test
    void missingHeaderFails() {
        assertThat(GitHubSignature.verify(secret, body, null)).isFalse();
    }

    @Test
    void headerWithoutPrefixFails() {
        String hexOnly = header.substring("sha256=".length());

        assertThat(GitHubSignature.verify(secret, body, hexOnly)).isFalse();
    }

    @Test
    void nonHexValueFails() {
        assertThat(GitHubSignature.verify(secret, body, "sha256=not-hex-at-all")).isFalse();
    }

    @Test
    void otherSecretFails() {
        assertThat(GitHubSignature.verify("another secret", body, header)).isFalse();
    }
}
