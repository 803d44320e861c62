package dev.dora.jobs.github;

import static dev.dora.jobs.EventFixtures.envelope;
import static dev.dora.jobs.github.GitHubFixtures.parseFixture;
import static dev.dora.jobs.github.GitHubFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dora.events.CanonicalEvent;
import dev.dora.events.IncidentEvent;
import dev.dora.jobs.ParserSettings;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GitHub {@code issues}: an issue labelled as incident is an incident. */
class GitHubIssuesTest {
    private static final String REPO = "Codertocat/Hello-World";
    private static final String TITLE = "Spelling error in the README file";
    // The corpus has no issue labelled "incident"; its issues carry "bug" (or no label at all).
    private static final ParserSettings BUG_IS_INCIDENT = settings("(?i)deploy", "BUG");
    private static final String SHA = "9fceb02d0ae598e95dc970b74767f19372d61af8";

    @Test
    void labelledIssueIsAnOpenIncident() throws IOException {
        List<CanonicalEvent> events =
                parseFixture("issues", "labeled.payload.json", BUG_IS_INCIDENT);

        Instant created = Instant.parse("2019-05-15T15:20:18Z");
        IncidentEvent expected =
                new IncidentEvent(
                        "github",
                        "Codertocat/Hello-World#1",
                        REPO,
                        TITLE,
                        IncidentEvent.OPEN,
                        null,
                        created,
                        null,
                        null,
                        null,
                        created); // updated_at
        assertThat(events).containsExactly(CanonicalEvent.of("evt-1", REPO, expected));
    }

    @Test
    void reopenedIssueIsOpenAgainDespiteItsEarlierClosedAt() throws IOException {
        IncidentEvent incident =
                parseFixture("issues", "reopened.payload.json", BUG_IS_INCIDENT).get(0).incident();

        assertThat(incident.status()).isEqualTo(IncidentEvent.OPEN);
        assertThat(incident.openedAt()).isEqualTo(Instant.parse("2021-07-05T18:05:24Z"));
        assertThat(incident.resolvedAt())
                .isNull(); // the payload's closed_at is 2021-07-05T18:07:10Z
        assertThat(incident.occurredAt()).isEqualTo(Instant.parse("2021-10-11T16:40:56Z"));
    }

    @Test
    void issuesWithoutTheIncidentLabelYieldNothing() throws IOException {
        assertThat(parseFixture("issues", "labeled.payload.json")).isEmpty();
        assertThat(parseFixture("issues", "opened.payload.json")).isEmpty();
        assertThat(parseFixture("issues", "zulip__issues__closed.json", BUG_IS_INCIDENT)).isEmpty();
    }

    @Test
    void closedIncidentNamingItsRootCause() {
        String body =
                """
                Checkout returned 500s for EU customers.\\r
                \\r
                Root cause: %s\\r
                Deployment: run-9001\\r
                """
                        .formatted(SHA.toUpperCase());
        List<CanonicalEvent> events =
                GitHubParser.parse(
                        envelope("issues", issue("closed", "closed", "Incident", body, true)));

        IncidentEvent expected =
                new IncidentEvent(
                        "github",
                        "acme/shop#93",
                        "acme/shop",
                        "Checkout is down",
                        IncidentEvent.RESOLVED,
                        null,
                        Instant.parse("2026-03-02T11:00:00Z"),
                        Instant.parse("2026-03-02T11:40:00Z"),
                        "run-9001",
                        SHA,
                        Instant.parse("2026-03-02T11:40:00Z"));
        assertThat(events).containsExactly(CanonicalEvent.of("evt-1", "acme/shop", expected));
    }

    @Test
    void rootCauseOnlyCountsOnALineOfItsOwn() {
        String body =
                "We think the root cause: " + SHA + " but are not sure.\nDeployment:\nunknown";
        IncidentEvent incident =
                GitHubParser.parse(
                                envelope(
                                        "issues", issue("opened", "open", "incident", body, false)))
                        .get(0)
                        .incident();

        assertThat(incident.status()).isEqualTo(IncidentEvent.OPEN);
        assertThat(incident.resolvedAt()).isNull();
        assertThat(incident.causedBySha()).isNull();
        assertThat(incident.causedByDeploymentId()).isNull();
    }

    @Test
    void shortShaIsKeptAsWritten() {
        String body = "  root cause:  9fceb02\n";
        assertThat(
                        GitHubParser.parse(
                                        envelope(
                                                "issues",
                                                issue("edited", "open", "incident", body, false)))
                                .get(0)
                                .incident()
                                .causedBySha())
                .isEqualTo("9fceb02");
    }

    /** Issue acme/shop#93 with one label; times given with a +01:00 offset. */
    private static String issue(
            String action, String state, String label, String body, boolean closed) {
        return """
                {"action": "%s",
                 "issue": {"number": 93, "title": "Checkout is down", "state": "%s",
                   "labels": [{"name": "customer-facing"}, {"name": "%s"}],
                   "body": "%s",
                   "created_at": "2026-03-02T12:00:00+01:00",
                   "updated_at": "2026-03-02T12:40:00+01:00",
                   "closed_at": %s},
                 "repository": {"full_name": "acme/shop"}}
                """
                .formatted(
                        action,
                        state,
                        label,
                        body.replace("\n", "\\n"),
                        closed ? "\"2026-03-02T12:40:00+01:00\"" : "null");
    }
}
