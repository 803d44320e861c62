package dev.dora.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads a named SQL file from {@code src/main/resources/sql}. */
final class SqlResource {
    private SqlResource() {}

    static String load(String name) {
        String path = "/sql/" + name + ".sql";
        try (InputStream in = SqlResource.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing SQL resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
