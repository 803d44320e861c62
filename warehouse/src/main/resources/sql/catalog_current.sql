-- The catalog as it stands: each service as the latest import that named it described it.
SELECT service, team, system, lifecycle, source_template, github_repos, gitlab_projects,
       path_prefixes, pagerduty_services, opsgenie_team, production_pattern, imported_at
FROM catalog_services
QUALIFY row_number() OVER (PARTITION BY service ORDER BY imported_at DESC, import_id DESC) = 1
ORDER BY service
