-- Service and team of every event (METRICS.md, "Service and team"), run before derived.sql on the
-- latest version of each fact. Each statement is separated by a line holding only ';'. After
-- this file, changes_latest, deployments_latest, incidents_latest, service_events_latest and
-- platform_requests_latest name the resolved service in `service`, the
-- name the event itself gave in `source_service`, and the service's teams at the event's time in
-- `teams` (a list: a service the configuration lists under several teams has them all).
-- Every statement reads only facts, the catalog and the configuration, never arrival order.

-- The catalog's versions: one row per service per import that named it. A version holds from its
-- import until the next import that names the service again; a service's first version also holds
-- for everything before its first import (events seen before the catalog knew it keep the mapping
-- of its first version, not none).
CREATE OR REPLACE TABLE catalog_versions AS
SELECT c.*,
       row_number() OVER w = 1 AS first_version,
       CASE WHEN row_number() OVER w = 1 THEN NULL ELSE imported_at END AS valid_from,
       lead(imported_at) OVER w AS valid_until
FROM catalog_services c
WINDOW w AS (PARTITION BY service ORDER BY imported_at, import_id)
;
-- What each version claims, as (kind, ref) pairs compared without regard to case: its own name,
-- each repository (github.com/project-slug, gitlab.com/project-slug) with the version's monorepo
-- path prefixes, each PagerDuty service id, its Opsgenie team.
CREATE OR REPLACE TABLE catalog_claims AS
WITH split AS (
    SELECT service, first_version, valid_from, valid_until, path_prefixes,
           string_split(coalesce(github_repos, '') || ',' || coalesce(gitlab_projects, ''), ',')
               AS repos,
           string_split(coalesce(pagerduty_services, ''), ',') AS pagerduty
    FROM catalog_versions
)
SELECT 'name' AS kind, lower(service) AS ref, service, first_version, valid_from, valid_until,
       CAST(NULL AS VARCHAR[]) AS prefixes
FROM catalog_versions
UNION ALL
SELECT 'repo', lower(trim(r.repo)), service, first_version, valid_from, valid_until,
       CASE WHEN coalesce(trim(path_prefixes), '') <> ''
            THEN list_transform(string_split(path_prefixes, ','), lambda p: trim(p)) END
FROM split, unnest(repos) AS r(repo)
WHERE trim(r.repo) <> ''
UNION ALL
SELECT 'pagerduty', lower(trim(p.id)), service, first_version, valid_from, valid_until, NULL
FROM split, unnest(pagerduty) AS p(id)
WHERE trim(p.id) <> ''
UNION ALL
SELECT 'opsgenie', lower(trim(opsgenie_team)), service, first_version, valid_from, valid_until, NULL
FROM catalog_versions
WHERE coalesce(trim(opsgenie_team), '') <> ''
;
-- Every event that names a service, with the refs some catalog claim matches and the time its
-- mapping is taken at: a change when it was pushed, a deployment when it started (all its statuses
-- map alike), an incident when it opened, a creation when it happened, a request when it was made.
-- A generic event's service may be a catalog name or a repository's full name; incident ids only
-- count for their own tool. An event no claim can match is not listed: it keeps its own name
-- (below), so an organisation without a catalog pays for a semi-join, not for copies.
CREATE OR REPLACE TABLE event_refs AS
WITH e AS (
    SELECT 'change' AS fact, change_key AS fact_key, 'git' AS source, service, repo, pushed_at AS event_at,
           paths, CAST(NULL AS VARCHAR) AS environment, CAST(NULL AS VARCHAR) AS pipeline
    FROM changes_latest
    UNION ALL
    SELECT 'deployment', deployment_key, source, service, repo, coalesce(started_at, status_at),
           NULL, environment, pipeline
    FROM deployments_latest
    UNION ALL
    SELECT 'incident', incident_key, source, service, NULL, opened_at, NULL, NULL, NULL
    FROM incidents_latest
    UNION ALL
    SELECT 'service_event', service_key, source, service, NULL, created_at, NULL, NULL, NULL
    FROM service_events_latest
    UNION ALL
    SELECT 'platform_request', request_key, source, service, NULL, requested_at, NULL, NULL, NULL
    FROM platform_requests_latest
    WHERE service IS NOT NULL
)
SELECT * FROM (
    SELECT e.*, k.kind, k.ref
    FROM e,
         unnest([{'kind': 'name', 'ref': lower(e.service)},
                 {'kind': 'repo', 'ref': lower(coalesce(e.repo, e.service))},
                 {'kind': CASE e.source WHEN 'pagerduty' THEN 'pagerduty'
                                        WHEN 'opsgenie' THEN 'opsgenie' END,
                  'ref': lower(e.service)}]) AS u(k)
    WHERE k.kind IS NOT NULL) r
