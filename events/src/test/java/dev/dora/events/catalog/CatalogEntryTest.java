package dev.dora.events.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

/** The shape every consumer of a catalog entry relies on, kept by the constructor. */
class CatalogEntryTest {
    private static CatalogEntry entry(List<String> prefixes, String production) {
        return new CatalogEntry(
                "identity",
                "platform",
                null,
                null,
                null,
                List.of("acme-shop/platform"),
                null,
                prefixes,
                null,
                null,
                production);
    }

    @Test
    void listsAreImmutableCopiesAndAbsentListsAreEmpty() {
        List<String> prefixes = new ArrayList<>(List.of("services/identity/"));
        CatalogEntry entry = entry(prefixes, null);
        prefixes.add("libs/auth-client/");

        assertThat(entry.pathPrefixes()).containsExactly("services/identity/");
        assertThat(entry.gitlabProjects()).isEmpty();
        assertThat(entry.pagerdutyServices()).isEmpty();
        assertThatThrownBy(() -> entry.githubRepos().add("acme-shop/other"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aPathPrefixIsRelativeAndEndsWithASlash() {
        assertThatThrownBy(() -> entry(List.of("/services/identity/"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "identity: path prefix '/services/identity/' must be relative and end"
                                + " with '/', like services/checkout/");
        assertThatThrownBy(() -> entry(List.of("services/identity"), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theProductionPatternIsAValidRegularExpression() {
        assertThat(entry(List.of(), "^live-(eu|us)$").productionPattern())
                .isEqualTo("^live-(eu|us)$");
        assertThatThrownBy(() -> entry(List.of(), "(prod"))
                .isInstanceOf(PatternSyntaxException.class);
    }

    @Test
    void serviceAndTeamAreRequired() {
        assertThatThrownBy(
                        () ->
                                new CatalogEntry(
                                        "identity",
                                        " ",
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("team is blank");
        assertThatThrownBy(
                        () ->
                                new CatalogEntry(
                                        null,
                                        "platform",
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("service");
    }
}
