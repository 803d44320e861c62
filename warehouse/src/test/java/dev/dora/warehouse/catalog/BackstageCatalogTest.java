package dev.dora.warehouse.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.dora.events.catalog.CatalogEntry;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The catalog of a small web shop ({@code src/test/resources/catalog/}: three teams, one person, a
 * monorepo, golden-path and hand-made services, a stale copy and two broken files) read as a whole,
 * plus single-document cases written inline.
 */
class BackstageCatalogTest {
    private static final CatalogRead SHOP = BackstageCatalog.read(resource("catalog"));
    private static final Map<String, CatalogEntry> BY_SERVICE =
            SHOP.entries().stream()
                    .collect(Collectors.toMap(CatalogEntry::service, Function.identity()));

    /** A valid Component whose owner and annotations the inline tests replace. */
    private static String component(String owner, String annotations) {
        return """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: search
                  annotations:
                %s
                spec:
                  type: service
                  owner: %s
                """
                .formatted(annotations.indent(4).stripTrailing(), owner);
    }

    @Test
    void readsEveryComponentInFileOrder() {
        assertThat(SHOP.entries())
                .extracting(CatalogEntry::service)
                .containsExactly(
                        "inventory", // broken/catalog-info.yaml
                        "loyalty", // broken/more-problems.yaml
                        "checkout",
                        "payments-api",
                        "api-gateway",
                        "identity",
                        "feature-flags",
                        "sales-reporting");
    }

    @Test
    void aGoldenPathServiceWithGitHubAndPagerDuty() {
        CatalogEntry checkout = BY_SERVICE.get("checkout");
        assertThat(checkout.team()).isEqualTo("web-shop");
        assertThat(checkout.system()).isEqualTo("storefront");
        assertThat(checkout.lifecycle()).isEqualTo("production");
        assertThat(checkout.sourceTemplate()).isEqualTo("template:default/spring-boot-service");
        assertThat(checkout.githubRepos()).containsExactly("acme-shop/checkout");
        assertThat(checkout.gitlabProjects()).isEmpty();
        assertThat(checkout.pathPrefixes()).isEmpty();
        assertThat(checkout.pagerdutyServices()).containsExactly("P7CHK01");
        assertThat(checkout.opsgenieTeam()).isNull();
        assertThat(checkout.productionPattern()).isNull();
    }

    @Test
    void aServiceWithTwoPagerDutyServicesOpsgenieAndItsOwnProductionPattern() {
        CatalogEntry payments = BY_SERVICE.get("payments-api");
        assertThat(payments.team()).isEqualTo("payments");
        assertThat(payments.system()).isEqualTo("payments");
        assertThat(payments.lifecycle()).isEqualTo("production");
        assertThat(payments.sourceTemplate()).isEqualTo("template:default/spring-boot-service");
        assertThat(payments.githubRepos()).containsExactly("acme-shop/payments-api");
        assertThat(payments.gitlabProjects()).isEmpty();
        assertThat(payments.pathPrefixes()).isEmpty();
        assertThat(payments.pagerdutyServices()).containsExactly("P7PAY01", "P7PAY02");
        assertThat(payments.opsgenieTeam()).isEqualTo("payments-oncall");
        assertThat(payments.productionPattern()).isEqualTo("^live-(eu|us)$");
    }

    @Test
    void monorepoServicesShareTheRepositoryAndSplitItByFolder() {
        assertThat(List.of("api-gateway", "identity", "feature-flags"))
                .extracting(BY_SERVICE::get)
                .extracting(
                        CatalogEntry::team,
                        CatalogEntry::githubRepos,
                        CatalogEntry::pathPrefixes,
                        CatalogEntry::sourceTemplate,
                        CatalogEntry::system,
                        CatalogEntry::lifecycle,
                        CatalogEntry::opsgenieTeam)
                .containsExactly(
                        tuple(
                                "platform",
                                List.of("acme-shop/platform"),
                                List.of("services/gateway/"),
                                "template:default/go-service",
                                "platform",
                                "production",
                                null),
                        // "/services/identity, libs/auth-client/, services/identity/"
                        tuple(
                                "platform",
                                List.of("acme-shop/platform"),
                                List.of("services/identity/", "libs/auth-client/"),
                                "template:default/go-service",
                                "platform",
                                "production",
                                "platform-oncall"),
                        // "services/flags/," with no system and no template
                        tuple(
                                "platform",
                                List.of("acme-shop/platform"),
                                List.of("services/flags/"),
                                null,
                                null,
                                "experimental",
                                null));
    }

    @Test
    void aHandMadeServiceOnGitLabOwnedByAPerson() {
        CatalogEntry reporting = BY_SERVICE.get("sales-reporting");
        assertThat(reporting.team()).isEqualTo("jane.doe"); // user:default/jane.doe
        assertThat(reporting.system()).isNull();
        assertThat(reporting.lifecycle()).isEqualTo("production");
        assertThat(reporting.sourceTemplate()).isNull();
        assertThat(reporting.githubRepos()).isEmpty();
        assertThat(reporting.gitlabProjects()).containsExactly("acme-shop/data/sales-reporting");
        assertThat(reporting.pagerdutyServices()).isEmpty();
    }