SEMI JOIN (SELECT DISTINCT kind, ref FROM catalog_claims) c USING (kind, ref)
;
-- The catalog claims that match each event at its time, best first: a catalog name the event gives
-- beats the other kinds, and a version in force beats a first version stretched back before its
-- import. Kept apart from the choice below: the push chain of a monorepo needs every claimant.
CREATE OR REPLACE TABLE event_claims AS
SELECT r.fact, r.fact_key, r.service AS source_service, r.paths, r.environment, r.pipeline,
       c.kind, c.service, c.prefixes
FROM event_refs r
JOIN catalog_claims c
  ON c.kind = r.kind AND c.ref = r.ref
 AND (c.valid_from IS NULL OR r.event_at >= c.valid_from)
 AND (c.valid_until IS NULL OR r.event_at < c.valid_until)
QUALIFY rank() OVER (PARTITION BY r.fact, r.fact_key
                     ORDER BY (c.kind = 'name') DESC, c.first_version) = 1
;
-- The teams dora.yaml `teams:` lists for each service, as a list (the fallback of every row).
CREATE OR REPLACE TABLE configured_team_lists AS
SELECT service, list(DISTINCT team ORDER BY team) AS teams FROM configured_teams GROUP BY service
;
-- Each event some claim matched, with its resolved services and the service's teams and production
-- pattern at the event's time. A change belongs to every claimant that claims the whole repository
-- and to every claimant one of whose path prefixes a file of the commit starts with. Any other event belongs to its
-- single claimant, or, when several share the repository (a monorepo), to the one whose name
-- appears as a word in the environment or the pipeline. An event no claimant takes keeps the
-- service it named (a repository's full name). Teams: the owner of the catalog version in force
-- (a first version also before its import), else the teams dora.yaml `teams:` lists for it.
CREATE OR REPLACE TABLE event_services AS
WITH taken AS (
    SELECT fact, fact_key, service
    FROM event_claims
    WHERE fact = 'change'
      AND (kind = 'name' OR prefixes IS NULL
           OR len(list_filter(string_split(coalesce(paths, ''), chr(10)),
                              lambda p: len(list_filter(prefixes,
                                                        lambda x: starts_with(p, x))) > 0)) > 0)
    UNION ALL
    SELECT fact, fact_key, any_value(service)
    FROM (SELECT *, count(*) OVER (PARTITION BY fact, fact_key) AS claimants,
                 regexp_matches(lower(coalesce(environment, '') || ' ' || coalesce(pipeline, '')),
                                '(^|[^a-z0-9])' || regexp_escape(lower(service)) || '([^a-z0-9]|$)')
                     AS named_in_run
          FROM event_claims WHERE fact <> 'change')
    WHERE claimants = 1 OR named_in_run
    GROUP BY fact, fact_key
    HAVING count(*) = 1
),
resolved AS (
    SELECT DISTINCT r.fact, r.fact_key, r.event_at, r.service AS source_service,
           coalesce(t.service, r.service) AS service
    FROM (SELECT DISTINCT fact, fact_key, event_at, service FROM event_refs) r
    LEFT JOIN taken t USING (fact, fact_key)
)
SELECT s.*,
       coalesce(CASE WHEN v.team IS NOT NULL THEN [v.team] END, c.teams, CAST([] AS VARCHAR[]))
           AS teams,
       p.pattern AS production_pattern
FROM resolved s
LEFT JOIN catalog_versions v
  ON v.service = s.service
 AND (v.valid_from IS NULL OR s.event_at >= v.valid_from)
 AND (v.valid_until IS NULL OR s.event_at < v.valid_until)
LEFT JOIN configured_team_lists c ON c.service = s.service
-- Patterns DuckDB (RE2) cannot use are left out by the Warehouse (it logs them) rather than failing
-- the derivation: such a service keeps the configured production pattern.
LEFT JOIN valid_production_patterns p ON p.pattern = v.production_pattern
;
-- The push chain each service's deployments walk back along (derived.sql): every pushed commit
-- of a repository, for every service that claims the repository at the commit's time or that the
-- commit resolved to, marked with whether the commit is a change of that service. A monorepo
-- service walks the whole chain but takes only the commits under its paths.
CREATE OR REPLACE TABLE change_chain AS
-- A change no claim matched is its own service's, once: its key is unique already.
SELECT c.service, c.sha, c.parent_sha, c.push_after, true AS touches
FROM changes_latest c
ANTI JOIN (SELECT fact_key FROM event_refs WHERE fact = 'change') r ON r.fact_key = c.change_key
WHERE c.push_after IS NOT NULL
UNION ALL
SELECT * FROM (
    SELECT x.service, c.sha, c.parent_sha, c.push_after, x.touches
    FROM changes_latest c
    JOIN (SELECT fact_key, service, true AS touches FROM event_services WHERE fact = 'change'
          UNION ALL
          SELECT fact_key, service, false FROM event_claims WHERE fact = 'change' AND kind = 'repo')
         x ON x.fact_key = c.change_key
    WHERE c.push_after IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY x.service, c.sha
                               ORDER BY x.touches DESC, c.version DESC, c.event_id DESC) = 1)
