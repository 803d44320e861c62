package dev.dora.ingest.sources;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Checks that a body is one well-formed JSON document with Jackson's streaming parser: it reads
 * tokens without building a tree or decoding strings, so a 25 MiB payload costs one pass and no
 * allocation proportional to its size. Jackson's default limits (e.g. nesting depth) apply.
 */
public final class JsonSyntax {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final int MAX_MESSAGE = 200;

    private JsonSyntax() {}

    /** The problem with the body, or null when it is one valid JSON value. */
    public static String problem(byte[] body) {
        try (JsonParser parser = FACTORY.createParser(body)) {
            if (parser.nextToken() == null) {
                return "body is empty; a JSON document is required";
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                return "body is not valid JSON: more than one JSON value";
            }
            return null;
        } catch (JsonProcessingException e) {
            return "body is not valid JSON: " + describe(e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a byte array cannot fail", e);
        }
    }

    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            message = e.getClass().getSimpleName();
        }
        message = message.replaceAll("\\s+", " ").trim();
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "...";
        }
        JsonLocation at = e.getLocation();
        return at == null
                ? message
                : message + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }
}
