package dev.dora.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dora.events.catalog.CatalogEntry;
import dev.dora.ingest.generic.GenericEventValidator;
import dev.dora.warehouse.catalog.BackstageCatalog;
import dev.dora.warehouse.catalog.CatalogRead;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoCatalogTest {
    private static final Instant NOW = Instant.parse("2026-03-16T14:30:00Z");

    private static CatalogRead catalog() {
        return BackstageCatalog.parse(DemoCatalog.catalogYaml(), "catalog-info.yaml");
    }

    private static List<JsonNode> ofType(String type) {
        return DemoCatalog.events(NOW, 42L).stream()
                .map(DemoCatalog.Delivery::body)
                .<JsonNode>map(b -> b)
                .filter(b -> b.get("type").asText().equals(type))
                .toList();
    }

    @Test
    void catalogParsesWithoutProblemsAndSkipsTheSystems() {
        CatalogRead read = catalog();

        assertEquals(List.of(), read.problems());
        assertEquals(9, read.entries().size());
        assertEquals(Map.of("Group", 1, "System", 2), read.skipped());
    }

    @Test
    void everyDemoRepositoryIsOneServiceOwnedByItsDemoTeam() {
        Map<String, String> teamByRepo =
                catalog().entries().stream()
                        .filter(e -> e.pathPrefixes().isEmpty())
                        .collect(Collectors.toMap(e -> e.githubRepos().get(0), CatalogEntry::team));

        DemoOrganisation.TEAMS.forEach(
                (team, repos) -> repos.forEach(r -> assertEquals(team, teamByRepo.get(r), r)));
        assertEquals(6, teamByRepo.size());
    }

    @Test
    void hasGoldenPathAndHandMadeServicesAndAMonorepo() {
        List<CatalogEntry> entries = catalog().entries();
        long golden = entries.stream().filter(e -> e.sourceTemplate() != null).count();
        List<CatalogEntry> monorepo =
                entries.stream()
                        .filter(e -> e.githubRepos().equals(List.of("acme/platform-monorepo")))
                        .toList();

        assertEquals(5, golden);
        assertEquals(
                Set.of(DemoCatalog.GOLDEN_PATH),
                entries.stream()
                        .map(CatalogEntry::sourceTemplate)
                        .filter(t -> t != null)
                        .collect(Collectors.toSet()));
        assertEquals(3, monorepo.size());
        assertTrue(monorepo.stream().noneMatch(e -> e.pathPrefixes().isEmpty()));
        assertEquals(
                List.of("services/invoicing/", "libs/invoicing-client/"),
                monorepo.get(0).pathPrefixes());
        assertTrue(
                entries.stream().allMatch(e -> DemoOrganisation.TEAMS.containsKey(e.team())),
                "every owner is a demo team");
    }

    @Test
    void everyGenericEventIsValid() {
        for (DemoCatalog.Delivery d : DemoCatalog.events(NOW, 42L)) {
            assertEquals(List.of(), GenericEventValidator.problems(d.body()), d.idempotencyKey());
        }
    }

    @Test
    void oneCreationPerDemoRepositoryWithTheTemplateOfGoldenPathOnes() {
        List<JsonNode> created = ofType("service_created");
        Set<String> golden =
                catalog().entries().stream()
                        .filter(e -> e.sourceTemplate() != null)
                        .flatMap(e -> e.githubRepos().stream())
                        .collect(Collectors.toSet());

        assertEquals(
                DemoOrganisation.TEAMS.values().stream()
                        .flatMap(List::stream)
                        .collect(Collectors.toSet()),
                created.stream().map(e -> e.get("service").asText()).collect(Collectors.toSet()));
        for (JsonNode e : created) {
            String repo = e.get("service").asText();
            assertEquals(golden.contains(repo), e.has("template"), repo);
            Instant at = Instant.parse(e.get("created_at").asText());
            assertTrue(at.isBefore(NOW) && at.isAfter(NOW.minusSeconds(91 * 86_400L)), repo);
        }
        assertTrue(
                created.stream()
                                .filter(
                                        e ->
                                                Instant.parse(e.get("created_at").asText())
                                                        .isAfter(NOW.minusSeconds(20 * 86_400L)))
                                .count()
                        >= 2,
                "a couple of services are new");
    }

    @Test
    void platformRequestsMoveToSelfServiceAndSomeTicketsAreOpen() {
        List<JsonNode> requests = ofType("platform_request");
        List<JsonNode> firstHalf = requests.subList(0, 20);
        List<JsonNode> secondHalf = requests.subList(20, 40);

        assertEquals(DemoCatalog.PLATFORM_REQUESTS, requests.size());
        assertTrue(selfService(secondHalf) > selfService(firstHalf));
        assertTrue(
                requests.stream()
                        .anyMatch(
                                r ->
                                        r.get("channel").asText().equals("ticket")
                                                && !r.has("fulfilled_at")));
        for (JsonNode r : requests) {
            if (r.has("fulfilled_at")) {
                Instant requested = Instant.parse(r.get("requested_at").asText());
                Instant fulfilled = Instant.parse(r.get("fulfilled_at").asText());
                long minutes = (fulfilled.getEpochSecond() - requested.getEpochSecond()) / 60;
                boolean self = r.get("channel").asText().equals("self_service");
                assertTrue(self ? minutes < 60 : minutes >= 120, r.toString());
                assertTrue(!fulfilled.isAfter(NOW), r.toString());
            }
        }
    }

    @Test
    void deliveriesAreDeterministicWithUniqueIdempotencyKeys() {
        List<DemoCatalog.Delivery> events = DemoCatalog.events(NOW, 42L);
        Set<String> keys = new HashSet<>();
        events.forEach(d -> keys.add(d.idempotencyKey()));

        assertEquals(events, DemoCatalog.events(NOW, 42L));
        assertEquals(events.size(), keys.size());
    }

    private static long selfService(List<JsonNode> requests) {
        return requests.stream()
                .filter(r -> r.get("channel").asText().equals("self_service"))
                .count();
    }

    @Test
    void goldenPathServicesDeployThroughThePlatformWorkflow() throws Exception {
        java.util.regex.Pattern platform =
                java.util.regex.Pattern.compile("(?i)golden[-_ ]?path|platform");
        Map<String, String> workflows = new java.util.TreeMap<>();
        for (List<DemoOrganisation.Webhook> service :
                DemoOrganisation.generate(Instant.parse("2026-03-31T00:00:00Z"), 42L)) {
            for (DemoOrganisation.Webhook w : service) {
                // The monorepo deploys each service through its own workflow
                // (DemoOrganisationTest).
                if (w.event().equals("deployment_status")
                        && !w.service().equals(DemoMonorepo.REPO)) {
                    JsonNode body =
                            new com.fasterxml.jackson.databind.ObjectMapper().readTree(w.body());
                    workflows.put(
                            body.at("/repository/full_name").asText(),
                            body.at("/workflow_run/name").asText());
                }
            }
        }
        assertEquals(6, workflows.size());
        workflows.forEach(
                (repo, name) ->
                        assertEquals(
                                DemoCatalog.goldenPath(repo),
                                platform.matcher(name).find(),
                                repo + ": " + name));
        assertTrue(DemoCatalog.goldenPath("acme/checkout"));
    }
}
