-- The values the filter bar offers: every known service, environment and team.
SELECT 'service' AS kind, service AS value FROM (
    SELECT service FROM live_deployments
    UNION SELECT service FROM failed_attempts
    UNION SELECT service FROM incidents_latest)
UNION
SELECT 'environment', environment FROM (
    SELECT environment FROM live_deployments UNION SELECT environment FROM failed_attempts)
UNION
SELECT 'team', team FROM service_teams WHERE team IS NOT NULL
-- teams that owned a service in an earlier catalog version: their history is still filterable
UNION
SELECT 'team', team FROM catalog_versions
ORDER BY kind, value
