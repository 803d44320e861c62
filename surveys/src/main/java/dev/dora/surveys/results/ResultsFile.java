package dev.dora.surveys.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The survey-results export ({@code GET /api/v1/export/survey-results.*} and {@code dora export
 * survey-results}): the API's results, suppression applied, as CSV ({@link ResultsCsv}) or JSON.
 */
public final class ResultsFile {
    private ResultsFile() {}

    /** The media type of a format. */
    public static String mediaType(String format) {
        return switch (check(format)) {
            case "csv" -> "text/csv; charset=utf-8";
            default -> "application/json";
        };
    }

    /**
     * @throws IllegalArgumentException for a format other than csv or json
     */
    public static String check(String format) {
        if (!format.equals("csv") && !format.equals("json")) {
            throw new IllegalArgumentException(
                    "survey-results is exported as csv or json, not " + format);
        }
        return format;
    }

    public static void write(JsonNode results, String format, OutputStream out) throws IOException {
        if (check(format).equals("csv")) {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            ResultsCsv.write(results, w);
            w.flush();
        } else {
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(out, results);
        }
    }
}
