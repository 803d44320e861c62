-- Deployment frequency (METRICS.md): successful production deployments that finished in the
-- period, plus production attempts that failed before going live (reported apart).
-- Parameters: period start (inclusive), period end (exclusive), as UTC timestamps.
SELECT
    count(*) FILTER (WHERE status = 'success') AS deployments,
    count(*) FILTER (WHERE status IN ('failure', 'error')) AS failed_attempts,
    count(DISTINCT date_trunc('week', finished_at)) FILTER (WHERE status = 'success') AS weeks_with_deployments
FROM deployments_latest
WHERE production
  AND finished_at >= CAST(? AS TIMESTAMP)
  AND finished_at < CAST(? AS TIMESTAMP)
