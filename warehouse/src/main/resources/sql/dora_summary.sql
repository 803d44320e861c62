-- The five DORA metrics of a period (METRICS.md), from the derived views of derived.sql.
-- Parameters: $1 environment group ('production' unless asked), $2 service or NULL, $3 team or
-- NULL, $4 period start (inclusive), $5 period end (exclusive), as UTC timestamps. A team's rows
-- are those whose service it owned at their time (in_scope, resolve.sql).
WITH outcomes AS MATERIALIZED (
    SELECT * FROM deployment_outcomes
    WHERE env_group = $1 AND in_scope(service, teams, CAST($2 AS VARCHAR), CAST($3 AS VARCHAR))
      AND finished_at >= CAST($4 AS TIMESTAMP) AND finished_at < CAST($5 AS TIMESTAMP)
),
attempts AS MATERIALIZED (
    SELECT count(*) AS failed_attempts FROM failed_attempts
    WHERE env_group = $1 AND in_scope(service, teams, CAST($2 AS VARCHAR), CAST($3 AS VARCHAR))
      AND finished_at >= CAST($4 AS TIMESTAMP) AND finished_at < CAST($5 AS TIMESTAMP)
),
leads AS MATERIALIZED (
    SELECT * FROM change_lead_times
    WHERE env_group = $1 AND in_scope(service, teams, CAST($2 AS VARCHAR), CAST($3 AS VARCHAR))
      AND deployed_at >= CAST($4 AS TIMESTAMP) AND deployed_at < CAST($5 AS TIMESTAMP)
),
restores AS MATERIALIZED (
    SELECT * FROM incident_attribution
    WHERE in_scope(service, teams, CAST($2 AS VARCHAR), CAST($3 AS VARCHAR))
      AND opened_at >= CAST($4 AS TIMESTAMP) AND opened_at < CAST($5 AS TIMESTAMP)
),
unlinked_incidents AS MATERIALIZED (
    SELECT count(*) AS n FROM incident_attribution
    WHERE in_scope(service, teams, CAST($2 AS VARCHAR), CAST($3 AS VARCHAR)) AND deployment_key IS NULL
      AND opened_at >= CAST($4 AS TIMESTAMP) AND opened_at < CAST($5 AS TIMESTAMP)
)
SELECT
    (SELECT count(*) FROM outcomes) AS deployments,
    (SELECT failed_attempts FROM attempts) AS failed_attempts,
    (SELECT count(DISTINCT date_trunc('week', finished_at)) FROM outcomes) AS weeks_with_deployments,
    (SELECT count(*) FROM leads WHERE started_at IS NOT NULL) AS changes,
    (SELECT quantile_cont(greatest(lead_seconds, 0), 0.5) FROM leads WHERE started_at IS NOT NULL) AS lead_median_seconds,
    (SELECT quantile_cont(greatest(lead_seconds, 0), 0.9) FROM leads WHERE started_at IS NOT NULL) AS lead_p90_seconds,
    (SELECT count(*) FROM leads WHERE lead_seconds < 0) AS negative_lead_times,
    (SELECT count(*) FROM leads WHERE started_at IS NULL) AS changes_without_timestamp,
    (SELECT count(*) FROM outcomes WHERE failed) AS failed,
    (SELECT quantile_cont(epoch(recovered_at) - epoch(finished_at), 0.5) FROM outcomes
      WHERE failed AND recovered_at IS NOT NULL) AS recovery_median_seconds,
    (SELECT count(*) FROM outcomes WHERE failed AND recovered_at IS NULL) AS unrecovered_failures,
    (SELECT count(*) FROM restores WHERE resolved_at IS NOT NULL) AS restored_incidents,
    (SELECT quantile_cont(epoch(resolved_at) - epoch(opened_at), 0.5) FROM restores
      WHERE resolved_at IS NOT NULL) AS restore_median_seconds,
    (SELECT count(*) FROM outcomes WHERE unplanned) AS unplanned,
    (SELECT count(*) FROM outcomes
      WHERE deployment_key IN (SELECT deployment_key FROM deployments_without_changes)) AS deployments_without_changes,
    (SELECT n FROM unlinked_incidents) AS unattributed_incidents
