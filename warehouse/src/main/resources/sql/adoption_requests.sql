-- Self-service ratio (METRICS.md, "Platform adoption"): the platform requests made in the period
-- (latest state of each), per channel, both channels always listed: how many and how many
-- fulfilled, summed over the period's days of adoption_daily (derived.sql), and the median
-- fulfilment time over the fulfilled ones, taken from the requests themselves (a median of daily
-- medians is not the median). A team's requests are those it made (their team column) and those
-- for one of its services.
-- Parameters: $1 team or NULL, $2 period start (inclusive), $3 period end (exclusive).
WITH days AS (
    SELECT sum(self_service_requests) AS self_service_requests,
           sum(self_service_fulfilled) AS self_service_fulfilled,
           sum(ticket_requests) AS ticket_requests,
           sum(ticket_fulfilled) AS ticket_fulfilled
    FROM adoption_days($1, $2, $3)
),
counts AS (
    SELECT 'self_service' AS channel, self_service_requests AS requests,
           self_service_fulfilled AS fulfilled
    FROM days
    UNION ALL
    SELECT 'ticket', ticket_requests, ticket_fulfilled FROM days
),
medians AS (
    SELECT channel,
           quantile_cont(epoch(fulfilled_at) - epoch(requested_at), 0.5)
               AS median_fulfilment_seconds
    FROM platform_requests_latest
    WHERE requested_at >= CAST($2 AS TIMESTAMP) AND requested_at < CAST($3 AS TIMESTAMP)
      AND adoption_for_team($1, teams)
    GROUP BY channel
)
SELECT c.channel,
       CAST(coalesce(c.requests, 0) AS BIGINT) AS requests,
       CAST(coalesce(c.fulfilled, 0) AS BIGINT) AS fulfilled,
       m.median_fulfilment_seconds
FROM counts c
LEFT JOIN medians m USING (channel)
ORDER BY c.channel
