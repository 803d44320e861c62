-- Deployments and lead time per bucket (day, week or month), every bucket of the period listed,
-- empty ones with zero deployments. Lead time per bucket is computed from the changes first
-- deployed in that bucket, never by averaging daily medians.
-- Parameters: bucket ('day' | 'week' | 'month'), start, end (exclusive), bucket interval
-- ('1 day' | '1 week' | '1 month').
WITH first_deployed AS (
    SELECT dc.change_key, min(d.finished_at) AS deployed_at
    FROM deployment_changes dc
    JOIN deployments_latest d USING (deployment_key)
    WHERE d.production AND d.status = 'success'
    GROUP BY dc.change_key
),
params AS (
    SELECT CAST(? AS VARCHAR) AS part, CAST(? AS TIMESTAMP) AS start_ts, CAST(? AS TIMESTAMP) AS end_ts
),
buckets AS (
    SELECT CAST(b AS DATE) AS bucket
    FROM params, range(date_trunc(params.part, params.start_ts), params.end_ts, CAST(? AS INTERVAL)) AS t(b)
),
deploys AS (
    SELECT CAST(date_trunc(p.part, d.finished_at) AS DATE) AS bucket,
           count(*) FILTER (WHERE d.status = 'success') AS deployments,
           count(*) FILTER (WHERE d.status IN ('failure', 'error')) AS failed_attempts
    FROM deployments_latest d, params p
    WHERE d.production AND d.finished_at >= p.start_ts AND d.finished_at < p.end_ts
    GROUP BY 1
),
leads AS (
    SELECT CAST(date_trunc(p.part, f.deployed_at) AS DATE) AS bucket,
           count(*) AS changes,
           quantile_cont(greatest(epoch(f.deployed_at) - epoch(c.started_at), 0), 0.5) AS median_seconds,
           quantile_cont(greatest(epoch(f.deployed_at) - epoch(c.started_at), 0), 0.9) AS p90_seconds
    FROM first_deployed f
    JOIN changes_latest c USING (change_key), params p
    WHERE f.deployed_at >= p.start_ts AND f.deployed_at < p.end_ts AND c.started_at IS NOT NULL
    GROUP BY 1
)
SELECT b.bucket,
       coalesce(d.deployments, 0) AS deployments,
       coalesce(d.failed_attempts, 0) AS failed_attempts,
       coalesce(l.changes, 0) AS changes,
       l.median_seconds,
       l.p90_seconds
FROM buckets b
LEFT JOIN deploys d USING (bucket)
LEFT JOIN leads l USING (bucket)
ORDER BY b.bucket
