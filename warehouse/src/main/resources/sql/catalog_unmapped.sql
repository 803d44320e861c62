-- Services seen in events that the catalog does not know: no current catalog service has that name
-- or claims that repository (github.com/project-slug, gitlab.com/project-slug; compared without
-- regard to case). What each is seen in, and when last.
WITH catalog AS (
    SELECT service, github_repos, gitlab_projects FROM catalog_services
    QUALIFY row_number() OVER (PARTITION BY service ORDER BY imported_at DESC, import_id DESC) = 1
),
known AS (
    SELECT lower(service) AS name FROM catalog
    UNION
    SELECT lower(trim(unnest(string_split(
               coalesce(github_repos, '') || ',' || coalesce(gitlab_projects, ''), ','))))
    FROM catalog
),
seen AS (
    SELECT service, 'deployments' AS seen_in, max(finished_at) AS last_seen FROM deployments_latest
    GROUP BY service
    UNION ALL
    SELECT service, 'changes', max(pushed_at) FROM changes_latest GROUP BY service
    UNION ALL
    SELECT service, 'incidents', max(opened_at) FROM incidents_latest GROUP BY service
)
SELECT service, string_agg(seen_in, ', ' ORDER BY seen_in) AS seen_in, max(last_seen) AS last_seen
FROM seen
WHERE service IS NOT NULL AND lower(service) NOT IN (SELECT name FROM known WHERE name <> '')
GROUP BY service
ORDER BY service
