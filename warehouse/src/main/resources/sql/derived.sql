-- Everything that relates facts to each other, derived from the latest version of each fact
-- (METRICS.md). Nothing here depends on the order events arrived in: the same facts give the same
-- tables. The warehouse rebuilds these tables, in this order, whenever the set of committed
-- Parquet files has changed since the last query, so every query reads a consistent snapshot and
-- pays for the derivation once per checkpoint rather than once per subquery.
-- Statements are separated by a line holding only ';'. {{incident_window_seconds}} is replaced by
-- the configured attribution window.

-- Successful, finished deployments, numbered per service and environment group in the order they
-- went live. Every production environment forms the group 'production'; any other environment is
-- its own group. A deployment's predecessor is the one before it in that order.
CREATE OR REPLACE TABLE live_deployments AS
WITH d AS (
    SELECT *, CASE WHEN production THEN 'production' ELSE environment END AS env_group
    FROM deployments_latest
    WHERE status = 'success' AND finished_at IS NOT NULL
)
SELECT d.*,
       row_number() OVER w AS seq,
       lag(deployment_key) OVER w AS previous_key,
       lag(sha) OVER w AS previous_sha
FROM d
WINDOW w AS (PARTITION BY service, env_group ORDER BY finished_at, deployment_key)
;
-- Production attempts that ended in failure before going live: reported apart.
CREATE OR REPLACE TABLE failed_attempts AS
SELECT *, CASE WHEN production THEN 'production' ELSE environment END AS env_group
FROM deployments_latest
WHERE status IN ('failure', 'error') AND finished_at IS NOT NULL
;
-- The first deployment (by seq) that put each sha live.
CREATE OR REPLACE TABLE deployed_shas AS
SELECT service, env_group, sha, min(seq) AS first_seq
FROM live_deployments
WHERE sha IS NOT NULL
GROUP BY ALL
;
-- Change sets from the push chain: walk back from the deployed sha along parent_sha until a
-- commit an earlier deployment put live, keeping the commits that are changes of the service (in
-- a monorepo the chain holds every commit of the repository: change_chain, resolve.sql). A deployment of a sha that was live before carries
-- nothing; a service's first deployment carries only the commits of its own push.
-- {{per_service_batch}}: the walk never leaves a service, so the warehouse runs it for one batch
-- of services at a time, appending the results: batch_chain, batch_live and batch_shas hold the
-- batch's push chain, live deployments and deployed shas, so the memory the walk needs is bounded
-- by a batch, not by the whole organisation's history.
CREATE OR REPLACE TABLE walked_changes AS
WITH RECURSIVE walk(deployment_key, service, env_group, seq, first_push, sha, parent_sha, touches,
                    depth) AS (
    SELECT d.deployment_key, d.service, d.env_group, d.seq, c.push_after, c.sha, c.parent_sha,
           c.touches, 1
    FROM batch_live d
    JOIN batch_chain c ON c.service = d.service AND c.sha = d.sha
    JOIN batch_shas s ON s.service = d.service AND s.env_group = d.env_group AND s.sha = d.sha
    WHERE NOT d.changes_declared AND s.first_seq = d.seq
    UNION ALL
    SELECT w.deployment_key, w.service, w.env_group, w.seq, w.first_push, c.sha, c.parent_sha,
           c.touches, w.depth + 1
    FROM walk w
    JOIN batch_chain c ON c.service = w.service AND c.sha = w.parent_sha
    LEFT JOIN batch_shas s ON s.service = w.service AND s.env_group = w.env_group AND s.sha = c.sha
    WHERE w.depth < 10000
      AND (s.first_seq IS NULL OR s.first_seq >= w.seq)
      AND (w.seq > 1 OR c.push_after = w.first_push)
)
SELECT DISTINCT deployment_key, service, env_group, sha FROM walk WHERE touches
;
-- Every deployment's change set: walked from the push chain, or as the sender declared it.
CREATE OR REPLACE TABLE deployment_changes AS
SELECT deployment_key, service || '@' || sha AS change_key, service, env_group, sha
FROM walked_changes
UNION
SELECT dc.deployment_key, d.service || '@' || dc.sha, d.service, d.env_group, dc.sha
FROM declared_changes dc
JOIN live_deployments d USING (deployment_key)
;
-- Change start: a commit merged through a pull request (merge, squash or rebase: the push that
-- landed it has the pull request's merge commit as its head, or the sender named the pull request)
-- starts at the pull request's first commit time; any other commit at its own time.
CREATE OR REPLACE TABLE change_starts AS
WITH merged_prs AS (
    SELECT repo, number, merge_commit_sha, source_branch, merged_at
    FROM pull_requests_latest
    WHERE merged
),
pr_of_change AS (
    SELECT c.change_key, c.repo, coalesce(c.pull_request, any_value(m.number)) AS pr
    FROM changes_latest c
    LEFT JOIN merged_prs m ON m.repo = c.repo AND m.merge_commit_sha = c.push_after
    GROUP BY c.change_key, c.repo, c.pull_request
),
pr_times AS (
    SELECT x.repo, x.pr, min(c.committed_at) AS first_at
    FROM pr_of_change x
    JOIN changes_latest c USING (change_key)
    WHERE x.pr IS NOT NULL
    GROUP BY ALL
    UNION ALL
    SELECT m.repo, m.number, min(b.committed_at)
    FROM merged_prs m
    JOIN branch_commits_latest b
      ON b.repo = m.repo AND b.branch = m.source_branch
     AND (m.merged_at IS NULL OR b.committed_at <= m.merged_at)
    GROUP BY ALL
),
pr_first AS (
    SELECT repo, pr, min(first_at) AS first_at FROM pr_times GROUP BY ALL
)
SELECT c.change_key, c.service, c.repo, c.sha, c.committed_at, x.pr AS pull_request,
       CASE WHEN x.pr IS NULL THEN c.committed_at
            ELSE coalesce(least(c.committed_at, f.first_at), c.committed_at, f.first_at)
       END AS started_at
FROM changes_latest c
JOIN pr_of_change x USING (change_key)
LEFT JOIN pr_first f ON f.repo = x.repo AND f.pr = x.pr
;
-- Lead time of each change: from its start to the first live deployment that carried it, per
-- environment group. Negative values (clock skew) are kept here and counted as 0 by the metrics.
CREATE OR REPLACE TABLE change_lead_times AS
WITH first_carried AS (
    SELECT dc.change_key, dc.env_group,
           arg_min(d.deployment_key, d.seq) AS deployment_key,
           min(d.finished_at) AS deployed_at
    FROM deployment_changes dc
    JOIN live_deployments d USING (deployment_key)
    GROUP BY ALL
)
SELECT f.change_key, f.env_group, f.deployment_key, f.deployed_at, d.service, d.teams,
       s.sha, s.started_at, s.pull_request,
       epoch(f.deployed_at) - epoch(s.started_at) AS lead_seconds
FROM first_carried f
JOIN live_deployments d USING (deployment_key)
LEFT JOIN change_starts s USING (change_key)
;
-- Rollbacks: a deployment that declares rollback_of, or that puts live a sha that differs from the
-- one live before it and that an earlier deployment put live or carried. What it replaces: the
-- declared deployment, else its predecessor.
CREATE OR REPLACE TABLE rollbacks AS
WITH carried AS (
    SELECT DISTINCT dc.service, dc.env_group, dc.sha, d.seq
    FROM deployment_changes dc
    JOIN live_deployments d USING (deployment_key)
),
flagged AS (
    SELECT d.deployment_key, d.service, d.env_group, d.rollback_of, d.previous_key
    FROM live_deployments d
    WHERE d.rollback_of IS NOT NULL
       OR (d.previous_sha IS NOT NULL AND d.sha IS NOT NULL AND d.sha <> d.previous_sha
           AND (EXISTS (SELECT 1 FROM live_deployments e
                         WHERE e.service = d.service AND e.env_group = d.env_group
                           AND e.sha = d.sha AND e.seq < d.seq)
                OR EXISTS (SELECT 1 FROM carried k
                            WHERE k.service = d.service AND k.env_group = d.env_group
                              AND k.sha = d.sha AND k.seq < d.seq)))
)
SELECT f.deployment_key,
       coalesce((SELECT arg_max(r.deployment_key, r.seq) FROM live_deployments r
                  WHERE r.deployment_id = f.rollback_of AND r.service = f.service
                    AND r.env_group = f.env_group),
                f.previous_key) AS replaces_key
FROM flagged f
;
-- Incident attribution: explicit by deployment id, else explicit by sha (the first production
-- deployment that put it live or carried it), else the latest production deployment of the same
-- service that finished within the window before the incident opened. An incident that names a
-- cause that matches nothing stays unattributed.
CREATE OR REPLACE TABLE incident_attribution AS
WITH prod AS (SELECT * FROM live_deployments WHERE env_group = 'production'),
by_id AS (
    SELECT i.incident_key, d.deployment_key
    FROM incidents_latest i
    JOIN prod d ON d.deployment_id = i.caused_by_deployment_id
    QUALIFY row_number() OVER (PARTITION BY i.incident_key
                               ORDER BY (d.service = i.service) DESC, d.finished_at, d.deployment_key) = 1
),
sha_carriers AS (
    SELECT dc.sha, d.deployment_key, d.service, d.finished_at
    FROM deployment_changes dc JOIN prod d USING (deployment_key)
    UNION
    SELECT d.sha, d.deployment_key, d.service, d.finished_at FROM prod d WHERE d.sha IS NOT NULL
),
by_sha AS (
    SELECT i.incident_key, k.deployment_key
    FROM incidents_latest i
    JOIN sha_carriers k ON k.sha = i.caused_by_sha
    QUALIFY row_number() OVER (PARTITION BY i.incident_key
                               ORDER BY (k.service = i.service) DESC, k.finished_at, k.deployment_key) = 1
),
by_window AS (
    SELECT i.incident_key, d.deployment_key
    FROM incidents_latest i
    JOIN prod d ON d.service = i.service AND d.finished_at <= i.opened_at
     AND epoch(i.opened_at) - epoch(d.finished_at) <= {{incident_window_seconds}}
    WHERE i.caused_by_deployment_id IS NULL AND i.caused_by_sha IS NULL
    QUALIFY row_number() OVER (PARTITION BY i.incident_key
                               ORDER BY d.finished_at DESC, d.deployment_key DESC) = 1
)
SELECT i.*,
       coalesce(a.deployment_key, s.deployment_key, w.deployment_key) AS deployment_key,
       CASE WHEN a.deployment_key IS NOT NULL THEN 'deployment_id'
            WHEN s.deployment_key IS NOT NULL THEN 'sha'
            WHEN w.deployment_key IS NOT NULL THEN 'window'
            WHEN i.caused_by_deployment_id IS NOT NULL OR i.caused_by_sha IS NOT NULL
                THEN 'unattributed: the named cause matches no production deployment'
            ELSE 'unattributed: no production deployment of the service in the window'
       END AS attribution
FROM incidents_latest i
LEFT JOIN by_id a USING (incident_key)
LEFT JOIN by_sha s USING (incident_key)
LEFT JOIN by_window w USING (incident_key)
;
-- Every live deployment with what happened to it: rollback and hotfix flags, whether it failed
-- and why, when it recovered, and whether it was unplanned (rework).
CREATE OR REPLACE TABLE deployment_outcomes AS
WITH fixes AS (
    SELECT replaces_key AS failed_key, deployment_key AS fixed_by, 'rolled back' AS why
    FROM rollbacks WHERE replaces_key IS NOT NULL
    UNION ALL
    SELECT d.previous_key, d.deployment_key, 'hotfix'
    FROM live_deployments d
    WHERE d.hotfix AND d.previous_key IS NOT NULL
),
incident_causes AS (
    SELECT deployment_key, count(*) AS incidents, min(resolved_at) AS first_resolved_at
    FROM incident_attribution
    WHERE deployment_key IS NOT NULL
    GROUP BY ALL
),
next_repair AS (
    SELECT d.deployment_key, min(r.finished_at) AS repaired_at
    FROM live_deployments d
    JOIN live_deployments r
      ON r.service = d.service AND r.env_group = d.env_group AND r.seq > d.seq
     AND (r.hotfix OR r.deployment_key IN (SELECT deployment_key FROM rollbacks))
    GROUP BY ALL
),
open_incident AS (
    SELECT DISTINCT d.deployment_key
    FROM live_deployments d
    JOIN incidents_latest i
      ON i.service = d.service AND i.opened_at <= d.finished_at
     AND (i.resolved_at IS NULL OR i.resolved_at > d.finished_at)
)
SELECT d.deployment_key, d.deployment_id, d.source, d.service, d.teams, d.env_group, d.environment,
       d.sha, d.ref, d.pipeline, d.started_at, d.finished_at, d.seq,
       d.deployment_key IN (SELECT deployment_key FROM rollbacks) AS is_rollback,
       d.hotfix AS is_hotfix,
       coalesce(c.incidents, 0) AS incidents,
       nullif(concat_ws(', ',
                        CASE WHEN c.deployment_key IS NOT NULL THEN 'incident' END,
                        (SELECT string_agg(DISTINCT f.why, ', ' ORDER BY f.why) FROM fixes f
                          WHERE f.failed_key = d.deployment_key)), '') AS failure_reasons,
       c.deployment_key IS NOT NULL
           OR EXISTS (SELECT 1 FROM fixes f WHERE f.failed_key = d.deployment_key) AS failed,
       CASE WHEN c.deployment_key IS NOT NULL
                 OR EXISTS (SELECT 1 FROM fixes f WHERE f.failed_key = d.deployment_key)
            THEN nullif(least(coalesce(c.first_resolved_at, 'infinity'::TIMESTAMP),
                              coalesce(n.repaired_at, 'infinity'::TIMESTAMP)),
                        'infinity'::TIMESTAMP)
       END AS recovered_at,
       d.deployment_key IN (SELECT deployment_key FROM rollbacks) OR d.hotfix
           OR o.deployment_key IS NOT NULL AS unplanned,
       o.deployment_key IS NOT NULL AS during_incident
FROM live_deployments d
LEFT JOIN incident_causes c USING (deployment_key)
LEFT JOIN next_repair n USING (deployment_key)
LEFT JOIN open_incident o USING (deployment_key)
;
-- Data quality: live deployments that carry no change and are not a redeployment or rollback of
-- a sha already live (which carries nothing by definition). Kept apart so that a request counts
-- a few rows instead of checking every deployment against every change.
CREATE OR REPLACE TABLE deployments_without_changes AS
SELECT d.deployment_key
FROM live_deployments d
WHERE NOT EXISTS (SELECT 1 FROM deployment_changes dc WHERE dc.deployment_key = d.deployment_key)
  AND NOT EXISTS (SELECT 1 FROM deployed_shas s
                   WHERE s.service = d.service AND s.env_group = d.env_group
                     AND s.sha = d.sha AND s.first_seq < d.seq)
;
-- Platform adoption (METRICS.md, "Platform adoption"): every service the platform knows of, one
-- row each. Known: a service of the catalog as it stands (the latest import that named it), or a
-- service with a service_events row that no import names. On the golden path: the catalog names
-- its source template, or a creation event names one. Registered: the earliest creation time over
-- its service_events rows (null when only the catalog knows it). First deployed: its first
-- successful production deployment at or after registration; one before registration (a
-- repository deployed before it was announced, say) is not its first. Kept here rather than per
-- request because it does not depend on the period: a request filters a few hundred rows.
CREATE OR REPLACE TABLE adoption_services AS
WITH catalog AS (
    SELECT service, source_template FROM catalog_versions WHERE valid_until IS NULL
),
-- Creation events name their service as resolve.sql resolved it (by catalog name, or by the
-- repository a catalog service claims), so the names of one service register it once.
registered AS (
    SELECT service, min(created_at) AS registered_at,
           bool_or(template IS NOT NULL) AS created_from_template
    FROM service_events_latest
    GROUP BY service
),
first_deployed AS (
    SELECT r.service, min(d.finished_at) AS first_deployed_at
    FROM registered r
    JOIN live_deployments d
      ON d.service = r.service AND d.env_group = 'production' AND d.finished_at >= r.registered_at
    GROUP BY r.service
)
SELECT coalesce(c.service, r.service) AS service,
       c.service IS NOT NULL AS in_catalog,
       coalesce(c.source_template IS NOT NULL, false)
           OR coalesce(r.created_from_template, false) AS golden_path,
       r.registered_at,
       f.first_deployed_at,
       -- its teams now: the catalog owner, else dora.yaml's (service_teams, resolve.sql)
       coalesce((SELECT list(t.team ORDER BY t.team) FROM service_teams t
                  WHERE t.service = coalesce(c.service, r.service)), []) AS teams
FROM catalog c
FULL OUTER JOIN registered r ON r.service = c.service
LEFT JOIN first_deployed f ON f.service = coalesce(c.service, r.service)
;
-- The services a scope covers: every service with a live deployment, a failed attempt or an
-- incident in the scope (in_scope, resolve.sql: a team's are the services it owned when their rows
-- happened), narrowed to one service and/or one team (NULL: no filter).
CREATE OR REPLACE MACRO services_in_scope(one_service, one_team) AS TABLE
SELECT DISTINCT service FROM (
    SELECT service, teams FROM live_deployments
    UNION ALL SELECT service, teams FROM failed_attempts
    UNION ALL SELECT service, teams FROM incidents_latest)
WHERE in_scope(service, teams, one_service, one_team)
;
-- Whether a row of the adoption tables counts for a team (NULL: for everyone): the row's teams
-- (resolve.sql) hold it. A deployment's are its service's teams when it happened; a platform
-- request's are the team that made it and its service's teams when it was made; a service's
-- (coverage, registration, first deployment) are its teams now. The one place the adoption queries
-- (adoption_*.sql) filter by team.
CREATE OR REPLACE MACRO adoption_for_team(one_team, row_teams) AS
    CAST(one_team AS VARCHAR) IS NULL OR list_contains(row_teams, one_team)
;
-- Platform adoption per UTC day (METRICS.md, "adoption_daily"): what the adoption figures count,
-- one row per day, service and requesting team, only for days with something to count. A period's
-- or a trend bucket's counts are sums of its days; medians (fulfilment times, time to first
-- deployment) are not kept here: they are taken from the facts for each request, never from days.
-- Rows are kept apart by their teams (adoption_for_team): a deployment's at its time, a request's
-- (the team that made it and its service's), a registration's and first deployment's the service's
-- teams now. A platform request is counted under the service it is for (NULL when it names none). A request
-- counts on the day it was made, and as fulfilled when its latest state is. The warehouse writes
-- the configured platform pipeline pattern (RE2) into the string literal below, quotes doubled.
CREATE OR REPLACE TABLE adoption_daily AS
WITH facts AS (
    SELECT 'deployment' AS fact, CAST(finished_at AS DATE) AS day, service, teams,
           coalesce(regexp_matches(pipeline, '{{platform_pipeline_pattern}}'), false) AS platform
    FROM live_deployments
    WHERE env_group = 'production'
    UNION ALL BY NAME
    SELECT 'registration' AS fact, CAST(registered_at AS DATE) AS day, service, teams
    FROM adoption_services
    WHERE registered_at IS NOT NULL
    UNION ALL BY NAME
    SELECT 'first_deployment' AS fact, CAST(first_deployed_at AS DATE) AS day, service, teams
    FROM adoption_services
    WHERE first_deployed_at IS NOT NULL
    UNION ALL BY NAME
    SELECT 'request' AS fact, CAST(requested_at AS DATE) AS day, service, teams,
           channel, fulfilled_at IS NOT NULL AS fulfilled
    FROM platform_requests_latest
)
SELECT day, service, teams,
       count(*) FILTER (WHERE fact = 'deployment') AS deployments,
       count(*) FILTER (WHERE fact = 'deployment' AND platform) AS platform_deployments,
       count(*) FILTER (WHERE fact = 'registration') AS registered,
       count(*) FILTER (WHERE fact = 'first_deployment') AS first_deployed,
       count(*) FILTER (WHERE fact = 'request' AND channel = 'self_service')
           AS self_service_requests,
       count(*) FILTER (WHERE fact = 'request' AND channel = 'self_service' AND fulfilled)
           AS self_service_fulfilled,
       count(*) FILTER (WHERE fact = 'request' AND channel = 'ticket') AS ticket_requests,
       count(*) FILTER (WHERE fact = 'request' AND channel = 'ticket' AND fulfilled)
           AS ticket_fulfilled
FROM facts
GROUP BY day, service, teams
;
-- The rows of adoption_daily for the days from from_ts (inclusive) to to_ts (exclusive) that count
-- for a team (NULL: for everyone): what the period and trend queries sum.
CREATE OR REPLACE MACRO adoption_days(one_team, from_ts, to_ts) AS TABLE
SELECT * FROM adoption_daily
WHERE day >= CAST(from_ts AS TIMESTAMP) AND day < CAST(to_ts AS TIMESTAMP)
  AND adoption_for_team(one_team, teams)
