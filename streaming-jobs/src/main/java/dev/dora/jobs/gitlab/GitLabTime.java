package dev.dora.jobs.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dora.jobs.UnparseableEventException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitLab's time formats to UTC instants. GitLab writes ISO-8601 ({@code 2013-12-03T17:23:34Z},
 * {@code 2011-12-12T14:27:31+02:00}, {@code 2025-03-19T16:19:36.993+08:00}) and Ruby's default
 * {@code Time#to_s} ({@code 2016-08-12 15:23:28 UTC}, {@code 2021-04-28 21:50:00 +0200}), both in
 * the same payload. A time without a zone is rejected rather than guessed.
 */
final class GitLabTime {
    private static final Pattern RUBY =
            Pattern.compile(
                    "(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?)"
                            + " (UTC|Z|[+-]\\d{2}:?\\d{2})");

    private GitLabTime() {}

    static Instant parse(String text) {
        Matcher m = RUBY.matcher(text);
        String iso = m.matches() ? m.group(1) + "T" + m.group(2) + offset(m.group(3)) : text;
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The time in a field that must hold one; {@code where} is the path of {@code node} (e.g.
     * {@code object_attributes.}), used in the message only.
     */
    static Instant required(JsonNode node, String where, String field) {
        JsonNode n = node.get(field);
        if (n == null || n.isNull() || n.asText().isEmpty()) {
            throw new UnparseableEventException("missing time '" + where + field + "'");
        }
        return valid(n.asText(), where + field);
    }

    /** The time in a field, or null when the field is absent, null or empty. */
    static Instant optional(JsonNode node, String where, String field) {
        JsonNode n = node.get(field);
        if (n == null || n.isNull() || n.asText().isEmpty()) {
            return null;
        }
        return valid(n.asText(), where + field);
    }

    private static Instant valid(String text, String path) {
        Instant t = parse(text);
        if (t == null) {
            throw new UnparseableEventException(
                    "time '" + path + "' is not a GitLab time with a zone: " + text);
        }
        return t;
    }

    private static String offset(String zone) {
        if (zone.equals("UTC") || zone.equals("Z")) {
            return "Z";
        }
        return zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone;
    }
}
