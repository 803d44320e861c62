-- Export: the DORA summary per week and service (METRICS.md), each row the numbers
-- /api/v1/dora gives for that service over that week's days inside the period (week_start to
-- week_end, both included; the first and last week are cut at the period's ends). Only weeks in
-- which a service had a deployment, a failed attempt, a deployed change or an incident are listed.
-- Rates rounded to 3 places and seconds to 0.1, as the API does. Parameters as dora_summary.sql.
WITH outcomes AS MATERIALIZED (
    SELECT service, CAST(date_trunc('week', finished_at) AS DATE) AS week,
           count(*) AS deployments,
           count(*) FILTER (WHERE failed) AS failed,
           quantile_cont(epoch(recovered_at) - epoch(finished_at), 0.5)
               FILTER (WHERE failed AND recovered_at IS NOT NULL) AS recovery_median_seconds,
           count(*) FILTER (WHERE failed AND recovered_at IS NULL) AS unrecovered,
           count(*) FILTER (WHERE unplanned) AS unplanned
    FROM deployment_outcomes
    WHERE env_group = $1 AND in_scope(service, teams, CAST($2 AS VARCHAR), CAST($3 AS VARCHAR))
      AND finished_at >= CAST($4 AS TIMESTAMP) AND finished_at < CAST($5 AS TIMESTAMP)
    GROUP BY ALL
),
attempts AS MATERIALIZED (
    SELECT service, CAST(date_trunc('week', finished_at) AS DATE) AS week,
           count(*) AS failed_attempts
    FROM failed_attempts
    WHERE env_group = $1 AND in_scope(service, teams, CAST($2 AS VARCHAR), CAST($3 AS VARCHAR))
      AND finished_at >= CAST($4 AS TIMESTAMP) AND finished_at < CAST($5 AS TIMESTAMP)
    GROUP BY ALL
),
leads AS MATERIALIZED (
    SELECT service, CAST(date_trunc('week', deployed_at) AS DATE) AS week,
           count(*) FILTER (WHERE started_at IS NOT NULL) AS changes,
           quantile_cont(greatest(lead_seconds, 0), 0.5)
               FILTER (WHERE started_at IS NOT NULL) AS lead_median_seconds,
           quantile_cont(greatest(lead_seconds, 0), 0.9)
               FILTER (WHERE started_at IS NOT NULL) AS lead_p90_seconds
    FROM change_lead_times
    WHERE env_group = $1 AND in_scope(service, teams, CAST($2 AS VARCHAR), CAST($3 AS VARCHAR))
      AND deployed_at >= CAST($4 AS TIMESTAMP) AND deployed_at < CAST($5 AS TIMESTAMP)
    GROUP BY ALL
),
restores AS MATERIALIZED (
    SELECT service, CAST(date_trunc('week', opened_at) AS DATE) AS week,
           count(*) AS incidents,
           count(*) FILTER (WHERE resolved_at IS NOT NULL) AS restored_incidents,
           quantile_cont(epoch(resolved_at) - epoch(opened_at), 0.5)
               FILTER (WHERE resolved_at IS NOT NULL) AS restore_median_seconds
    FROM incidents_latest
    WHERE in_scope(service, teams, CAST($2 AS VARCHAR), CAST($3 AS VARCHAR))
      AND opened_at >= CAST($4 AS TIMESTAMP) AND opened_at < CAST($5 AS TIMESTAMP)
    GROUP BY ALL
),
keys AS (
    SELECT service, week FROM outcomes UNION SELECT service, week FROM attempts
    UNION SELECT service, week FROM leads UNION SELECT service, week FROM restores
),
bounded AS (
    SELECT k.*,
           greatest(k.week, CAST(CAST($4 AS TIMESTAMP) AS DATE)) AS week_start,
           least(k.week + 6, CAST(CAST($5 AS TIMESTAMP) AS DATE) - 1) AS week_end
    FROM keys k
)
SELECT b.week_start, b.week_end, b.service, t.team,
       coalesce(o.deployments, 0) AS deployments,
       round(coalesce(o.deployments, 0) / (b.week_end - b.week_start + 1), 3) AS per_day,
       coalesce(a.failed_attempts, 0) AS failed_attempts,
       coalesce(l.changes, 0) AS changes,
       round(l.lead_median_seconds, 1) AS lead_time_median_seconds,
       round(l.lead_p90_seconds, 1) AS lead_time_p90_seconds,
       coalesce(o.failed, 0) AS failed_deployments,
       round(o.failed / nullif(o.deployments, 0), 3) AS change_failure_rate,
       round(o.recovery_median_seconds, 1) AS recovery_median_seconds,
       coalesce(o.unrecovered, 0) AS unrecovered_failures,
       coalesce(r.restored_incidents, 0) AS restored_incidents,
       round(r.restore_median_seconds, 1) AS time_to_restore_median_seconds,
       coalesce(o.unplanned, 0) AS unplanned_deployments,
       round(o.unplanned / nullif(o.deployments, 0), 3) AS rework_rate
FROM bounded b
LEFT JOIN outcomes o USING (service, week)
LEFT JOIN attempts a USING (service, week)
LEFT JOIN leads l USING (service, week)
LEFT JOIN restores r USING (service, week)
-- The service's teams as they stand now; one row per item even for a service of several teams.
LEFT JOIN (SELECT service, string_agg(team, ', ' ORDER BY team) AS team FROM service_teams
           GROUP BY service) t
       ON t.service = b.service
ORDER BY b.week_start, b.service