    @Test
    void reportsEveryProblemWithFileDocumentAndField() {
        assertThat(SHOP.problems())
                .extracting(CatalogProblem::toString)
                .containsExactly(
                        "broken/catalog-info.yaml, document 2: metadata.name is missing",
                        "broken/catalog-info.yaml, document 3: annotation"
                                + " dora.dev/production-environment is not a valid regular"
                                + " expression: Unclosed group near index 10 in '(prod|live'",
                        "broken/more-problems.yaml, document 1: apiVersion 'backstage.io/v2' is"
                                + " not backstage.io/v1alpha1 or backstage.io/v1beta1",
                        "broken/more-problems.yaml, document 1: spec.owner is missing",
                        "broken/more-problems.yaml, document 1: annotation"
                                + " github.com/project-slug 'https://github.com/acme-shop/wishlist'"
                                + " is not of the form owner/repo",
                        "broken/more-problems.yaml, document 2: kind 'Deployment' is unknown:"
                                + " Component is read, and API, Domain, Group, Location, Resource,"
                                + " System, Template, User are skipped",
                        "broken/more-problems.yaml, document 3: metadata.annotations is a list,"
                                + " not a mapping",
                        "broken/more-problems.yaml, document 3: spec.owner is a list, not a"
                                + " string",
                        "broken/more-problems.yaml, document 4: not valid YAML: while scanning"
                                + " for the next token, found character '\\t(TAB)' that cannot"
                                + " start any token. (Do not use \\t(TAB) for indentation)"
                                + " (line 29, column 1)",
                        "legacy/catalog-info.yaml, document 1: metadata.name 'checkout' is"
                                + " already defined in checkout/catalog-info.yaml, document 1;"
                                + " this one is skipped");
        assertThat(SHOP.problems().get(0))
                .isEqualTo(
                        new CatalogProblem(
                                "broken/catalog-info.yaml", 2, "metadata.name is missing"));
    }

    @Test
    void theValidDocumentsOfABrokenFileAreStillRead() {
        assertThat(BY_SERVICE.get("inventory").githubRepos())
                .containsExactly("acme-shop/inventory");
        // After a document that is not YAML at all.
        assertThat(BY_SERVICE.get("loyalty").team()).isEqualTo("web-shop");
        assertThat(BY_SERVICE)
                .doesNotContainKeys("recommendations", "wishlist", "reviews", "gift-cards");
    }

    @Test
    void theFirstDefinitionOfADuplicateNameWins() {
        // checkout/ sorts before legacy/, whose stale copy points at the monolith.
        assertThat(BY_SERVICE.get("checkout").githubRepos()).containsExactly("acme-shop/checkout");

        CatalogRead twice =
                BackstageCatalog.parse(
                        component("web-shop", "{}") + "---\n" + component("payments", "{}"),
                        "search.yaml");
        assertThat(twice.entries()).extracting(CatalogEntry::team).containsExactly("web-shop");
        assertThat(twice.problems())
                .extracting(CatalogProblem::toString)
                .containsExactly(
                        "search.yaml, document 2: metadata.name 'search' is already defined in"
                                + " search.yaml, document 1; this one is skipped");
    }

