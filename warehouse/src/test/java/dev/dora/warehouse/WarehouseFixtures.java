package dev.dora.warehouse;

import dev.dora.events.tables.Column;
import dev.dora.events.tables.TableSchema;
import dev.dora.events.tables.Tables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Tiny fact rows for acme/shop and a writer that puts them into a warehouse directory as Parquet,
 * written by DuckDB itself (a separate in-memory connection), one file per call, partitioned by the
 * UTC date of the table's partition column.
 */
final class WarehouseFixtures {
    private final Path root;
    private final Map<TableSchema, List<Map<String, Object>>> pending = new LinkedHashMap<>();
    private int files;

    WarehouseFixtures(Path root) {
        this.root = root;
    }

    /** A commit of a push: its sha, own time and the files it touched (null: not listed). */
    record C(String sha, Instant at, List<String> paths) {}

    static C c(String sha, String at) {
        return new C(sha, Instant.parse(at), null);
    }

    /** A commit that touched these files (a monorepo's push lists them). */
    static C c(String sha, String at, String... paths) {
        return new C(sha, Instant.parse(at), List.of(paths));
    }

    /** A push to the default branch (main) of {@code service}, its repository of the same name. */
    WarehouseFixtures push(String service, String before, String pushedAt, C... commits) {
        String parent = before;
        String after = commits[commits.length - 1].sha();
        for (C commit : commits) {
            Map<String, Object> row = row(Tables.CHANGES);
            row.put("change_key", service + "@" + commit.sha());
            row.put("service", service);
            row.put("repo", service);
            row.put("sha", commit.sha());
            row.put("branch", "main");
            row.put("committed_at", commit.at());
            row.put("started_at", commit.at());
            row.put("pushed_at", Instant.parse(pushedAt));
            row.put("push_before", before);
            row.put("push_after", after);
            row.put("parent_sha", parent);
            row.put("paths", commit.paths() == null ? null : String.join("\n", commit.paths()));
            row.put("event_id", "push-" + after);
            row.put("version", Instant.parse(pushedAt).toEpochMilli());
            parent = commit.sha();
        }
        return this;
    }

    /** A push to another branch: the work of a pull request. */
    WarehouseFixtures branchPush(String repo, String branch, String pushedAt, C... commits) {
        for (C commit : commits) {
            Map<String, Object> row = row(Tables.BRANCH_COMMITS);
            row.put("commit_key", repo + "@" + branch + "@" + commit.sha());
            row.put("service", repo);
            row.put("repo", repo);
            row.put("branch", branch);
            row.put("sha", commit.sha());
            row.put("committed_at", commit.at());
            row.put("pushed_at", Instant.parse(pushedAt));
            row.put("event_id", "branch-push-" + commit.sha());
            row.put("version", 1L);
        }
        return this;
    }

    /** A merged pull request whose merge commit (merge, squash or last rebased) is given. */
    WarehouseFixtures mergedPullRequest(
            String repo, String number, String branch, String mergeSha, String mergedAt) {
        Map<String, Object> row = row(Tables.PULL_REQUESTS);
        row.put("pr_key", "github:" + repo + ":" + number);
        row.put("source", "github");
        row.put("service", repo);
        row.put("repo", repo);
        row.put("number", number);
        row.put("merged", true);
        row.put("source_branch", branch);
        row.put("target_branch", "main");
        row.put("merge_commit_sha", mergeSha);
        row.put("merged_at", Instant.parse(mergedAt));
        row.put("updated_at", Instant.parse(mergedAt));
        row.put("event_id", "pr-" + number);
        row.put("version", 1L);
        return this;
    }

