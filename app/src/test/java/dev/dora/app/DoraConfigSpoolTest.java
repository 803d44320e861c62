package dev.dora.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spool's size limit in {@code dora.yaml}: default, value, and a message naming the key. */
class DoraConfigSpoolTest {
    @TempDir Path dir;

    @Test
    void theSpoolHoldsOneGibibyteByDefault() throws IOException {
        assertThat(load("port: 0\n").spoolMaxBytes()).isEqualTo(1L << 30);
    }

    @Test
    void theSpoolLimitIsReadInBytes() throws IOException {
        assertThat(load("ingest:\n  spool_max_bytes: 5000000000\n").spoolMaxBytes())
                .isEqualTo(5_000_000_000L);
    }

    @Test
    void aWrongSpoolLimitNamesTheKey() {
        assertThatThrownBy(() -> load("ingest:\n  spool_max_bytes: 1GB\n"))
                .isInstanceOf(DoraConfig.ConfigException.class)
                .hasMessageContaining("ingest.spool_max_bytes");
        assertThatThrownBy(() -> load("ingest:\n  spool_max_bytes: 1000\n"))
                .isInstanceOf(DoraConfig.ConfigException.class)
                .hasMessageContaining("ingest.spool_max_bytes must be at least");
    }

    private DoraConfig load(String yaml) throws IOException {
        Path file = dir.resolve("dora.yaml");
        Files.writeString(file, yaml);
        return DoraConfig.load(file, Map.of(), null, dir.resolve("data"));
    }
}
