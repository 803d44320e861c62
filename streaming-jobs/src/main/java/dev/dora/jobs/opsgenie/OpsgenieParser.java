package dev.dora.jobs.opsgenie;

import static dev.dora.jobs.JsonPaths.at;
import static dev.dora.jobs.JsonPaths.required;
import static dev.dora.jobs.JsonPaths.requiredText;
import static dev.dora.jobs.JsonPaths.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dora.events.CanonicalEvent;
import dev.dora.events.IncidentEvent;
import dev.dora.events.RawEnvelope;
import dev.dora.jobs.JsonPaths;
import dev.dora.jobs.ParserSettings;
import dev.dora.jobs.UnparseableEventException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Opsgenie Webhook integration callbacks to canonical events: a pure function of the envelope. An
 * alert is the incident; {@code Create}, {@code Acknowledge}, {@code UnAcknowledge} and {@code
 * Close} change its state, every other action ({@code AddNote}, {@code AddTeam}, {@code Delete},
 * ...) is archived and yields nothing. The mapping is in {@code README.md} beside this class.
 */
public final class OpsgenieParser {
    private static final Map<String, String> STATUSES =
            Map.of(
                    "create", IncidentEvent.OPEN,
                    "unacknowledge", IncidentEvent.OPEN,
                    "acknowledge", IncidentEvent.ACKNOWLEDGED,
                    "close", IncidentEvent.RESOLVED);

    private OpsgenieParser() {}

    public static List<CanonicalEvent> parse(RawEnvelope envelope) {
        return parse(envelope, ParserSettings.defaults());
    }

    public static List<CanonicalEvent> parse(RawEnvelope envelope, ParserSettings settings) {
        JsonNode root = JsonPaths.object(envelope);
        String action = requiredText(root, "action");
        String status = STATUSES.get(action.toLowerCase(Locale.ROOT));
        if (status == null) {
            return List.of();
        }
        required(root, "alert");
        Instant openedAt = epochOrIso(root, "alert.createdAt");
        // updatedAt is when the alert last changed: this action, as the callback follows it.
        // Without it: the creation time for Create, else the time ingest received the callback.
        Instant occurredAt;
        if (text(root, "alert.updatedAt") != null) {
            occurredAt = epochOrIso(root, "alert.updatedAt");
        } else if (action.equalsIgnoreCase("create")) {
            occurredAt = openedAt;
        } else {
            occurredAt = envelope.receivedAt();
        }
        String serviceRef = serviceRef(root);
        IncidentEvent incident =
                new IncidentEvent(
                        envelope.source(),
                        requiredText(root, "alert.alertId"),
                        serviceRef,
                        text(root, "alert.message"),
                        status,
                        severity(root),
                        openedAt,
                        status.equals(IncidentEvent.RESOLVED) ? occurredAt : null,
                        null,
                        null,
                        occurredAt);
        return List.of(CanonicalEvent.of(envelope.eventId(), serviceRef, incident));
    }

    /**
     * The affected service: the alert's entity, else its first team, else its source (the tool or
     * user that raised it).
     */
    private static String serviceRef(JsonNode root) {
        String entity = text(root, "alert.entity");
        if (entity != null) {
            return entity;
        }
        // A team may be listed as a plain string or as an object {name, id}; both are read.
        JsonNode team = at(root, "alert.teams.0");
        String teamName = team.isObject() ? text(team, "name") : text(root, "alert.teams.0");
        if (teamName == null && team.isObject()) {
            teamName = text(team, "id");
        }
        if (teamName != null) {
            return teamName;
        }
        String source = text(root, "alert.source");
        if (source == null) {
            // Events are keyed by service downstream, so an incident needs one.
            throw new UnparseableEventException(
                    "no service: 'alert.entity', 'alert.teams' and 'alert.source' are all empty");
        }
        return source;
    }

    /** Opsgenie's priority: {@code P1}..{@code P5}; a bare number {@code n} reads as {@code Pn}. */
    private static String severity(JsonNode root) {
        JsonNode priority = at(root, "alert.priority");
        if (priority.isIntegralNumber()) {
            return "P" + priority.asLong();
        }
        return text(root, "alert.priority");
    }

    /**
     * A time sent as an epoch number or as ISO-8601 text. Opsgenie mixes units in one payload
     * ({@code createdAt} in milliseconds, {@code updatedAt} in nanoseconds), so the unit is told by
     * magnitude, which is unambiguous for any time after 1973: below 10^11 seconds, below 10^14
     * milliseconds, below 10^17 microseconds, else nanoseconds.
     */
    static Instant epochOrIso(JsonNode root, String path) {
        JsonNode n = required(root, path);
        String s = n.asText();
        if (!n.isIntegralNumber() && !(n.isTextual() && s.matches("\\d{1,19}"))) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e) {
                throw new UnparseableEventException(
                        "time '" + path + "' is neither an epoch number nor ISO-8601: " + n);
            }
        }
        long v;
        try {
            v = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new UnparseableEventException("time '" + path + "' is out of range: " + s);
        }
        if (v <= 0) {
            throw new UnparseableEventException("time '" + path + "' is not positive: " + s);
        }
        if (v < 100_000_000_000L) {
            return Instant.ofEpochSecond(v);
        }
        if (v < 100_000_000_000_000L) {
            return Instant.ofEpochMilli(v);
        }
        if (v < 100_000_000_000_000_000L) {
            return Instant.EPOCH.plus(v, ChronoUnit.MICROS);
        }
        return Instant.ofEpochSecond(v / 1_000_000_000L, v % 1_000_000_000L);
    }
}