;
-- The facts with their resolved service (`service`), the name they gave (`source_service`) and
-- the teams at their time (`teams`). A change is keyed '<service>@<sha>' by its resolved service;
-- two names of one commit that resolve alike (its repository and a generic event naming the
-- catalog service) are one change. A deployment is production by its service's own pattern when
-- the catalog gives one, matched against the whole environment name as the job matches the
-- configured pattern.
CREATE OR REPLACE TABLE changes_resolved AS
SELECT c.*, c.service AS source_service, coalesce(t.teams, []) AS teams
FROM changes_latest c
ANTI JOIN (SELECT fact_key FROM event_refs WHERE fact = 'change') r ON r.fact_key = c.change_key
LEFT JOIN configured_team_lists t ON t.service = c.service
UNION ALL BY NAME
SELECT * FROM (
    SELECT c.* REPLACE (s.service AS service, s.service || '@' || c.sha AS change_key),
           c.service AS source_service, s.teams
    FROM changes_latest c
    JOIN event_services s ON s.fact = 'change' AND s.fact_key = c.change_key
    QUALIFY row_number() OVER (PARTITION BY s.service, c.sha
                               ORDER BY (c.push_after IS NOT NULL) DESC, c.version DESC,
                                        c.event_id DESC) = 1)
;
CREATE OR REPLACE TABLE deployments_resolved AS
SELECT d.* REPLACE (
           coalesce(s.service, d.service) AS service,
           CASE WHEN s.production_pattern IS NULL THEN d.production
                ELSE coalesce(regexp_full_match(d.environment, s.production_pattern), false)
           END AS production),
       d.service AS source_service, coalesce(s.teams, t.teams, []) AS teams
FROM deployments_latest d
LEFT JOIN event_services s ON s.fact = 'deployment' AND s.fact_key = d.deployment_key
LEFT JOIN configured_team_lists t ON t.service = d.service
;
CREATE OR REPLACE TABLE incidents_resolved AS
SELECT i.* REPLACE (coalesce(s.service, i.service) AS service),
       i.service AS source_service, coalesce(s.teams, t.teams, []) AS teams
FROM incidents_latest i
LEFT JOIN event_services s ON s.fact = 'incident' AND s.fact_key = i.incident_key
LEFT JOIN configured_team_lists t ON t.service = i.service
;
CREATE OR REPLACE TABLE service_events_resolved AS
SELECT e.* REPLACE (coalesce(s.service, e.service) AS service),
       e.service AS source_service, coalesce(s.teams, t.teams, []) AS teams
FROM service_events_latest e
LEFT JOIN event_services s ON s.fact = 'service_event' AND s.fact_key = e.service_key
LEFT JOIN configured_team_lists t ON t.service = e.service
;
-- A request's teams: the team that asked and the teams of the service it is for.
CREATE OR REPLACE TABLE platform_requests_resolved AS
SELECT r.* REPLACE (coalesce(s.service, r.service) AS service),
       r.service AS source_service,
       list_distinct(list_concat(CASE WHEN r.team IS NOT NULL THEN [r.team] ELSE [] END,
                                 coalesce(s.teams, t.teams, []))) AS teams
FROM platform_requests_latest r
LEFT JOIN event_services s ON s.fact = 'platform_request' AND s.fact_key = r.request_key
LEFT JOIN configured_team_lists t ON t.service = r.service
;
DROP TABLE changes_latest
;
ALTER TABLE changes_resolved RENAME TO changes_latest
;
DROP TABLE deployments_latest
;
ALTER TABLE deployments_resolved RENAME TO deployments_latest
;
DROP TABLE incidents_latest
;
ALTER TABLE incidents_resolved RENAME TO incidents_latest
;
DROP TABLE service_events_latest
;
ALTER TABLE service_events_resolved RENAME TO service_events_latest
;
DROP TABLE platform_requests_latest
;
ALTER TABLE platform_requests_resolved RENAME TO platform_requests_latest
;
-- The teams of services as they stand now (filter values, the team a list shows): each catalog
-- service's latest owner, and the configured teams of services the catalog does not know.
CREATE OR REPLACE TABLE service_teams AS
SELECT service, team FROM catalog_versions WHERE valid_until IS NULL
UNION
SELECT service, team FROM configured_teams
WHERE service NOT IN (SELECT service FROM catalog_versions)
;
-- Whether a row is in a request's scope: one service and/or one team (NULL: no filter). A row's
-- team is the one its service had at the row's time (the `teams` of resolve.sql).
CREATE OR REPLACE MACRO in_scope(row_service, row_teams, one_service, one_team) AS
    (one_service IS NULL OR row_service = one_service)
    AND (one_team IS NULL OR list_contains(row_teams, one_team))
