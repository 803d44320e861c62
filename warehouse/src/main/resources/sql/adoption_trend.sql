-- The platform-adoption figures per bucket (day, week or month; METRICS.md, "Adoption trends"),
-- every bucket of the period listed, those without facts with zero counts and null shares. Counts
-- are the bucket's days of adoption_daily summed; coverage is as the bucket closes (the period's
-- end for a bucket it cuts): the services known by then, a service counting from its registration
-- and a catalog service without one from the start.
-- Parameters: $1 team or NULL, $2 start, $3 end (exclusive), $4 bucket ('day' | 'week' | 'month'),
-- $5 bucket interval ('1 day' | ...).
WITH buckets AS (
    SELECT CAST(b AS DATE) AS bucket,
           least(b + CAST($5 AS INTERVAL), CAST($3 AS TIMESTAMP)) AS closes_at
    FROM range(date_trunc(CAST($4 AS VARCHAR), CAST($2 AS TIMESTAMP)), CAST($3 AS TIMESTAMP),
               CAST($5 AS INTERVAL)) AS t(b)
),
-- Every count column of adoption_daily, summed per bucket.
days AS (
    SELECT CAST(date_trunc(CAST($4 AS VARCHAR), day) AS DATE) AS bucket,
           sum(COLUMNS(* EXCLUDE (day, service, teams)))
    FROM adoption_days($1, $2, $3)
    GROUP BY 1
),
coverage AS (
    SELECT b.bucket,
           count(s.service) AS services,
           count(s.service) FILTER (WHERE s.golden_path) AS golden_path_services
    FROM buckets b
    LEFT JOIN adoption_services s
      ON (s.registered_at IS NULL OR s.registered_at < b.closes_at)
     AND adoption_for_team($1, s.teams)
    GROUP BY b.bucket
),
counts AS (
    SELECT * EXCLUDE (closes_at)
    FROM buckets
    JOIN coverage USING (bucket)
    LEFT JOIN days USING (bucket)
)
SELECT bucket, services, golden_path_services,
       CAST(coalesce(COLUMNS(* EXCLUDE (bucket, services, golden_path_services)), 0) AS BIGINT),
       round(golden_path_services / nullif(services, 0), 3) AS coverage_ratio,
       round(platform_deployments / nullif(deployments, 0), 3) AS pipeline_ratio,
       round(self_service_requests / nullif(self_service_requests + ticket_requests, 0), 3)
           AS self_service_share
FROM counts
ORDER BY bucket
