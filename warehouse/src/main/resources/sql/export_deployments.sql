-- Export: every live deployment of the period and scope, one row each, oldest first, with its
-- outcome (the same rows as /api/v1/deployments without the nested changes, plus the team and
-- the number of changes it first carried). Parameters as dora_summary.sql: $1 environment group,
-- $2 service, $3 team, $4 start, $5 end.
SELECT o.deployment_key, o.deployment_id, o.source, o.service, array_to_string(o.teams, ', ') AS team, o.environment, o.sha,
       o.ref, o.pipeline, o.started_at, o.finished_at, o.is_rollback, o.is_hotfix, o.failed,
       o.failure_reasons, o.incidents, o.recovered_at,
       round(epoch(o.recovered_at) - epoch(o.finished_at), 1) AS recovery_seconds,
       o.unplanned, o.during_incident, r.replaces_key AS rolls_back,
       (SELECT count(*) FROM change_lead_times l
         WHERE l.deployment_key = o.deployment_key AND l.env_group = o.env_group) AS changes
FROM deployment_outcomes o
LEFT JOIN rollbacks r USING (deployment_key)
WHERE o.env_group = $1
  AND in_scope(o.service, o.teams, CAST($2 AS VARCHAR), CAST($3 AS VARCHAR))
  AND o.finished_at >= CAST($4 AS TIMESTAMP) AND o.finished_at < CAST($5 AS TIMESTAMP)
ORDER BY o.finished_at, o.deployment_key
