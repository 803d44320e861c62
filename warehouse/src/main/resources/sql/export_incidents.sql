-- Export: incidents opened in the period and scope, oldest first, with their attribution (the
-- rows of /api/v1/incidents plus the team). Parameters as incident_list.sql.
SELECT a.incident_key, a.incident_id, a.source, a.service, t.team, a.title, a.status,
       a.severity, a.opened_at, a.resolved_at,
       round(epoch(a.resolved_at) - epoch(a.opened_at), 1) AS restore_seconds,
       a.caused_by_deployment_id, a.caused_by_sha, a.deployment_key, d.deployment_id,
       a.attribution
FROM incident_attribution a
LEFT JOIN live_deployments d USING (deployment_key)
-- One row per item even for a service of several teams (team lists them all).
LEFT JOIN (SELECT service, string_agg(team, ', ' ORDER BY team) AS team FROM service_teams
           GROUP BY service) t
       ON t.service = a.service
WHERE CAST($1 AS VARCHAR) IS NOT NULL
  AND (CAST($2 AS VARCHAR) IS NULL OR a.service = $2)
  AND (CAST($3 AS VARCHAR) IS NULL
       OR a.service IN (SELECT service FROM service_teams WHERE team = $3))
  AND a.opened_at >= CAST($4 AS TIMESTAMP) AND a.opened_at < CAST($5 AS TIMESTAMP)
ORDER BY a.opened_at, a.incident_key
