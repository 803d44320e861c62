-- Lead time for changes (METRICS.md): per change, the finished_at of the first successful
-- production deployment that carried it minus the change start; median and p90 as continuous
-- quantiles over the changes first deployed in the period. Negative values count as 0.
-- Parameters: period start (inclusive), period end (exclusive), as UTC timestamps.
WITH first_deployed AS (
    SELECT dc.change_key, min(d.finished_at) AS deployed_at
    FROM deployment_changes dc
    JOIN deployments_latest d USING (deployment_key)
    WHERE d.production AND d.status = 'success'
    GROUP BY dc.change_key
),
in_period AS (
    SELECT epoch(f.deployed_at) - epoch(c.started_at) AS raw_seconds
    FROM first_deployed f
    JOIN changes_latest c USING (change_key)
    WHERE f.deployed_at >= CAST(? AS TIMESTAMP)
      AND f.deployed_at < CAST(? AS TIMESTAMP)
      AND c.started_at IS NOT NULL
)
SELECT
    count(*) AS changes,
    quantile_cont(greatest(raw_seconds, 0), 0.5) AS median_seconds,
    quantile_cont(greatest(raw_seconds, 0), 0.9) AS p90_seconds,
    count(*) FILTER (WHERE raw_seconds < 0) AS negative_lead_times
FROM in_period
