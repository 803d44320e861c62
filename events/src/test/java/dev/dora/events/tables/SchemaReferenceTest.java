package dev.dora.events.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code SCHEMAS.md} at the repository root is exactly what the table definitions say. */
class SchemaReferenceTest {
    private static final Path FILE = Path.of("..", "SCHEMAS.md");

    @Test
    void committedReferenceMatchesTheTables() throws Exception {
        String expected = SchemaReference.markdown();
        if (Boolean.getBoolean("schemas.write")) {
            Files.writeString(FILE, expected);
        }
        assertThat(Files.readString(FILE))
                .as("SCHEMAS.md is out of date: run ./mvnw -q -pl events test -Dschemas.write=true")
                .isEqualTo(expected);
    }
}
