-- What could not be linked (METRICS.md, "Data quality").
-- Parameters: period start (inclusive), period end (exclusive), twice.
SELECT
    (SELECT count(*)
       FROM deployments_latest d
      WHERE d.production AND d.status = 'success'
        AND d.finished_at >= CAST(? AS TIMESTAMP) AND d.finished_at < CAST(? AS TIMESTAMP)
        AND NOT EXISTS (SELECT 1 FROM deployment_changes dc
                         WHERE dc.deployment_key = d.deployment_key)) AS deployments_without_changes,
    (SELECT count(*)
       FROM changes_latest c
      WHERE c.started_at IS NULL
        AND c.pushed_at >= CAST(? AS TIMESTAMP) AND c.pushed_at < CAST(? AS TIMESTAMP)) AS changes_without_timestamp
