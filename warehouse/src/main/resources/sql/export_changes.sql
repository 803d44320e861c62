-- Export: every change first deployed live in the period and scope (the changes the lead-time
-- metric counts), oldest deployment first. lead_seconds is as measured (negative under clock
-- skew); the metric counts a negative value as 0. Parameters as dora_summary.sql.
SELECT l.change_key, l.service, array_to_string(l.teams, ', ') AS team, s.repo, l.sha, s.pull_request, s.committed_at,
       l.started_at, l.deployment_key, d.deployment_id, d.environment, l.deployed_at,
       round(l.lead_seconds, 1) AS lead_seconds
FROM change_lead_times l
JOIN live_deployments d USING (deployment_key)
LEFT JOIN change_starts s USING (change_key)
WHERE l.env_group = $1
  AND in_scope(l.service, l.teams, CAST($2 AS VARCHAR), CAST($3 AS VARCHAR))
  AND l.deployed_at >= CAST($4 AS TIMESTAMP) AND l.deployed_at < CAST($5 AS TIMESTAMP)
ORDER BY l.deployed_at, l.deployment_key, l.started_at, l.sha
