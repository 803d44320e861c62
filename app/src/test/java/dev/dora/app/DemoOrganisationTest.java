package dev.dora.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dora.events.catalog.CatalogEntry;
import dev.dora.warehouse.catalog.BackstageCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The demo's monorepo traffic, judged by the demo catalog's folders and names the way the warehouse
 * resolves events (METRICS.md, "Service and team"), not by the generator's own tables.
 */
class DemoOrganisationTest {
    private static final Instant NOW = Instant.parse("2026-03-16T14:30:00Z");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern PRODUCTION = Pattern.compile("(?i)^prod(uction)?([-_ ].*)?$");
    private static final Pattern PLATFORM_PIPELINE =
            Pattern.compile("(?i)golden[-_ ]?path|platform");
    private static final int AT_LEAST_PRODUCTION_DEPLOYMENTS = 10;

    /** The monorepo's services in the demo catalog. */
    private static final List<CatalogEntry> SERVICES =
            BackstageCatalog.parse(DemoCatalog.catalogYaml(), "catalog-info.yaml")
                    .entries()
                    .stream()
                    .filter(e -> e.githubRepos().equals(List.of(DemoMonorepo.REPO)))
                    .toList();

    private static List<JsonNode> monorepo() {
        List<List<DemoOrganisation.Webhook>> all = DemoOrganisation.generate(NOW, 42L);
        List<DemoOrganisation.Webhook> hooks = all.get(all.size() - 1);
        assertTrue(hooks.stream().allMatch(w -> w.service().equals(DemoMonorepo.REPO)));
        return hooks.stream().map(w -> json(w.body())).toList();
    }

    private static List<JsonNode> commits() {
        return monorepo().stream()
                .filter(b -> b.has("commits"))
                .flatMap(b -> iterable(b.get("commits")).stream())
                .toList();
    }

    private static List<JsonNode> deployments() {
        return monorepo().stream().filter(b -> b.has("deployment_status")).toList();
    }

    @Test
    void theCatalogGivesTheMonorepoThreeServicesWithTheGeneratorsFolders() {
        assertEquals(
                DemoMonorepo.SERVICES.stream()
                        .collect(
                                Collectors.toMap(
                                        DemoMonorepo.Service::name,
                                        DemoMonorepo.Service::prefixes)),
                SERVICES.stream()
                        .collect(
                                Collectors.toMap(
                                        CatalogEntry::service, CatalogEntry::pathPrefixes)));
    }

    @Test
    void everyMonorepoCommitListsTheFilesItTouched() {
        List<JsonNode> commits = commits();

        assertTrue(commits.size() > 100, "commits: " + commits.size());
        for (JsonNode c : commits) {
            List<String> files = files(c);
            assertFalse(files.isEmpty(), c.toString());
            assertTrue(
                    files.stream().noneMatch(f -> f.isBlank() || f.startsWith("/")),
                    files::toString);
        }
        assertTrue(commits.stream().anyMatch(c -> c.get("added").size() > 0), "some add files");
        assertTrue(commits.stream().anyMatch(c -> c.get("removed").size() > 0), "some remove");
    }

    @Test
    void mostCommitsTouchOneServiceSomeTwoOrALibraryAndSomeNone() {
        Map<Integer, Integer> byServices = new TreeMap<>();
        int library = 0;
        for (JsonNode c : commits()) {
            byServices.merge(touched(files(c)).size(), 1, Integer::sum);
            if (files(c).stream().anyMatch(f -> f.startsWith("libs/"))) {
                library++;
            }
        }
        int all = byServices.values().stream().mapToInt(Integer::intValue).sum();

        assertTrue(byServices.getOrDefault(1, 0) > all / 2, byServices::toString);
        assertTrue(byServices.getOrDefault(2, 0) > 0, byServices::toString);
        assertTrue(byServices.getOrDefault(0, 0) > 0, "root files only: " + byServices);
        assertTrue(library > 0, "a client library");
    }

