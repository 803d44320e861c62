-- The DORA metrics per bucket (day, week or month), every bucket of the period listed, empty ones
-- with zero deployments. Each bucket is computed from the facts of that bucket, never by averaging
-- daily medians. Parameters: $1 environment group, $2 service or NULL, $3 team or NULL, $4 start,
-- $5 end (exclusive), $6 bucket ('day' | 'week' | 'month'), $7 bucket interval ('1 day' | ...).
WITH buckets AS (
    SELECT CAST(b AS DATE) AS bucket
    FROM range(date_trunc(CAST($6 AS VARCHAR), CAST($4 AS TIMESTAMP)), CAST($5 AS TIMESTAMP),
               CAST($7 AS INTERVAL)) AS t(b)
),
deploys AS MATERIALIZED (
    SELECT CAST(date_trunc(CAST($6 AS VARCHAR), finished_at) AS DATE) AS bucket,
           count(*) AS deployments,
           count(*) FILTER (WHERE failed) AS failed,
           quantile_cont(epoch(recovered_at) - epoch(finished_at), 0.5)
               FILTER (WHERE failed AND recovered_at IS NOT NULL) AS recovery_median_seconds,
           count(*) FILTER (WHERE unplanned) AS unplanned
    FROM deployment_outcomes
    WHERE env_group = $1 AND in_scope(service, teams, CAST($2 AS VARCHAR), CAST($3 AS VARCHAR))
      AND finished_at >= CAST($4 AS TIMESTAMP) AND finished_at < CAST($5 AS TIMESTAMP)
    GROUP BY 1
),
attempts AS MATERIALIZED (
    SELECT CAST(date_trunc(CAST($6 AS VARCHAR), finished_at) AS DATE) AS bucket,
           count(*) AS failed_attempts
    FROM failed_attempts
    WHERE env_group = $1 AND in_scope(service, teams, CAST($2 AS VARCHAR), CAST($3 AS VARCHAR))
      AND finished_at >= CAST($4 AS TIMESTAMP) AND finished_at < CAST($5 AS TIMESTAMP)
    GROUP BY 1
),
leads AS MATERIALIZED (
    SELECT CAST(date_trunc(CAST($6 AS VARCHAR), deployed_at) AS DATE) AS bucket,
           count(*) AS changes,
           quantile_cont(greatest(lead_seconds, 0), 0.5) AS median_seconds,
           quantile_cont(greatest(lead_seconds, 0), 0.9) AS p90_seconds
    FROM change_lead_times
    WHERE env_group = $1 AND in_scope(service, teams, CAST($2 AS VARCHAR), CAST($3 AS VARCHAR)) AND started_at IS NOT NULL
      AND deployed_at >= CAST($4 AS TIMESTAMP) AND deployed_at < CAST($5 AS TIMESTAMP)
    GROUP BY 1
)
SELECT b.bucket,
       coalesce(d.deployments, 0) AS deployments,
       coalesce(a.failed_attempts, 0) AS failed_attempts,
       coalesce(l.changes, 0) AS changes,
       l.median_seconds,
       l.p90_seconds,
       coalesce(d.failed, 0) AS failed,
       d.recovery_median_seconds,
       coalesce(d.unplanned, 0) AS unplanned
FROM buckets b
LEFT JOIN deploys d USING (bucket)
LEFT JOIN attempts a USING (bucket)
LEFT JOIN leads l USING (bucket)
ORDER BY b.bucket
