package dev.dora.jobs.github;

import static dev.dora.jobs.EventFixtures.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dora.events.CanonicalEvent;
import dev.dora.events.ServiceCreatedEvent;
import dev.dora.jobs.CanonicalChecks;
import dev.dora.jobs.UnparseableEventException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GitHub {@code repository} events: a repository created is a service created. The shared corpus
 * has no {@code repository} payload, so the cases are the project's own files under {@code
 * src/test/resources/github/repository}, shaped like GitHub's.
 */
class GitHubRepositoryTest {

    @Test
    void repositoryCreatedFromATemplateIsAServiceCreatedInUtc() throws IOException {
        List<CanonicalEvent> events = parse("created.from-template.json");

        ServiceCreatedEvent expected =
                new ServiceCreatedEvent(
                        "github",
                        "acme/payments-api",
                        Instant.parse("2026-03-01T08:15:00Z"), // +02:00 converted
                        "acme/java-service-template");
        assertThat(events).containsExactly(CanonicalEvent.of("evt-1", expected));
        assertThat(events.get(0).service()).isEqualTo("acme/payments-api");
        assertThat(CanonicalChecks.problem(events.get(0))).isNull();
    }

    @Test
    void otherRepositoryActionsYieldNothing() throws IOException {
        assertThat(parse("archived.json")).isEmpty();
    }

    @Test
    void aRepositoryWithoutTemplateOrWithEpochCreationTime() {
        String body =
                """
                {"action": "created",
                 "repository": {"full_name": "acme/handmade", "created_at": 1772352900}}
                """;

        assertThat(GitHubParser.parse(envelope("repository", body)))
                .containsExactly(
                        CanonicalEvent.of(
                                "evt-1",
                                new ServiceCreatedEvent(
                                        "github",
                                        "acme/handmade",
                                        Instant.ofEpochSecond(1772352900),
                                        null)));
    }

    @Test
    void aCreatedRepositoryWithoutCreationTimeIsRefused() {
        String body = "{\"action\": \"created\", \"repository\": {\"full_name\": \"acme/x\"}}";

        assertThatThrownBy(() -> GitHubParser.parse(envelope("repository", body)))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage("missing time 'repository.created_at'");
    }

    private static List<CanonicalEvent> parse(String file) throws IOException {
        try (InputStream in =
                GitHubRepositoryTest.class.getResourceAsStream("/github/repository/" + file)) {
            assertThat(in).as(file).isNotNull();
            return GitHubParser.parse(envelope("repository", in.readAllBytes()));
        }
    }
}
