-- The catalog as it stands: each service as the latest import that named it described it (its
-- version in force, resolve.sql), and the other names events gave that resolved to it (seen_as:
-- repositories, incident-tool ids).
SELECT service, team, system, lifecycle, source_template, github_repos, gitlab_projects,
       path_prefixes, pagerduty_services, opsgenie_team, production_pattern, imported_at,
       (SELECT string_agg(DISTINCT e.source_service, ', ' ORDER BY e.source_service)
          FROM event_services e
         WHERE e.service = c.service AND e.source_service <> c.service) AS seen_as
FROM catalog_versions c
WHERE valid_until IS NULL
ORDER BY service
