package dev.dora.surveys.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a template from YAML and checks it completely, failing with a message that names the
 * template, the question (by position and id) and the field, so a typo is found before a survey is
 * sent.
 */
public final class TemplateParser {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern TEMPLATE_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_]{0,63}");
    private static final Set<String> TEMPLATE_FIELDS =
            Set.of("id", "title", "description", "questions");
    private static final Set<String> QUESTION_FIELDS =
            Set.of("id", "type", "dimension", "text", "required", "options", "min", "max");

    private TemplateParser() {}

    /**
     * @param source names the input in messages (a file name or "request body")
     * @throws TemplateException naming the problem
     */
    public static Template parse(String yaml, String source, boolean builtIn) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new TemplateException(
                    source + ": not valid YAML: " + e.getOriginalMessage().split("\n")[0]);
        } catch (IOException e) {
            throw new TemplateException(source + ": not valid YAML: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new TemplateException(
                    source + ": a template is a YAML mapping with id, title" + " and questions");
        }
        String id = text(root, "id", source);
        if (!TEMPLATE_ID.matcher(id).matches()) {
            throw new TemplateException(
                    source
                            + ": id '"
                            + id
                            + "' must be lower-case letters, digits, '-' or '_' (at most 64)");
        }
        String where = "template '" + id + "'";
        unknownFields(root, TEMPLATE_FIELDS, where);
        String title = text(root, "title", where);
        JsonNode description = root.get("description");
        JsonNode questions = root.get("questions");
        if (questions == null || !questions.isArray() || questions.isEmpty()) {
            throw new TemplateException(where + ": 'questions' must be a non-empty list");
        }
        List<Question> list = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int position = 0;
        for (JsonNode q : questions) {
            position++;
            Question question = question(q, where + ", question " + position);
            Integer before = seen.putIfAbsent(question.id(), position);
            if (before != null) {
                throw new TemplateException(
                        where
                                + ": duplicate question id '"
                                + question.id()
                                + "' (questions "
                                + before
                                + " and "
                                + position
                                + ")");
            }
            list.add(question);
        }
        return new Template(
                id,
                title,
                description == null || description.isNull() ? "" : description.asText(),
                list,
                builtIn);
    }

    private static Question question(JsonNode q, String position) {
        if (!q.isObject()) {
            throw new TemplateException(
                    position + ": a question is a mapping with id, type, dimension and text");
        }
        String id = text(q, "id", position);
        if (!NAME.matcher(id).matches()) {
            throw new TemplateException(
                    position + ": id '" + id + "' must be lower-case letters, digits or '_'");
        }
        String where = position + " ('" + id + "')";
        unknownFields(q, QUESTION_FIELDS, where);
        String typeName = text(q, "type", where);
        QuestionType type =
                QuestionType.parse(typeName)
                        .orElseThrow(
                                () ->
                                        new TemplateException(
                                                where
                                                        + ": unknown type '"
                                                        + typeName
                                                        + "'; expected one of "
                                                        + QuestionType.names()));
        String dimension = text(q, "dimension", where);
        if (!NAME.matcher(dimension).matches()) {
            throw new TemplateException(
                    where
                            + ": dimension '"
                            + dimension
                            + "' must be lower-case letters, digits or '_'");
        }
        String text = text(q, "text", where);
        JsonNode required = q.get("required");
        if (required != null && !required.isBoolean()) {
            throw new TemplateException(where + ": 'required' must be true or false");
        }
        List<Option> options = options(q.get("options"), type, where);
        Double min = number(q, "min", type, where);
        Double max = number(q, "max", type, where);
        if (min != null && max != null && min > max) {
            throw new TemplateException(where + ": 'min' is greater than 'max'");
        }
        return new Question(
                id,
                type,
                dimension,
                text,
                required != null && required.asBoolean(),
                options,
                min,
                max);
    }

    private static List<Option> options(JsonNode node, QuestionType type, String where) {
        if (type != QuestionType.SINGLE_CHOICE) {
            if (node != null) {
                throw new TemplateException(
                        where + ": 'options' is only for single_choice questions");
            }
            return List.of();
        }
        if (node == null || !node.isArray() || node.size() < 2) {
            throw new TemplateException(
                    where + ": a single_choice question needs 'options', a list of at least two");
        }
        List<Option> options = new ArrayList<>();
        int i = 0;
        for (JsonNode o : node) {
            i++;
            String at = where + ", option " + i;
            if (!o.isObject()) {
                throw new TemplateException(at + ": an option is a mapping with id and label");
            }
            String id = text(o, "id", at);
            if (!NAME.matcher(id).matches()) {
                throw new TemplateException(
                        at + ": id '" + id + "' must be lower-case letters, digits or '_'");
            }
            String label = text(o, "label", at);
            if (options.stream().anyMatch(x -> x.id().equals(id))) {
                throw new TemplateException(where + ": duplicate option id '" + id + "'");
            }
            options.add(new Option(id, label));
        }
        return options;
    }

    private static Double number(JsonNode q, String field, QuestionType type, String where) {
        JsonNode v = q.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (type != QuestionType.NUMBER) {
            throw new TemplateException(where + ": '" + field + "' is only for number questions");
        }
        if (!v.isNumber()) {
            throw new TemplateException(where + ": '" + field + "' must be a number");
        }
        return v.asDouble();
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
            throw new TemplateException(where + ": '" + field + "' is missing or empty");
        }
        return v.asText().strip();
    }

    private static void unknownFields(JsonNode node, Set<String> known, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                throw new TemplateException(
                        where
                                + ": unknown field '"
                                + f
                                + "'; expected "
                                + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }
}