    @Test
    void countsEveryDocumentOnce() {
        // Ten files: .github/workflows/ci.yml is in a hidden folder and is not read.
        assertThat(SHOP.files()).isEqualTo(10);
        assertThat(SHOP.documents()).isEqualTo(23);
        assertThat(SHOP.skipped())
                .containsExactly(
                        Map.entry("Domain", 1),
                        Map.entry("Group", 3),
                        Map.entry("System", 2),
                        Map.entry("Template", 1),
                        Map.entry("User", 1));
        assertThat(SHOP.rejected()).isEqualTo(7);
        int skipped = SHOP.skipped().values().stream().mapToInt(Integer::intValue).sum();
        assertThat(SHOP.entries().size() + skipped + SHOP.rejected()).isEqualTo(SHOP.documents());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "group:default/payments, payments",
        "group:payments, payments",
        "payments, payments",
        "default/payments, payments",
        "Group:ops/payments, payments",
        "user:default/jane.doe, jane.doe",
        "user:jane.doe, jane.doe",
    })
    void anOwnerIsNormalisedToItsName(String owner, String team) {
        CatalogRead read = BackstageCatalog.parse(component(owner, "{}"), "search.yaml");
        assertThat(read.problems()).isEmpty();
        assertThat(read.entries()).extracting(CatalogEntry::team).containsExactly(team);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "system:default/payments | spec.owner 'system:default/payments' is not a group: or"
                        + " user: reference",
                "group:default/ | spec.owner 'group:default/' is not an entity reference of the"
                        + " form [group:][namespace/]name",
                "group:a/b/c | spec.owner 'group:a/b/c' is not an entity reference of the form"
                        + " [group:][namespace/]name",
                "'\"\"' | spec.owner is empty",
                "42 | spec.owner is a number, not a string",
            })
    void anOwnerThatNamesNoTeamIsAProblem(String owner, String problem) {
        CatalogRead read = BackstageCatalog.parse(component(owner, "{}"), "search.yaml");
        assertThat(read.entries()).isEmpty();
        assertThat(read.problems())
                .extracting(CatalogProblem::toString)
                .containsExactly("search.yaml, document 1: " + problem);
    }

    @Test
    void annotationValuesAreListsWithoutRepeatsAndBlankValuesAreAbsent() {
        CatalogRead read =
                BackstageCatalog.parse(
                        component(
                                "web-shop",
                                """
                                github.com/project-slug: "acme-shop/search, acme-shop/search-ui,\
                                 acme-shop/search"
                                pagerduty.com/service-id: ""
                                opsgenie.com/team: "  "
                                backstage.io/source-template: ""
                                """),
                        "search.yaml");
        assertThat(read.problems()).isEmpty();
        CatalogEntry search = read.entries().get(0);
        assertThat(search.githubRepos()).containsExactly("acme-shop/search", "acme-shop/search-ui");
        assertThat(search.pagerdutyServices()).isEmpty();
        assertThat(search.opsgenieTeam()).isNull();
        assertThat(search.sourceTemplate()).isNull();
        assertThatThrownBy(() -> search.githubRepos().add("acme-shop/other"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void slugsAndPrefixesOfTheWrongFormAreProblems() {
        CatalogRead read =
                BackstageCatalog.parse(
                        component(
                                "web-shop",
                                """
                                github.com/project-slug: acme-shop
                                gitlab.com/project-slug: sales-reporting
                                dora.dev/path-prefixes: "services/search/, /"
                                """),
                        "search.yaml");
        assertThat(read.entries()).isEmpty();
        assertThat(read.problems())
                .extracting(CatalogProblem::message)
                .containsExactly(
                        "annotation github.com/project-slug 'acme-shop' is not of the form"
                                + " owner/repo",
                        "annotation gitlab.com/project-slug 'sales-reporting' is not of the form"
                                + " group/project (subgroups allowed)",
                        "annotation dora.dev/path-prefixes has the prefix '/', the whole"
                                + " repository; name folders such as services/checkout/, or leave"
                                + " the annotation out");
    }

    @Test
    void documentsAreNumberedAsTheFileShowsThem() {
        String yaml =
                "# a header comment is not a document\n"
                        + "---\n"
                        + component("web-shop", "{}").replace("name: search", "name: one")
                        + "...\n"
                        + "---\n"
                        + "# an empty document still has a number\n"
                        + "---\n"
                        + "apiVersion: backstage.io/v1alpha1\n"
                        + "kind: Component\n"
                        + "metadata: {name: two, name: again}\n"
                        + "---\n"
                        + "- a list\n"
                        + "--- # a comment may follow the marker\n"
                        + component("web-shop", "{}").replace("name: search", "name: three");
        CatalogRead read = BackstageCatalog.parse(yaml, "numbered.yaml");
        assertThat(read.entries())
                .extracting(CatalogEntry::service)
                .containsExactly("one", "three");
        assertThat(read.problems())
                .extracting(CatalogProblem::toString)
                .containsExactly(
                        "numbered.yaml, document 3: not valid YAML: key 'name' appears twice in"
                                + " one mapping (line 18)",
                        "numbered.yaml, document 4: not a Backstage entity: the document is a"
                                + " list, not a mapping");
        assertThat(read.documents()).isEqualTo(4); // the empty one is not counted
    }

    @Test
    void aComponentWithoutItsEnvelopeIsAProblemPerField() {
        CatalogRead read = BackstageCatalog.parse("kind: Component\nmetadata: []\n", "bare.yaml");
        assertThat(read.problems())
                .extracting(CatalogProblem::message)
                .containsExactly(
                        "apiVersion is missing",
                        "metadata is a list, not a mapping",
                        "metadata.name is missing",
                        "spec.owner is missing");
        assertThat(
                        BackstageCatalog.parse("apiVersion: backstage.io/v1alpha1\n", "x.yaml")
                                .problems())
                .extracting(CatalogProblem::message)
                .containsExactly("kind is missing");
    }

    @Test
    void aFileThatIsNotUtf8IsOneProblem(@TempDir Path dir) throws Exception {
        Files.write(
                dir.resolve("latin1.yaml"), new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xE9});
        CatalogRead read = BackstageCatalog.read(dir);
        assertThat(read.problems())
                .extracting(CatalogProblem::toString)
                .containsExactly("latin1.yaml: not UTF-8 text");
        assertThat(read.files()).isEqualTo(1);
    }

    @Test
    void aPathThatIsNotADirectoryIsRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> BackstageCatalog.read(dir.resolve("missing")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a directory");
    }

    private static Path resource(String name) {
        try {
            return Path.of(BackstageCatalogTest.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
