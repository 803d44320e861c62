-- Golden-path coverage (METRICS.md, "Platform adoption"): the services known and those on a golden
-- path, from adoption_services (derived.sql). The catalog as it stands: the period does not apply.
-- Parameters: $1 team or NULL.
SELECT count(*) AS services,
       count(*) FILTER (WHERE golden_path) AS golden_path_services,
       round(count(*) FILTER (WHERE golden_path) / nullif(count(*), 0), 3) AS ratio
FROM adoption_services
WHERE adoption_for_team($1, teams)
