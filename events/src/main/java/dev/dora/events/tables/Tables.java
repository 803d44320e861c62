package dev.dora.events.tables;

import static dev.dora.events.tables.Column.optional;
import static dev.dora.events.tables.Column.required;
import static dev.dora.events.tables.ColumnType.BOOLEAN;
import static dev.dora.events.tables.ColumnType.BYTES;
import static dev.dora.events.tables.ColumnType.LONG;
import static dev.dora.events.tables.ColumnType.STRING;
import static dev.dora.events.tables.ColumnType.TIMESTAMP;

import java.util.List;

/**
 * The warehouse tables. This is the single definition both sides use: the Flink job derives its
 * Parquet schemas from it and the query layer its empty views.
 */
public final class Tables {
    private Tables() {}

    public static final TableSchema EVENTS_RAW =
            new TableSchema(
                    "events_raw",
                    "Every accepted webhook, as received: the archive every other table is rebuilt"
                            + " from.",
                    List.of(
                            required("event_id", STRING, "id ingest gave the receipt"),
                            required("source", STRING, "webhook source, e.g. github"),
                            required("event_type", STRING, "the source's event type, e.g. push"),
                            required("delivery_id", STRING, "the sender's delivery id"),
                            required("received_at", TIMESTAMP, "when ingest received it (UTC)"),
                            required("headers", STRING, "selected request headers as JSON"),
                            required("body", BYTES, "the raw request body")),
                    "received_at",
                    List.of("event_id"),
                    null);

    public static final TableSchema REJECTED_EVENTS =
            new TableSchema(
                    "rejected_events",
                    "Envelopes the job could not turn into facts, with the reason (dead letter).",
                    List.of(
                            required("event_id", STRING, "id of the raw envelope"),
                            required("source", STRING, "webhook source"),
                            required("event_type", STRING, "the source's event type"),
                            required("delivery_id", STRING, "the sender's delivery id"),
                            required("received_at", TIMESTAMP, "when ingest received it (UTC)"),
                            required("reason", STRING, "why it could not be used")),
                    "received_at",
                    List.of("event_id"),
                    null);

    public static final TableSchema CHANGES =
            new TableSchema(
                    "changes",
                    "Commits that reached a service's default branch, one row per push that"
                            + " carried them (read the latest per change_key).",
                    List.of(
                            required("change_key", STRING, "service and sha: '<service>@<sha>'"),
                            required("service", STRING, "the service the repository maps to"),
                            optional("repo", STRING, "repository full name"),
                            required("sha", STRING, "commit id"),
                            optional("branch", STRING, "the default branch it reached"),
                            optional("committed_at", TIMESTAMP, "the commit's own time (UTC)"),
                            optional(
                                    "started_at",
                                    TIMESTAMP,
                                    "change start: the earliest known commit time of the work"),
                            required("pushed_at", TIMESTAMP, "when the push happened (UTC)"),
                            optional(
                                    "push_before",
                                    STRING,
                                    "branch head before the push (none for declared changes)"),
                            optional("push_after", STRING, "branch head after the push"),
                            required("event_id", STRING, "raw envelope it came from"),
                            required("version", LONG, "higher wins among rows of one change_key")),
                    "pushed_at",
                    List.of("change_key"),
                    "version");

    public static final TableSchema DEPLOYMENTS =
            new TableSchema(
                    "deployments",
                    "Deployment attempts, one row per status received (read the latest per"
                            + " deployment_key).",
                    List.of(
                            required("deployment_key", STRING, "'<source>:<repo or service>:<id>'"),
                            required("source", STRING, "webhook source"),
                            required("deployment_id", STRING, "the source's deployment id"),
                            required("service", STRING, "the service the repository maps to"),
                            optional("repo", STRING, "repository full name, when known"),
                            required("environment", STRING, "target environment as named"),
                            required("production", BOOLEAN, "environment matches production"),
                            optional("sha", STRING, "deployed commit, when known"),
                            optional("ref", STRING, "deployed ref"),
                            required("status", STRING, "latest status, lower case"),
                            optional("started_at", TIMESTAMP, "when the attempt was created"),
                            optional(
                                    "finished_at",
                                    TIMESTAMP,
                                    "when it reached its final status (success/failure/error)"),
                            required("status_at", TIMESTAMP, "when this status was reported"),
                            required("event_id", STRING, "raw envelope it came from"),
                            required("version", LONG, "higher wins among rows of one key")),
                    "status_at",
                    List.of("deployment_key"),
                    "version");

    public static final TableSchema DEPLOYMENT_CHANGES =
            new TableSchema(
                    "deployment_changes",
                    "The change set of each successful production deployment, from the push chain.",
                    List.of(
                            required("deployment_key", STRING, "the deployment"),
                            required("change_key", STRING, "a change it carried"),
                            required("service", STRING, "service of both"),
                            required("sha", STRING, "the change's commit id"),
                            required("deployed_at", TIMESTAMP, "the deployment's finished_at"),
                            required("event_id", STRING, "raw envelope of the final status")),
                    "deployed_at",
                    List.of("deployment_key", "change_key"),
                    null);

    public static final List<TableSchema> ALL =
            List.of(EVENTS_RAW, REJECTED_EVENTS, CHANGES, DEPLOYMENTS, DEPLOYMENT_CHANGES);
}