    @Test
    void everyDeploymentNamesExactlyOneServiceAndDeploysTheHeadOfMain() {
        String head = null;
        List<JsonNode> hooks = monorepo();
        for (JsonNode b : hooks) {
            if (b.has("commits")) {
                assertEquals("refs/heads/main", b.get("ref").asText());
                head = b.get("after").asText();
                continue;
            }
            String environment = b.at("/deployment/environment").asText();
            String pipeline = b.at("/workflow_run/name").asText();
            List<String> named = named(environment + " " + pipeline);

            assertEquals(1, named.size(), environment + " / " + pipeline);
            assertTrue(
                    environment.equals("production-" + named.get(0))
                            || environment.equals("staging-" + named.get(0)),
                    environment);
            assertEquals(head, b.at("/deployment/sha").asText(), environment);
        }
    }

    @Test
    void everyServiceDeploysToProductionAtLeastTenTimes() {
        Map<String, Integer> production = new TreeMap<>();
        Set<String> staging = new HashSet<>();
        for (JsonNode b : deployments()) {
            String environment = b.at("/deployment/environment").asText();
            String service = named(environment).get(0);
            if (!PRODUCTION.matcher(environment).matches()) {
                staging.add(service);
            } else if (b.at("/deployment_status/state").asText().equals("success")) {
                production.merge(service, 1, Integer::sum);
            }
        }

        assertEquals(3, production.size(), production::toString);
        production.forEach(
                (service, n) ->
                        assertTrue(n >= AT_LEAST_PRODUCTION_DEPLOYMENTS, service + ": " + n));
        assertEquals(production.keySet(), staging);
    }

    @Test
    void theGoldenPathServiceDeploysThroughThePlatformWorkflow() {
        Map<String, Set<String>> workflows = new TreeMap<>();
        for (JsonNode b : deployments()) {
            workflows
                    .computeIfAbsent(
                            named(b.at("/deployment/environment").asText()).get(0),
                            s -> new HashSet<>())
                    .add(b.at("/workflow_run/name").asText());
        }

        for (CatalogEntry s : SERVICES) {
            Set<String> names = workflows.get(s.service());
            assertEquals(1, names.size(), s.service() + ": " + names);
            assertEquals(
                    s.sourceTemplate() != null,
                    PLATFORM_PIPELINE.matcher(names.iterator().next()).find(),
                    s.service() + ": " + names);
        }
    }

    @Test
    void theSameDayGivesTheSameWebhooksWithUniqueDeliveryIds() {
        List<DemoOrganisation.Webhook> first = flat(DemoOrganisation.generate(NOW, 42L));
        List<DemoOrganisation.Webhook> again = flat(DemoOrganisation.generate(NOW, 42L));
        Set<String> ids =
                first.stream()
                        .map(DemoOrganisation.Webhook::deliveryId)
                        .collect(Collectors.toSet());

        assertEquals(first.size(), ids.size());
        assertEquals(summary(first), summary(again));
    }

    private static List<String> summary(List<DemoOrganisation.Webhook> hooks) {
        return hooks.stream()
                .map(
                        w ->
                                w.service()
                                        + " "
                                        + w.event()
                                        + " "
                                        + w.deliveryId()
                                        + " "
                                        + new String(w.body()))
                .toList();
    }

    private static List<DemoOrganisation.Webhook> flat(List<List<DemoOrganisation.Webhook>> lists) {
        return lists.stream().flatMap(List::stream).toList();
    }

    /** The catalog services one of whose path prefixes a file starts with. */
    private static Set<String> touched(List<String> files) {
        return SERVICES.stream()
                .filter(
                        s ->
                                files.stream()
                                        .anyMatch(
                                                f ->
                                                        s.pathPrefixes().stream()
                                                                .anyMatch(f::startsWith)))
                .map(CatalogEntry::service)
                .collect(Collectors.toSet());
    }

    /** The catalog services named as a word in {@code text}, as resolve.sql looks for them. */
    private static List<String> named(String text) {
        return SERVICES.stream()
                .map(CatalogEntry::service)
                .filter(
                        s ->
                                Pattern.compile(
                                                "(^|[^a-z0-9])"
                                                        + Pattern.quote(s)
                                                        + "([^a-z0-9]|$)")
                                        .matcher(text.toLowerCase())
                                        .find())
                .toList();
    }

    private static List<String> files(JsonNode commit) {
        List<String> files = new ArrayList<>();
        for (String list : List.of("added", "modified", "removed")) {
            iterable(commit.get(list)).forEach(f -> files.add(f.asText()));
        }
        return files;
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static JsonNode json(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
