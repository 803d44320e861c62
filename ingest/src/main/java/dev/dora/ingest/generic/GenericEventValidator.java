package dev.dora.ingest.generic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a body of the generic API (DESIGN.md, "The generic API"): one event object or a non-empty
 * array of them, each with a known {@code type} and that type's fields. It answers every problem at
 * once, e.g. {@code [1].finished_at: not an ISO-8601 time with offset: 'yesterday'}, so a script's
 * author can fix a batch in one go. Fields it does not know are allowed (the contract grows by
 * adding fields).
 */
public final class GenericEventValidator {
    public static final List<String> TYPES =
            List.of("deployment", "incident", "change", "service_created", "platform_request");
    public static final List<String> DEPLOYMENT_STATUSES =
            List.of("queued", "pending", "in_progress", "success", "failure", "error", "cancelled");
    public static final List<String> CHANNELS = List.of("self_service", "ticket");

    /** Statuses that end a deployment, so its {@code finished_at} is required. */
    private static final List<String> FINISHED =
            List.of("success", "failure", "error", "cancelled");

    /** Every time field of every type: checked even when the type is unknown. */
    private static final List<String> TIME_FIELDS =
            List.of(
                    "started_at",
                    "finished_at",
                    "opened_at",
                    "resolved_at",
                    "committed_at",
                    "created_at",
                    "requested_at",
                    "fulfilled_at");

    private GenericEventValidator() {}

    /** Every problem with the body, in document order; empty when it is valid. */
    public static List<String> problems(JsonNode body) {
        List<String> problems = new ArrayList<>();
        if (body.isObject()) {
            event(new Fields(body, "", problems));
        } else if (body.isArray()) {
            if (body.isEmpty()) {
                problems.add("body: empty array; send at least one event");
            }
            for (int i = 0; i < body.size(); i++) {
                if (body.get(i).isObject()) {
                    event(new Fields(body.get(i), "[" + i + "].", problems));
                } else {
                    problems.add("[" + i + "]: must be an object");
                }
            }
        } else {
            problems.add("body: must be an event object or an array of event objects");
        }
        return problems;
    }

    private static void event(Fields f) {
        String type = f.text("type");
        if (type == null) {
            TIME_FIELDS.forEach(f::optionalTime);
            return;
        }
        switch (type) {
            case "deployment" -> GenericEventTypes.deployment(f, FINISHED);
            case "incident" -> GenericEventTypes.incident(f);
            case "change" -> GenericEventTypes.change(f);
            case "service_created" -> GenericEventTypes.serviceCreated(f);
            case "platform_request" -> GenericEventTypes.platformRequest(f);
            default -> {
                f.problem("type", "unknown type '" + type + "'");
                TIME_FIELDS.forEach(f::optionalTime);
            }
        }
    }
}
