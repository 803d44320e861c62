-- Services seen in events that the catalog does not know: events whose repository, name or incident
-- id no catalog service claims keep the name they gave (resolve.sql), and so do events of a
-- repository several services share (a monorepo) that no rule placed. What each is seen in, and
-- when last.
WITH seen AS (
    SELECT service, 'deployments' AS seen_in, max(finished_at) AS last_seen FROM deployments_latest
    GROUP BY service
    UNION ALL
    SELECT service, 'changes', max(pushed_at) FROM changes_latest GROUP BY service
    UNION ALL
    SELECT service, 'incidents', max(opened_at) FROM incidents_latest GROUP BY service
)
SELECT service, string_agg(seen_in, ', ' ORDER BY seen_in) AS seen_in, max(last_seen) AS last_seen
FROM seen
WHERE service IS NOT NULL AND service NOT IN (SELECT service FROM catalog_services)
GROUP BY service
ORDER BY service
