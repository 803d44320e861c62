-- Export: incidents opened in the period and scope, oldest first, with their attribution (the
-- rows of /api/v1/incidents plus the team its service had when it opened). Parameters as incident_list.sql.
SELECT a.incident_key, a.incident_id, a.source, a.service, array_to_string(a.teams, ', ') AS team, a.title, a.status,
       a.severity, a.opened_at, a.resolved_at,
       round(epoch(a.resolved_at) - epoch(a.opened_at), 1) AS restore_seconds,
       a.caused_by_deployment_id, a.caused_by_sha, a.deployment_key, d.deployment_id,
       a.attribution
FROM incident_attribution a
LEFT JOIN live_deployments d USING (deployment_key)
WHERE CAST($1 AS VARCHAR) IS NOT NULL
  AND in_scope(a.service, a.teams, CAST($2 AS VARCHAR), CAST($3 AS VARCHAR))
  AND a.opened_at >= CAST($4 AS TIMESTAMP) AND a.opened_at < CAST($5 AS TIMESTAMP)
ORDER BY a.opened_at, a.incident_key
