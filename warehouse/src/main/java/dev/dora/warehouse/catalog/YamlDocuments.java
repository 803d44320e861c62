package dev.dora.warehouse.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Splits a multi-document YAML file into its documents and parses each one on its own, so that a
 * syntax error costs only its own document. (Jackson's {@code MappingIterator} over one {@code
 * YAMLParser} cannot resume after a syntax error: the rest of the file would be lost.) The split is
 * exact: YAML forbids a line starting with {@code ---} or {@code ...} followed by a space or the
 * end of the line anywhere inside a document, including inside block and quoted scalars.
 */
final class YamlDocuments {
    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory())
                    .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern START = Pattern.compile("---(\\s.*)?");
    private static final Pattern END = Pattern.compile("\\.\\.\\.(\\s.*)?");
    private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate field '(.*)' for .*");

    private YamlDocuments() {}

    /**
     * One document of a file: its tree, or why it is not YAML.
     *
     * @param number its position in the file, from 1, counting empty documents too
     * @param tree the parsed document, or null when {@code error} is set
     * @param error one line saying what is not YAML and where, with the file's line numbers
     */
    record Document(int number, JsonNode tree, String error) {
        /** True for a document with nothing but comments, or a lone {@code ---}. */
        boolean empty() {
            return error == null && (tree == null || tree.isMissingNode() || tree.isNull());
        }
    }

    /** The documents of a file's text, numbered as a reader counts them. */
    static List<Document> split(String text) {
        List<Document> documents = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        StringBuilder current = new StringBuilder();
        int firstLine = 1;
        // A document starts at a "---" line or at its first line of content; comments before the
        // first "---" (a file's header) are not a document of their own.
        boolean started = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (START.matcher(line).matches()) {
                if (started) {
                    documents.add(parse(documents.size() + 1, current, firstLine));
                }
                current = new StringBuilder();
                firstLine = i + 1;
                started = true;
                current.append(line).append('\n');
            } else if (END.matcher(line).matches()) {
                if (started) {
                    documents.add(parse(documents.size() + 1, current, firstLine));
                }
                current = new StringBuilder();
                firstLine = i + 2;
                started = false;
            } else {
                current.append(line).append('\n');
                started |= isContent(line);
            }
        }
        if (started) {
            documents.add(parse(documents.size() + 1, current, firstLine));
        }
        return documents;
    }

    private static boolean isContent(String line) {
        String trimmed = line.strip();
        return !trimmed.isEmpty() && !trimmed.startsWith("#") && !line.startsWith("%");
    }

    private static Document parse(int number, CharSequence text, int firstLine) {
        try {
            return new Document(number, YAML.readTree(text.toString()), null);
        } catch (JsonProcessingException e) {
            return new Document(number, null, describe(e, firstLine));
        }
    }

    /**
     * SnakeYAML's own problem and mark when it has them (its exceptions arrive as the cause of
     * Jackson's; SnakeYAML comes with jackson-dataformat-yaml), else Jackson's message and line.
     */
    private static String describe(JsonProcessingException e, int firstLine) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException yaml && yaml.getProblem() != null) {
                Mark mark =
                        yaml.getProblemMark() != null
                                ? yaml.getProblemMark()
                                : yaml.getContextMark();
                String what =
                        yaml.getContext() == null
                                ? yaml.getProblem()
                                : yaml.getContext() + ", " + yaml.getProblem();
                return mark == null
                        ? what
                        : at(what, firstLine + mark.getLine(), mark.getColumn() + 1);
            }
        }
        String message = e.getOriginalMessage().lines().findFirst().orElse("").strip();
        Matcher duplicate = DUPLICATE_KEY.matcher(message);
        if (duplicate.matches()) {
            message = "key '" + duplicate.group(1) + "' appears twice in one mapping";
        }
        // Jackson's column is that of the token it was reading (a duplicate key's value), so
        // only the line is given.
        JsonLocation location = e.getLocation();
        return location == null || location.getLineNr() < 1
                ? message
                : message + " (line " + (firstLine + location.getLineNr() - 1) + ")";
    }

    private static String at(String what, int line, int column) {
        return what + " (line " + line + ", column " + column + ")";
    }
}
