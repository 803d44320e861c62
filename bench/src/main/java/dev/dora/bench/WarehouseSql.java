package dev.dora.bench;

import java.nio.file.Path;

/**
 * The row generators of {@link WarehouseGenerator}: one SELECT per fact table over the {@code
 * slots} table (one row per production deployment: service, day, slot, time {@code t}), with every
 * column of the table's schema (see SCHEMAS.md) and its type.
 */
final class WarehouseSql {
    private WarehouseSql() {}

    private static final String CHANGES =
            "SELECT service || '@' || sha(s, q, j) AS change_key, service, service AS repo,"
                    + " sha(s, q, j) AS sha, 'main' AS branch,"
                    + " t - to_seconds(3600 + (3 - j) * 1200 + (hash(s, q, j) % 7200)::BIGINT)"
                    + " AS committed_at, NULL::TIMESTAMP AS started_at,"
                    + " t - to_seconds(3600) AS pushed_at, sha(s, prev_q, 3) AS push_before,"
                    + " sha(s, q, 3) AS push_after,"
                    + " CASE WHEN j = 1 THEN sha(s, prev_q, 3) ELSE sha(s, q, j - 1) END"
                    + " AS parent_sha, NULL::VARCHAR AS pull_request,"
                    + " 'push-' || s || '-' || q AS event_id,"
                    + " epoch_ms(t - to_seconds(3600)) AS version"
                    + " FROM slots, range(1, 4) r(j)";

    private static final String PULL_REQUESTS =
            "SELECT 'github:' || service || ':' || q AS pr_key, 'github' AS source, service,"
                    + " service AS repo, q::VARCHAR AS number, v = 2 AS merged,"
                    + " 'feature-' || q AS source_branch, 'main' AS target_branch,"
                    + " sha(s, q, 3) AS head_sha, sha(s, q, 3) AS merge_commit_sha,"
                    + " t - to_seconds(86400) AS created_at,"
                    + " CASE WHEN v = 2 THEN t - to_seconds(3600) END AS merged_at,"
                    + " CASE WHEN v = 2 THEN t - to_seconds(3600) ELSE t - to_seconds(86400) END"
                    + " AS updated_at, 'pr-' || s || '-' || q || '-' || v AS event_id,"
                    + " v::BIGINT AS version FROM slots, range(1, 3) r(v)";

    private static final String BRANCH_COMMITS =
            "SELECT service || '@feature-' || q || '@' || md5('b' || s || ':' || q || ':' || j)"
                    + " AS commit_key, service, service AS repo, 'feature-' || q AS branch,"
                    + " md5('b' || s || ':' || q || ':' || j) AS sha,"
                    + " t - to_seconds(86400 - j * 3600) AS committed_at,"
                    + " t - to_seconds(86400 - j * 3600 - 60) AS pushed_at,"
                    + " 'bpush-' || s || '-' || q || '-' || j AS event_id,"
                    + " epoch_ms(t - to_seconds(86400 - j * 3600 - 60)) AS version"
                    + " FROM slots, range(1, 4) r(j)";

    /** Staging then production, each queued, in progress and final; a repair after incidents. */
    private static final String DEPLOYMENTS =
            "WITH d AS (SELECT *, e = 'production' AS prod, CASE WHEN e = 'production' THEN"
                    + " t - to_seconds(600 - 300 * (st - 1)) ELSE t - to_seconds(2400 - 300 * (st"
                    + " - 1)) END AS status_at, CASE WHEN st < 3 THEN ['queued', 'in_progress'][st]"
                    + " WHEN e = 'production' AND roll < 5 THEN 'failure' ELSE 'success' END AS"
                    + " status, incident(s, prev_q) AS repair FROM slots, (VALUES ('staging'),"
                    + " ('production')) env(e), range(1, 4) r(st))"
                    + " SELECT 'github:' || service || ':' || e || '-' || q AS deployment_key,"
                    + " 'github' AS source, e || '-' || q AS deployment_id, service,"
                    + " service AS repo, e AS environment, prod AS production,"
                    + " sha(s, q, 3) AS sha, CASE WHEN repair AND hash(s, q, 'h') % 2 = 0"
                    + " THEN 'hotfix/' || q ELSE 'main' END AS ref, status,"
                    + " CASE WHEN prod THEN t - to_seconds(600) ELSE t - to_seconds(2400) END"
                    + " AS started_at, CASE WHEN st = 3 THEN status_at END AS finished_at,"
                    + " status_at, 'golden-path' AS pipeline,"
                    + " CASE WHEN repair AND hash(s, q, 'h') % 2 = 1 AND prod"
                    + " THEN 'production-' || prev_q END AS rollback_of,"
                    + " repair AND hash(s, q, 'h') % 2 = 0 AS hotfix, false AS changes_declared,"
                    + " 'dstatus-' || s || '-' || e || '-' || q || '-' || st AS event_id,"
                    + " epoch_ms(status_at) * 2 + (st = 3)::INT AS version FROM d";

    private static final String INCIDENTS =
            "SELECT 'pagerduty:' || s || '-' || q AS incident_key, 'pagerduty' AS source,"
                    + " s || '-' || q AS incident_id, service, 'errors after deploy' AS title,"
                    + " CASE WHEN v = 1 THEN 'open' ELSE 'resolved' END AS status,"
                    + " 'sev2' AS severity, t + to_seconds(1800) AS opened_at,"
                    + " CASE WHEN v = 2 THEN t + to_seconds(2400 + (hash(s, q) % 14400)::BIGINT)"
                    + " END AS resolved_at, NULL::VARCHAR AS caused_by_deployment_id,"
                    + " NULL::VARCHAR AS caused_by_sha,"
                    + " CASE WHEN v = 1 THEN t + to_seconds(1800)"
                    + " ELSE t + to_seconds(2400 + (hash(s, q) % 14400)::BIGINT) END"
                    + " AS occurred_at, 'incident-' || s || '-' || q || '-' || v AS event_id,"
                    + " v::BIGINT AS version FROM slots, range(1, 3) r(v)"
                    + " WHERE roll >= 5 AND incident(s, q)";

    /** {name, SELECT, partition column} of each fact table. */
    static final String[][] TABLES = {
        {"changes", CHANGES, "pushed_at"},
        {"pull_requests", PULL_REQUESTS, "updated_at"},
        {"branch_commits", BRANCH_COMMITS, "pushed_at"},
        {"deployments", DEPLOYMENTS, "status_at"},
        {"incidents", INCIDENTS, "opened_at"},
    };

    /** One envelope per distinct event id of the facts just written, with a short body. */
    static String eventsRaw(Path root) {
        StringBuilder union = new StringBuilder();
        for (String[] t : TABLES) {
            if (!union.isEmpty()) {
                union.append(" UNION ALL ");
            }
            union.append("SELECT event_id, ")
                    .append(t[2])
                    .append(" AS ts FROM read_parquet('")
                    .append(root.resolve(t[0]))
                    .append("/*/*.parquet', hive_partitioning = false)");
        }
        return "SELECT event_id, 'github' AS source, split_part(event_id, '-', 1) AS event_type,"
                + " 'delivery-' || event_id AS delivery_id, min(ts) AS received_at,"
                + " '{}' AS headers, CAST('{\"id\":\"' || event_id || '\"}' AS BLOB) AS body"
                + " FROM ("
                + union
                + ") GROUP BY event_id";
    }
}
