-- The changes of the given deployments, with their lead time where this deployment was the first
-- to carry them. Parameters: $1 environment group, $2 list of deployment keys.
SELECT dc.deployment_key, dc.sha, s.committed_at, s.started_at, s.pull_request,
       l.deployment_key = dc.deployment_key AS first_deployed_here,
       CASE WHEN l.deployment_key = dc.deployment_key THEN greatest(l.lead_seconds, 0) END AS lead_seconds
FROM deployment_changes dc
LEFT JOIN change_starts s USING (change_key)
LEFT JOIN change_lead_times l ON l.change_key = dc.change_key AND l.env_group = dc.env_group
WHERE dc.env_group = $1 AND list_contains(CAST($2 AS VARCHAR[]), dc.deployment_key)
ORDER BY dc.deployment_key, s.started_at, dc.sha