    /** One status of a deployment; returns the row so a test can add flags. */
    Map<String, Object> deployment(
            String service, String id, String sha, String environment, String status, String at) {
        Instant statusAt = Instant.parse(at);
        boolean isFinal = List.of("success", "failure", "error").contains(status);
        Map<String, Object> row = row(Tables.DEPLOYMENTS);
        row.put("deployment_key", "github:" + service + ":" + id);
        row.put("source", "github");
        row.put("deployment_id", id);
        row.put("service", service);
        row.put("repo", service);
        row.put("environment", environment);
        row.put("production", environment.startsWith("prod"));
        row.put("sha", sha);
        row.put("ref", "main");
        row.put("status", status);
        row.put("started_at", statusAt.minusSeconds(60));
        row.put("finished_at", isFinal ? statusAt : null);
        row.put("status_at", statusAt);
        row.put("hotfix", false);
        row.put("changes_declared", false);
        row.put("event_id", "deploy-" + id + "-" + status);
        row.put("version", statusAt.toEpochMilli() * 2 + (isFinal ? 1 : 0));
        return row;
    }

    /** A successful production deployment. */
    Map<String, Object> deploy(String service, String id, String sha, String at) {
        return deployment(service, id, sha, "production", "success", at);
    }

    /** One state of an incident; returns the row so a test can name a cause. */
    Map<String, Object> incident(String service, String id, String openedAt, String resolvedAt) {
        Map<String, Object> row = row(Tables.INCIDENTS);
        Instant opened = Instant.parse(openedAt);
        Instant resolved = resolvedAt == null ? null : Instant.parse(resolvedAt);
        row.put("incident_key", "pagerduty:" + id);
        row.put("source", "pagerduty");
        row.put("incident_id", id);
        row.put("service", service);
        row.put("status", resolved == null ? "open" : "resolved");
        row.put("opened_at", opened);
        row.put("resolved_at", resolved);
        row.put("occurred_at", resolved == null ? opened : resolved);
        row.put("event_id", "incident-" + id + (resolved == null ? "-open" : "-resolved"));
        row.put("version", (resolved == null ? opened : resolved).toEpochMilli() * 4);
        return row;
    }

    /** A service as one catalog import describes it (template null: hand-made). */
    WarehouseFixtures catalogService(
            String importId, String importedAt, String service, String team, String template) {
        return catalogService(importId, importedAt, service, team, template, null);
    }

    /** A catalog service claiming repositories ({@code github_repos}, comma-separated). */
    WarehouseFixtures catalogService(
            String importId,
            String importedAt,
            String service,
            String team,
            String template,
            String githubRepos) {
        catalogRow(importId, importedAt, service, team, template).put("github_repos", githubRepos);
        return this;
    }

    /**
     * A service as one catalog import describes it; returns the row so a test can add what it maps
     * from (repositories, path prefixes, incident-tool ids, production pattern).
     */
    Map<String, Object> catalogRow(
            String importId, String importedAt, String service, String team, String template) {
        Map<String, Object> row = row(Tables.CATALOG_SERVICES);
        row.put("import_id", importId);
        row.put("imported_at", Instant.parse(importedAt));
        row.put("service", service);
        row.put("team", team);
        row.put("source_template", template);
        row.put("event_id", "catalog-" + importId);
        return row;
    }

    /** A service created, as {@code source} reported it (template null: hand-made). */
    WarehouseFixtures serviceCreated(String source, String service, String at, String template) {
        Instant created = Instant.parse(at);
        Map<String, Object> row = row(Tables.SERVICE_EVENTS);
        row.put("service_key", source + ":" + service);
        row.put("source", source);
        row.put("service", service);
        row.put("created_at", created);
        row.put("template", template);
        row.put("event_id", "created-" + source + "-" + service);
        row.put("version", -created.toEpochMilli());
        return this;
    }

