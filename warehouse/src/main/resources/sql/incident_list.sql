-- Incidents opened in the period and scope, newest first, with their attribution.
-- Parameters: $1 unused environment group (incidents are production's), $2 service, $3 team,
-- $4 start, $5 end.
SELECT a.incident_key, a.incident_id, a.source, a.service, a.title, a.status, a.severity,
       a.opened_at, a.resolved_at,
       epoch(a.resolved_at) - epoch(a.opened_at) AS restore_seconds,
       a.caused_by_deployment_id, a.caused_by_sha,
       a.deployment_key, d.deployment_id, a.attribution
FROM incident_attribution a
LEFT JOIN live_deployments d USING (deployment_key)
WHERE CAST($1 AS VARCHAR) IS NOT NULL
  AND in_scope(a.service, a.teams, CAST($2 AS VARCHAR), CAST($3 AS VARCHAR))
  AND a.opened_at >= CAST($4 AS TIMESTAMP) AND a.opened_at < CAST($5 AS TIMESTAMP)
ORDER BY a.opened_at DESC, a.incident_key DESC
