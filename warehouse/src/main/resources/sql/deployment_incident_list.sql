-- The incidents attributed to the given deployments, oldest first. Parameter: $1 list of keys.
SELECT a.deployment_key, a.incident_key, a.incident_id, a.source, a.title, a.status, a.severity,
       a.opened_at, a.resolved_at, epoch(a.resolved_at) - epoch(a.opened_at) AS restore_seconds,
       a.attribution
FROM incident_attribution a
WHERE list_contains(CAST($1 AS VARCHAR[]), a.deployment_key)
ORDER BY a.deployment_key, a.opened_at, a.incident_key
