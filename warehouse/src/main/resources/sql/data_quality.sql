-- What could not be linked, and why (METRICS.md, "data_quality"), one row per item: deployments
-- without changes, changes without a timestamp and negative lead times (counted as 0), defined
-- exactly as in dora_summary.sql; unattributed incidents with the reason of incident_attribution;
-- and rejected events grouped by source and reason, with their count and latest example. Rejected
-- events name no service, so only the period applies to them.
-- Parameters as dora_summary.sql: $1 environment group, $2 service, $3 team, $4 start, $5 end.
WITH outcomes AS MATERIALIZED (
    SELECT * FROM deployment_outcomes
    WHERE env_group = $1 AND in_scope(service, teams, CAST($2 AS VARCHAR), CAST($3 AS VARCHAR))
      AND finished_at >= CAST($4 AS TIMESTAMP) AND finished_at < CAST($5 AS TIMESTAMP)
),
leads AS MATERIALIZED (
    SELECT * FROM change_lead_times
    WHERE env_group = $1 AND in_scope(service, teams, CAST($2 AS VARCHAR), CAST($3 AS VARCHAR))
      AND deployed_at >= CAST($4 AS TIMESTAMP) AND deployed_at < CAST($5 AS TIMESTAMP)
)
SELECT 'deployment_without_changes' AS kind, o.service, o.source, o.deployment_key AS item,
       o.deployment_id AS label, o.finished_at AS happened_at,
       'no known commits lead to its sha ' || coalesce(o.sha, '(none sent)') AS detail,
       CAST(NULL AS DOUBLE) AS seconds, 1 AS count
FROM outcomes o
WHERE o.deployment_key IN (SELECT deployment_key FROM deployments_without_changes)
UNION ALL
SELECT 'change_without_timestamp', l.service, NULL, l.change_key, l.sha, l.deployed_at,
       'no commit time known: left out of the lead time', NULL, 1
FROM leads l WHERE l.started_at IS NULL
UNION ALL
SELECT 'negative_lead_time', l.service, NULL, l.change_key, l.sha, l.deployed_at,
       'started after its deployment (clock skew): counted as 0', l.lead_seconds, 1
FROM leads l WHERE l.lead_seconds < 0
UNION ALL
SELECT 'unattributed_incident', a.service, a.source, a.incident_key, a.incident_id, a.opened_at,
       a.attribution, NULL, 1
FROM incident_attribution a
WHERE in_scope(a.service, a.teams, CAST($2 AS VARCHAR), CAST($3 AS VARCHAR)) AND a.deployment_key IS NULL
  AND a.opened_at >= CAST($4 AS TIMESTAMP) AND a.opened_at < CAST($5 AS TIMESTAMP)
UNION ALL
SELECT 'rejected_event', NULL, r.source, arg_max(r.event_id, r.received_at),
       arg_max(r.event_type, r.received_at), max(r.received_at), r.reason, NULL, count(*)
FROM rejected_events r
WHERE r.received_at >= CAST($4 AS TIMESTAMP) AND r.received_at < CAST($5 AS TIMESTAMP)
GROUP BY r.source, r.reason
ORDER BY kind, happened_at DESC, item
