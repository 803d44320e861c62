package dev.dora.jobs.facts;

import java.time.Instant;

/** A row of {@code catalog_services}: one service as one catalog import described it. */
public record CatalogServiceRow(
        String importId,
        Instant importedAt,
        String service,
        String team,
        String system,
        String lifecycle,
        String sourceTemplate,
        String githubRepos,
        String gitlabProjects,
        String pathPrefixes,
        String pagerdutyServices,
        String opsgenieTeam,
        String productionPattern,
        String eventId) {}
