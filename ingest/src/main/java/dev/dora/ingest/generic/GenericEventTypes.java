package dev.dora.ingest.generic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The fields each generic event type requires or allows, in the order problems are listed. */
final class GenericEventTypes {
    private GenericEventTypes() {}

    static void deployment(Fields f, List<String> finished) {
        f.text("id");
        if (!f.present("service") && !f.present("repo")) {
            f.problem("service", "missing (a deployment needs service or repo)");
        }
        f.optionalText("service");
        f.optionalText("repo");
        f.text("environment");
        String status = f.oneOf("status", GenericEventValidator.DEPLOYMENT_STATUSES);
        f.optionalTime("started_at");
        if (status != null && finished.contains(status)) {
            f.time("finished_at", "required when status is " + status);
        } else {
            f.optionalTime("finished_at");
        }
        f.optionalText("rollback_of");
        f.optionalText("pipeline");
        f.optionalText("ref");
        f.optionalText("sha");
        if (f.present("changes")) {
            changes(f);
        }
    }

    private static void changes(Fields f) {
        JsonNode changes = f.get("changes");
        if (!changes.isArray()) {
            f.problem("changes", "must be an array");
            return;
        }
        for (int i = 0; i < changes.size(); i++) {
            String path = f.path("changes") + "[" + i + "]";
            if (!changes.get(i).isObject()) {
                f.problems().add(path + ": must be an object");
                continue;
            }
            Fields change = new Fields(changes.get(i), path + ".", f.problems());
            change.text("sha");
            change.time("committed_at");
        }
    }

    static void incident(Fields f) {
        f.text("id");
        f.text("service");
        f.time("opened_at");
        f.optionalTime("resolved_at");
        f.optionalText("severity");
        if (f.present("caused_by")) {
            Fields cause = f.object("caused_by");
            if (cause != null && !cause.present("deployment_id") && !cause.present("sha")) {
                f.problem("caused_by", "must have deployment_id or sha");
            } else if (cause != null) {
                cause.optionalText("deployment_id");
                cause.optionalText("sha");
            }
        }
    }

    static void change(Fields f) {
        f.text("sha");
        f.text("repo");
        f.time("committed_at");
        f.optionalText("branch");
        f.optionalTextOrNumber("pr");
        f.optionalStrings("paths");
    }

    static void serviceCreated(Fields f) {
        f.text("service");
        f.time("created_at");
        f.optionalText("template");
    }

    static void platformRequest(Fields f) {
        f.text("id");
        f.oneOf("channel", GenericEventValidator.CHANNELS);
        f.time("requested_at");
        f.optionalTime("fulfilled_at");
        f.optionalText("service");
        f.optionalText("team");
        f.optionalText("kind");
    }
}
