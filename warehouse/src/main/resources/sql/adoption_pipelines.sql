-- Platform-pipeline share (METRICS.md, "Platform adoption"): of the successful production
-- deployments that finished in the period, those whose pipeline matches the configured platform
-- pipeline pattern (a deployment without pipeline never matches). Summed over the period's days of
-- adoption_daily (derived.sql), which has matched the pattern once per derivation.
-- Parameters: $1 team or NULL, $2 period start (inclusive), $3 period end (exclusive).
WITH d AS (
    SELECT CAST(coalesce(sum(deployments), 0) AS BIGINT) AS deployments,
           CAST(coalesce(sum(platform_deployments), 0) AS BIGINT) AS platform_deployments
    FROM adoption_days($1, $2, $3)
)
SELECT deployments, platform_deployments,
       round(platform_deployments / nullif(deployments, 0), 3) AS ratio
FROM d
