-- Platform-pipeline share (METRICS.md, "Platform adoption"): of the successful production
-- deployments that finished in the period, those whose pipeline matches the configured platform
-- pipeline pattern (RE2 syntax, as DuckDB reads it; a deployment without pipeline never matches).
-- Parameters: $1 team or NULL, $2 period start (inclusive), $3 period end (exclusive), $4 pattern.
WITH d AS (
    SELECT coalesce(regexp_matches(pipeline, CAST($4 AS VARCHAR)), false) AS platform
    FROM live_deployments
    WHERE env_group = 'production'
      AND finished_at >= CAST($2 AS TIMESTAMP) AND finished_at < CAST($3 AS TIMESTAMP)
      AND in_scope(service, teams, NULL, CAST($1 AS VARCHAR))
)
SELECT count(*) AS deployments,
       count(*) FILTER (WHERE platform) AS platform_deployments,
       round(count(*) FILTER (WHERE platform) / nullif(count(*), 0), 3) AS ratio
FROM d