    /**
     * One state of a generic platform request (fulfilledAt null: still open); returns the row so a
     * test can name its team or service.
     */
    Map<String, Object> platformRequest(
            String id, String channel, String requestedAt, String fulfilledAt) {
        Map<String, Object> row = row(Tables.PLATFORM_REQUESTS);
        row.put("request_key", "generic:" + id);
        row.put("source", "generic");
        row.put("request_id", id);
        row.put("channel", channel);
        row.put("requested_at", Instant.parse(requestedAt));
        row.put("fulfilled_at", fulfilledAt == null ? null : Instant.parse(fulfilledAt));
        row.put("event_id", "request-" + id + (fulfilledAt == null ? "-open" : "-fulfilled"));
        row.put("version", fulfilledAt == null ? 0L : Instant.parse(fulfilledAt).toEpochMilli());
        return row;
    }

    /** An envelope the job could not use, with the reason. */
    WarehouseFixtures rejected(String source, String eventId, String reason, String receivedAt) {
        Map<String, Object> row = row(Tables.REJECTED_EVENTS);
        row.put("event_id", eventId);
        row.put("source", source);
        row.put("event_type", "push");
        row.put("delivery_id", "delivery-" + eventId);
        row.put("received_at", Instant.parse(receivedAt));
        row.put("reason", reason);
        return this;
    }

    /** One archived envelope (the body's bytes are its id). */
    WarehouseFixtures raw(String eventId, String receivedAt) {
        Map<String, Object> row = row(Tables.EVENTS_RAW);
        row.put("event_id", eventId);
        row.put("source", "github");
        row.put("event_type", "push");
        row.put("delivery_id", "delivery-" + eventId);
        row.put("received_at", Instant.parse(receivedAt));
        row.put("headers", "{}");
        row.put("body", eventId);
        return this;
    }

    /** Every row added so far, each table to one Parquet file; the pending rows are cleared. */
    void write() throws Exception {
        for (Map.Entry<TableSchema, List<Map<String, Object>>> e : pending.entrySet()) {
            if (!e.getValue().isEmpty()) {
                write(e.getKey(), e.getValue());
            }
        }
        pending.clear();
    }

    /** The rows not yet written, in order (tests shuffle and repeat them). */
    Map<TableSchema, List<Map<String, Object>>> pending() {
        return pending;
    }

    private Map<String, Object> row(TableSchema table) {
        Map<String, Object> row = new LinkedHashMap<>();
        pending.computeIfAbsent(table, t -> new ArrayList<>()).add(row);
        return row;
    }

    /** COPY (SELECT typed columns FROM VALUES ...) TO '<root>/<table>/date=.../part-N.parquet'. */
    private void write(TableSchema table, List<Map<String, Object>> rows) throws Exception {
        Instant partitionTime = (Instant) rows.get(0).get(table.partitionColumn());
        Path dir =
                root.resolve(table.name())
                        .resolve("date=" + partitionTime.atOffset(ZoneOffset.UTC).toLocalDate());
        Files.createDirectories(dir);
        Path file = dir.resolve("part-" + ++files + ".parquet");

        String names = table.columns().stream().map(Column::name).collect(Collectors.joining(", "));
        String typed =
                table.columns().stream()
                        .map(
                                c ->
                                        "CAST("
                                                + c.name()
                                                + " AS "
                                                + Warehouse.duckType(c)
                                                + ") AS "
                                                + c.name())
                        .collect(Collectors.joining(", "));
        String values =
                rows.stream()
                        .map(
                                row ->
                                        table.columns().stream()
                                                .map(c -> literal(row.get(c.name())))
                                                .collect(Collectors.joining(", ", "(", ")")))
                        .collect(Collectors.joining(", "));
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = duck.createStatement()) {
            s.execute(
                    "COPY (SELECT "
                            + typed
                            + " FROM (VALUES "
                            + values
                            + ") AS v("
                            + names
                            + ")) TO '"
                            + file
                            + "' (FORMAT parquet)");
        }
    }

    private static String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Instant instant) {
            // The warehouse stores UTC wall-clock time without a zone.
            return "'" + LocalDateTime.ofInstant(instant, ZoneOffset.UTC) + "'";
        }
        if (value instanceof String text) {
            return "'" + text.replace("'", "''") + "'";
        }
        return value.toString(); // Long, Boolean
    }
}
