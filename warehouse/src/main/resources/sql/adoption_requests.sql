-- Self-service ratio (METRICS.md, "Platform adoption"): the platform requests made in the period
-- (latest state of each), per channel, both channels always listed: how many, how many fulfilled,
-- and the median fulfilment time over the fulfilled ones. A team's requests are those it made
-- (their team column) and those for one of its services.
-- Parameters: $1 team or NULL, $2 period start (inclusive), $3 period end (exclusive).
WITH r AS (
    SELECT channel, epoch(fulfilled_at) - epoch(requested_at) AS fulfilment_seconds
    FROM platform_requests_latest
    WHERE requested_at >= CAST($2 AS TIMESTAMP) AND requested_at < CAST($3 AS TIMESTAMP)
      AND in_scope(service, teams, NULL, CAST($1 AS VARCHAR))
)
SELECT c.channel,
       count(r.channel) AS requests,
       count(r.fulfilment_seconds) AS fulfilled,
       quantile_cont(r.fulfilment_seconds, 0.5) AS median_fulfilment_seconds
FROM (VALUES ('self_service'), ('ticket')) AS c(channel)
LEFT JOIN r ON r.channel = c.channel
GROUP BY c.channel
ORDER BY c.channel
