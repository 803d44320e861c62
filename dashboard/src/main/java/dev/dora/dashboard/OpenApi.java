package dev.dora.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The OpenAPI 3.1 description of the public API ({@code api/openapi.json} on the classpath), served
 * at {@code /api/openapi.json}. Written by hand; {@code OpenApiTest} checks it against the routes
 * the server really has, and the role each needs ({@code x-dora-role}).
 */
public final class OpenApi {
    private static final String DOCUMENT = load();

    private OpenApi() {}

    public static String document() {
        return DOCUMENT;
    }

    private static String load() {
        try (InputStream in = OpenApi.class.getResourceAsStream("/api/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("missing resource api/openapi.json");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
