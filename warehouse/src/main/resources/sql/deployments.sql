-- Drill-down: every live deployment of the period and scope with its outcome, newest first.
-- Parameters as dora_summary.sql: $1 environment group, $2 service, $3 team, $4 start, $5 end;
-- $6 a deployment key or NULL: with a key, only that deployment, whatever its group and period.
SELECT o.deployment_key, o.env_group, o.deployment_id, o.source, o.service, o.environment, o.sha, o.ref,
       o.pipeline, o.started_at, o.finished_at, o.is_rollback, o.is_hotfix, o.failed,
       o.failure_reasons, o.recovered_at,
       epoch(o.recovered_at) - epoch(o.finished_at) AS recovery_seconds,
       o.unplanned, o.during_incident,
       r.replaces_key AS rolls_back
FROM deployment_outcomes o
LEFT JOIN rollbacks r USING (deployment_key)
WHERE (CAST($6 AS VARCHAR) IS NOT NULL AND o.deployment_key = $6)
   OR (CAST($6 AS VARCHAR) IS NULL AND o.env_group = $1
       AND in_scope(o.service, o.teams, CAST($2 AS VARCHAR), CAST($3 AS VARCHAR))
       AND o.finished_at >= CAST($4 AS TIMESTAMP) AND o.finished_at < CAST($5 AS TIMESTAMP))
ORDER BY o.finished_at DESC, o.deployment_key DESC
