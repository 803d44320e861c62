package dev.dora.events.catalog;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One service of the catalog, as read from a Backstage {@code kind: Component} document: the
 * service, the team that owns it, and everything an event can be mapped from (repositories,
 * monorepo path prefixes, incident-tool services). The reader ({@code BackstageCatalog} in the
 * warehouse module) has already reported malformed values; the constructor only keeps the shape
 * that every consumer relies on and fails loudly when a caller breaks it.
 *
 * @param service the service, Backstage's {@code metadata.name}
 * @param team the team, from {@code spec.owner} with its kind and namespace dropped: {@code
 *     group:default/payments}, {@code group:payments} and {@code payments} are all {@code
 *     payments}. A {@code user:} owner ({@code user:default/jane.doe}) also keeps only its name
 *     ({@code jane.doe}): a service owned by one person counts as that person's team, which shares
 *     its name space with the groups
 * @param system {@code spec.system}, or null
 * @param lifecycle {@code spec.lifecycle} as written ({@code production}, {@code experimental},
 *     ...), or null
 * @param sourceTemplate annotation {@code backstage.io/source-template} as written (for example
 *     {@code template:default/spring-boot-service}): the golden-path template the service was
 *     created from, or null for a hand-made service
 * @param githubRepos annotation {@code github.com/project-slug}: repositories as {@code owner/repo}
 * @param gitlabProjects annotation {@code gitlab.com/project-slug}: projects as {@code
 *     group[/subgroup]/project}
 * @param pathPrefixes annotation {@code dora.dev/path-prefixes}: the folders of a monorepo that
 *     belong to this service, each relative to the repository root with no leading {@code /} and a
 *     trailing one ({@code services/checkout/}); empty when the service owns its repositories whole
 * @param pagerdutyServices annotation {@code pagerduty.com/service-id}: PagerDuty service ids
 * @param opsgenieTeam annotation {@code opsgenie.com/team}, or null
 * @param productionPattern annotation {@code dora.dev/production-environment}: a Java regular
 *     expression that replaces the configured production pattern for this service, or null
 */
public record CatalogEntry(
        String service,
        String team,
        String system,
        String lifecycle,
        String sourceTemplate,
        List<String> githubRepos,
        List<String> gitlabProjects,
        List<String> pathPrefixes,
        List<String> pagerdutyServices,
        String opsgenieTeam,
        String productionPattern) {

    public CatalogEntry {
        service = required(service, "service");
        team = required(team, "team");
        githubRepos = copy(githubRepos);
        gitlabProjects = copy(gitlabProjects);
        pathPrefixes = copy(pathPrefixes);
        pagerdutyServices = copy(pagerdutyServices);
        for (String prefix : pathPrefixes) {
            if (prefix.isEmpty() || prefix.startsWith("/") || !prefix.endsWith("/")) {
                throw new IllegalArgumentException(
                        service
                                + ": path prefix '"
                                + prefix
                                + "' must be relative and end with '/', like services/checkout/");
            }
        }
        if (productionPattern != null) {
            Pattern.compile(productionPattern); // throws PatternSyntaxException, saying where
        }
    }

    private static String required(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " is blank");
        }
        return value;
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
