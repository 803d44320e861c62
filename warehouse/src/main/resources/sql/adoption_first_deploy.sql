-- Time to first production deployment (METRICS.md, "Platform adoption"): the services registered
-- in the period, oldest first, each with its first successful production deployment at or after
-- registration (adoption_services, derived.sql; null when there is none yet) and the median over
-- those that have one, repeated on every row (quantile_cont skips the nulls).
-- Parameters: $1 team or NULL, $2 period start (inclusive), $3 period end (exclusive).
SELECT service, registered_at, first_deployed_at,
       epoch(first_deployed_at) - epoch(registered_at) AS seconds,
       quantile_cont(epoch(first_deployed_at) - epoch(registered_at), 0.5) OVER () AS median_seconds
FROM adoption_services
WHERE registered_at >= CAST($2 AS TIMESTAMP) AND registered_at < CAST($3 AS TIMESTAMP)
  AND adoption_for_team($1, teams)
ORDER BY registered_at, service
