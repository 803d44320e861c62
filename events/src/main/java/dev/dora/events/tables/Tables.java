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
                            optional(
                                    "parent_sha",
                                    STRING,
                                    "the commit before it on the default branch, as the push"
                                            + " chain says (null when unknown)"),
                            optional(
                                    "pull_request",
                                    STRING,
                                    "number of the pull request it came through, when the sender"
                                            + " declared it (generic `pr`)"),
                            optional(
                                    "paths",
                                    STRING,
                                    "files the commit added, modified or removed, as the push"
                                            + " listed them (sources cut very long lists), without"
                                            + " duplicates, sorted, joined by newline (`\\n`; a"
                                            + " path with a newline in it reads as two); an"
                                            + " empty string when the push's lists for it are"
                                            + " empty (e.g. an empty commit); null when the"
                                            + " source lists no files (Bitbucket, CDEvents,"
                                            + " declared changes, a generic change without"
                                            + " `paths`)"),
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
                            optional("pipeline", STRING, "pipeline or workflow that deployed it"),
                            optional(
                                    "rollback_of",
                                    STRING,
                                    "deployment id it declares it rolls back (generic API)"),
                            required(
                                    "hotfix",
                                    BOOLEAN,
                                    "its ref matches the hotfix pattern (default hotfix/, hotfix-,"
                                            + " revert)"),
                            required(
                                    "changes_declared",
                                    BOOLEAN,
                                    "the sender declared its change set (see declared_changes)"),
                            required("event_id", STRING, "raw envelope it came from"),
                            required("version", LONG, "higher wins among rows of one key")),
                    "status_at",
                    List.of("deployment_key"),
                    "version");

    public static final TableSchema DECLARED_CHANGES =
            new TableSchema(
                    "declared_changes",
                    "Change sets declared by the sender with a deployment (generic `changes`),"
                            + " used as sent instead of the push chain.",
                    List.of(
                            required("deployment_key", STRING, "the deployment"),
                            required("change_key", STRING, "a change it carried"),
                            required("service", STRING, "service of both"),
                            required("sha", STRING, "the change's commit id"),
                            required(
                                    "declared_at", TIMESTAMP, "status time of the declaring event"),
                            required("event_id", STRING, "raw envelope it came from")),
                    "declared_at",
                    List.of("deployment_key", "change_key"),
                    null);

    public static final TableSchema PULL_REQUESTS =
            new TableSchema(
                    "pull_requests",
                    "Pull and merge requests, one row per state change (read the latest per"
                            + " pr_key).",
                    List.of(
                            required("pr_key", STRING, "'<source>:<repo>:<number>'"),
                            required("source", STRING, "webhook source"),
                            required("service", STRING, "the service the repository maps to"),
                            required("repo", STRING, "repository full name"),
                            required("number", STRING, "the source's number"),
                            required("merged", BOOLEAN, "whether it is merged"),
                            optional("source_branch", STRING, "branch the work was done on"),
                            optional("target_branch", STRING, "branch it merges into"),
                            optional("head_sha", STRING, "head commit of the source branch"),
                            optional(
                                    "merge_commit_sha",
                                    STRING,
                                    "commit that landed on the target branch (merge, squash or"
                                            + " the last rebased commit)"),
                            optional("created_at", TIMESTAMP, "when it was opened"),
                            optional("merged_at", TIMESTAMP, "when it was merged"),
                            required("updated_at", TIMESTAMP, "when this state was reached"),
                            required("event_id", STRING, "raw envelope it came from"),
                            required("version", LONG, "higher wins among rows of one key")),
                    "updated_at",
                    List.of("pr_key"),
                    "version");

    public static final TableSchema BRANCH_COMMITS =
            new TableSchema(
                    "branch_commits",
                    "Commits pushed to branches other than the default one: the work of pull"
                            + " requests, whose first commit time starts their changes.",
                    List.of(
                            required("commit_key", STRING, "'<repo>@<branch>@<sha>'"),
                            required("service", STRING, "the service the repository maps to"),
                            required("repo", STRING, "repository full name"),
                            required("branch", STRING, "branch pushed to"),
                            required("sha", STRING, "commit id"),
                            optional("committed_at", TIMESTAMP, "the commit's own time (UTC)"),
                            required("pushed_at", TIMESTAMP, "when the push happened (UTC)"),
                            required("event_id", STRING, "raw envelope it came from"),
                            required("version", LONG, "higher wins among rows of one key")),
                    "pushed_at",
                    List.of("commit_key"),
                    "version");

    public static final TableSchema INCIDENTS =
            new TableSchema(
                    "incidents",
                    "Incidents, one row per state change (read the latest per incident_key).",
                    List.of(
                            required("incident_key", STRING, "'<source>:<id>'"),
                            required("source", STRING, "webhook source"),
                            required("incident_id", STRING, "the source's id"),
                            required("service", STRING, "the affected service"),
                            optional("title", STRING, "short description"),
                            required("status", STRING, "open, acknowledged or resolved"),
                            optional("severity", STRING, "the source's severity or priority"),
                            required("opened_at", TIMESTAMP, "when it was opened"),
                            optional("resolved_at", TIMESTAMP, "when it was resolved"),
                            optional(
                                    "caused_by_deployment_id",
                                    STRING,
                                    "deployment named as its cause"),
                            optional("caused_by_sha", STRING, "commit named as its cause"),
                            required("occurred_at", TIMESTAMP, "when this state was reached"),
                            required("event_id", STRING, "raw envelope it came from"),
                            required("version", LONG, "higher wins among rows of one key")),
                    "opened_at",
                    List.of("incident_key"),
                    "version");

    public static final TableSchema SURVEY_RESPONSES =
            new TableSchema(
                    "survey_responses",
                    "Survey answers, one row per answered question. Nothing that identifies a"
                            + " person is kept: no name, e-mail, address, token or submission time.",
                    List.of(
                            required("response_id", STRING, "random id of the response"),
                            required("survey_id", STRING, "the survey"),
                            required("template", STRING, "the template the survey came from"),
                            required("team", STRING, "the team the invitation was for"),
                            required(
                                    "survey_opened_at",
                                    TIMESTAMP,
                                    "when the survey was created (the same for all its responses)"),
                            required("question_id", STRING, "the template's question id"),
                            required("dimension", STRING, "what the question measures"),
                            required(
                                    "question_type",
                                    STRING,
                                    "likert5, nps, single_choice, number or free_text"),
                            required(
                                    "answer",
                                    STRING,
                                    "the answer as text (1-5 or n/a, 0-10, option id, decimal,"
                                            + " text)"),
                            optional("value", LONG, "likert5 1-5 and nps 0-10 as a number")),
                    "survey_opened_at",
                    List.of("response_id", "question_id"),
                    null);

    public static final TableSchema CATALOG_SERVICES =
            new TableSchema(
                    "catalog_services",
                    "The service catalog: one row per service per import (Backstage"
                            + " catalog-info.yaml). A service's row is in force from its import until"
                            + " the next import that names it, so history keeps the mapping it had.",
                    List.of(
                            required("import_id", STRING, "random id of the import"),
                            required("imported_at", TIMESTAMP, "when the import was taken (UTC)"),
                            required("service", STRING, "metadata.name"),
                            required("team", STRING, "spec.owner without kind and namespace"),
                            optional("system", STRING, "spec.system"),
                            optional("lifecycle", STRING, "spec.lifecycle"),
                            optional(
                                    "source_template",
                                    STRING,
                                    "annotation backstage.io/source-template: the golden-path"
                                            + " template it was created from"),
                            optional(
                                    "github_repos",
                                    STRING,
                                    "annotation github.com/project-slug, comma-separated"),
                            optional(
                                    "gitlab_projects",
                                    STRING,
                                    "annotation gitlab.com/project-slug, comma-separated"),
                            optional(
                                    "path_prefixes",
                                    STRING,
                                    "annotation dora.dev/path-prefixes (monorepos), comma-separated"),
                            optional(
                                    "pagerduty_services",
                                    STRING,
                                    "annotation pagerduty.com/service-id, comma-separated"),
                            optional("opsgenie_team", STRING, "annotation opsgenie.com/team"),
                            optional(
                                    "production_pattern",
                                    STRING,
                                    "annotation dora.dev/production-environment: this service's"
                                            + " production environments (regular expression)"),
                            required("event_id", STRING, "raw envelope it came from")),
                    "imported_at",
                    List.of("import_id", "service"),
                    null);

    public static final TableSchema SERVICE_EVENTS =
            new TableSchema(
                    "service_events",
                    "Services created (generic `service_created`, GitHub repository created), one"
                            + " row per event (read the latest per service_key: the first"
                            + " creation time wins).",
                    List.of(
                            required("service_key", STRING, "'<source>:<service>'"),
                            required("source", STRING, "webhook source"),
                            required(
                                    "service",
                                    STRING,
                                    "the service (GitHub: repository full name)"),
                            required("created_at", TIMESTAMP, "when it was created (UTC)"),
                            optional(
                                    "template",
                                    STRING,
                                    "golden-path template it was created from; null when"
                                            + " hand-made"),
                            required("event_id", STRING, "raw envelope it came from"),
                            required(
                                    "version",
                                    LONG,
                                    "higher wins among rows of one key: minus created_at in"
                                            + " milliseconds, so the earliest creation is the"
                                            + " registration")),
                    "created_at",
                    List.of("service_key"),
                    "version");

    public static final TableSchema PLATFORM_REQUESTS =
            new TableSchema(
                    "platform_requests",
                    "Requests to the platform (generic `platform_request`), one row per state"
                            + " received (read the latest per request_key).",
                    List.of(
                            required("request_key", STRING, "'<source>:<id>'"),
                            required("source", STRING, "webhook source"),
                            required("request_id", STRING, "the sender's id"),
                            optional("service", STRING, "the service it is for"),
                            optional("team", STRING, "the team that asked"),
                            required("channel", STRING, "self_service or ticket"),
                            optional(
                                    "kind",
                                    STRING,
                                    "what was asked for as the sender names it, e.g. database"),
                            required("requested_at", TIMESTAMP, "when it was asked for (UTC)"),
                            optional(
                                    "fulfilled_at",
                                    TIMESTAMP,
                                    "when it was fulfilled; null while open"),
                            required("event_id", STRING, "raw envelope it came from"),
                            required(
                                    "version",
                                    LONG,
                                    "higher wins among rows of one key: a fulfilled state wins"
                                            + " over an open one, a later fulfilment over an"
                                            + " earlier one")),
                    "requested_at",
                    List.of("request_key"),
                    "version");

    public static final List<TableSchema> ALL =
            List.of(
                    EVENTS_RAW,
                    REJECTED_EVENTS,
                    CHANGES,
                    DEPLOYMENTS,
                    DECLARED_CHANGES,
                    PULL_REQUESTS,
                    BRANCH_COMMITS,
                    INCIDENTS,
                    SURVEY_RESPONSES,
                    CATALOG_SERVICES,
                    SERVICE_EVENTS,
                    PLATFORM_REQUESTS);
}
