-- Every service of the scope side by side: the period figures of dora_summary.sql per service, with
-- the same definitions (quantile_cont medians over the service's own facts, never averages of
-- medians), its team from the catalog, and its successful deployments per ISO week of the period
-- (a list, one count per week from the week of the start on, for sparklines).
-- Parameters as dora_summary.sql: $1 environment group, $2 service or NULL, $3 team or NULL,
-- $4 period start (inclusive), $5 period end (exclusive).
WITH scope AS MATERIALIZED (
    SELECT service FROM services_in_scope(CAST($2 AS VARCHAR), CAST($3 AS VARCHAR))
),
outcomes AS MATERIALIZED (
    SELECT * FROM deployment_outcomes
    WHERE env_group = $1 AND in_scope(service, teams, CAST($2 AS VARCHAR), CAST($3 AS VARCHAR))
      AND finished_at >= CAST($4 AS TIMESTAMP) AND finished_at < CAST($5 AS TIMESTAMP)
),
attempts AS (
    SELECT service, count(*) AS failed_attempts FROM failed_attempts
    WHERE env_group = $1 AND in_scope(service, teams, CAST($2 AS VARCHAR), CAST($3 AS VARCHAR))
      AND finished_at >= CAST($4 AS TIMESTAMP) AND finished_at < CAST($5 AS TIMESTAMP)
    GROUP BY service
),
leads AS (
    SELECT service,
           count(*) FILTER (WHERE started_at IS NOT NULL) AS changes,
           quantile_cont(greatest(lead_seconds, 0), 0.5) FILTER (WHERE started_at IS NOT NULL)
               AS lead_median_seconds,
           quantile_cont(greatest(lead_seconds, 0), 0.9) FILTER (WHERE started_at IS NOT NULL)
               AS lead_p90_seconds
    FROM change_lead_times
    WHERE env_group = $1 AND in_scope(service, teams, CAST($2 AS VARCHAR), CAST($3 AS VARCHAR))
      AND deployed_at >= CAST($4 AS TIMESTAMP) AND deployed_at < CAST($5 AS TIMESTAMP)
    GROUP BY service
),
per_service AS (
    SELECT service,
           count(*) AS deployments,
           count(*) FILTER (WHERE failed) AS failed,
           quantile_cont(epoch(recovered_at) - epoch(finished_at), 0.5)
               FILTER (WHERE failed AND recovered_at IS NOT NULL) AS recovery_median_seconds,
           count(*) FILTER (WHERE failed AND recovered_at IS NULL) AS unrecovered_failures,
           count(*) FILTER (WHERE unplanned) AS unplanned
    FROM outcomes
    GROUP BY service
),
restores AS (
    SELECT service, count(*) AS restored_incidents,
           quantile_cont(epoch(resolved_at) - epoch(opened_at), 0.5) AS restore_median_seconds
    FROM incidents_latest
    WHERE in_scope(service, teams, CAST($2 AS VARCHAR), CAST($3 AS VARCHAR)) AND resolved_at IS NOT NULL
      AND opened_at >= CAST($4 AS TIMESTAMP) AND opened_at < CAST($5 AS TIMESTAMP)
    GROUP BY service
),
weeks AS (
    SELECT CAST(w AS DATE) AS week
    FROM range(date_trunc('week', CAST($4 AS TIMESTAMP)), CAST($5 AS TIMESTAMP),
               INTERVAL 1 WEEK) AS t(w)
),
weekly AS (
    SELECT s.service, list(coalesce(n.deployments, 0) ORDER BY w.week) AS weekly_deployments
    FROM scope s
    CROSS JOIN weeks w
    LEFT JOIN (SELECT service, CAST(date_trunc('week', finished_at) AS DATE) AS week,
                      count(*) AS deployments
               FROM outcomes GROUP BY ALL) n
      ON n.service = s.service AND n.week = w.week
    GROUP BY s.service
)
SELECT s.service,
       (SELECT string_agg(DISTINCT t.team, ', ' ORDER BY t.team) FROM service_teams t
         WHERE t.service = s.service) AS team,
       coalesce(p.deployments, 0) AS deployments,
       coalesce(a.failed_attempts, 0) AS failed_attempts,
       coalesce(l.changes, 0) AS changes,
       l.lead_median_seconds,
       l.lead_p90_seconds,
       coalesce(p.failed, 0) AS failed,
       p.recovery_median_seconds,
       coalesce(p.unrecovered_failures, 0) AS unrecovered_failures,
       coalesce(r.restored_incidents, 0) AS restored_incidents,
       r.restore_median_seconds,
       coalesce(p.unplanned, 0) AS unplanned,
       w.weekly_deployments
FROM scope s
LEFT JOIN per_service p USING (service)
LEFT JOIN attempts a USING (service)
LEFT JOIN leads l USING (service)
LEFT JOIN restores r USING (service)
LEFT JOIN weekly w USING (service)
ORDER BY s.service
