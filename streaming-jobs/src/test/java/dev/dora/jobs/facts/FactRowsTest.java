package dev.dora.jobs.facts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dora.events.CanonicalEvent;
import dev.dora.events.Commit;
import dev.dora.events.DeploymentStatusEvent;
import dev.dora.events.IncidentEvent;
import dev.dora.events.PlatformRequestEvent;
import dev.dora.events.PullRequestEvent;
import dev.dora.events.PushEvent;
import dev.dora.events.ServiceCreatedEvent;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Facts from single events: the chain links, versions that do not depend on arrival order. */
class FactRowsTest {
    private static final Pattern PRODUCTION = Pattern.compile("(?i)^prod(uction)?([-_ ].*)?$");
    private static final Pattern HOTFIX = Pattern.compile("(?i)hotfix/|hotfix-|revert");
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private static PushEvent push(String branch, String before, String... shas) {
        List<Commit> commits =
                java.util.Arrays.stream(shas).map(s -> new Commit(s, T0.minusSeconds(60))).toList();
        return new PushEvent(
                "github", "acme/shop", branch, "main", before, shas[shas.length - 1], T0, commits);
    }

    @Test
    void eachChangeLinksToTheCommitBeforeItOnTheDefaultBranch() {
        CanonicalEvent event = CanonicalEvent.of("e1", "acme/shop", push("main", "a0", "a1", "a2"));

        List<ChangeRow> rows = FactRows.changes(event);

        assertThat(rows)
                .extracting(ChangeRow::sha, ChangeRow::parentSha)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a1", "a0"),
                        org.assertj.core.groups.Tuple.tuple("a2", "a1"));
        assertThat(FactRows.branchCommits(event)).isEmpty();
    }

    @Test
    void aNewBranchHasNoParentAndOtherBranchesMakeBranchCommits() {
        assertThat(
                        FactRows.changes(
                                        CanonicalEvent.of(
                                                "e1",
                                                "acme/shop",
                                                push("main", "0".repeat(40), "a1")))
                                .get(0)
                                .parentSha())
                .isNull();
        CanonicalEvent feature =
                CanonicalEvent.of("e2", "acme/shop", push("feature/x", "0".repeat(40), "f1"));

        assertThat(FactRows.changes(feature)).isEmpty();
        assertThat(FactRows.branchCommits(feature))
                .extracting(BranchCommitRow::commitKey)
                .containsExactly("acme/shop@feature/x@f1");
    }

    @Test
    void hotfixComesFromTheRefAndDeclaredChangesAreLinked() {
        DeploymentStatusEvent d =
                new DeploymentStatusEvent(
                        "generic",
                        "d-1",
                        "acme/shop",
                        "h1",
                        "hotfix/login",
                        "production",
                        "success",
                        T0,
                        T0,
                        "shop",
                        "golden",
                        "d-0",
                        List.of(new Commit("h1", T0, "812")));
        CanonicalEvent event = CanonicalEvent.of("e3", "shop", d);

        DeploymentRow row = FactRows.deployments(event, PRODUCTION, HOTFIX).get(0);

        assertThat(row.hotfix()).isTrue();
        assertThat(row.changesDeclared()).isTrue();
        assertThat(row.rollbackOf()).isEqualTo("d-0");
        assertThat(row.pipeline()).isEqualTo("golden");
        assertThat(FactRows.declaredChangeLinks(event))
                .extracting(DeclaredChangeRow::deploymentKey, DeclaredChangeRow::changeKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("generic:acme/shop:d-1", "shop@h1"));
        assertThat(FactRows.changes(event).get(0).pullRequest()).isEqualTo("812");
    }

    @Test
    void laterIncidentAndPullRequestStatesWinWhateverOrderTheyArriveIn() {
        IncidentEvent open =
                new IncidentEvent(
                        "pagerduty", "I1", "shop", null, "open", null, T0, null, null, null, T0);
        IncidentEvent resolved =
                new IncidentEvent(
                        "pagerduty",
                        "I1",
                        "shop",
                        null,
                        "resolved",
                        null,
                        T0,
                        T0.plusSeconds(600),
                        null,
                        null,
                        T0.plusSeconds(600));
        IncidentEvent resolvedSameInstant =
                new IncidentEvent(
                        "pagerduty", "I1", "shop", null, "resolved", null, T0, T0, null, null, T0);

        long vOpen = FactRows.incidents(CanonicalEvent.of("a", "shop", open)).get(0).version();
        assertThat(FactRows.incidents(CanonicalEvent.of("b", "shop", resolved)).get(0).version())
                .isGreaterThan(vOpen);
        assertThat(
                        FactRows.incidents(CanonicalEvent.of("c", "shop", resolvedSameInstant))
                                .get(0)
                                .version())
                .isGreaterThan(vOpen);

        PullRequestEvent opened =
                new PullRequestEvent(
                        "github",
                        "acme/shop",
                        "7",
                        "opened",
                        false,
                        "feature/x",
                        "main",
                        "f2",
                        null,
                        T0,
                        null,
                        null);
        PullRequestEvent merged =
                new PullRequestEvent(
                        "github",
                        "acme/shop",
                        "7",
                        "merged",
                        true,
                        "feature/x",
                        "main",
                        "f2",
                        "s1",
                        T0,
                        T0.plusSeconds(60),
                        T0.plusSeconds(60));
        assertThat(
                        FactRows.pullRequests(CanonicalEvent.of("d", "acme/shop", merged))
                                .get(0)
                                .version())
                .isGreaterThan(
                        FactRows.pullRequests(CanonicalEvent.of("e", "acme/shop", opened))
                                .get(0)
                                .version());
    }

    @Test
    void theFirstCreationOfAServiceIsItsRegistration() {
        ServiceCreatedEvent first = new ServiceCreatedEvent("generic", "checkout", T0, "java");
        ServiceCreatedEvent again =
                new ServiceCreatedEvent("generic", "checkout", T0.plusSeconds(86_400), null);

        ServiceEventRow row = FactRows.serviceEvents(CanonicalEvent.of("e1", first)).get(0);
        ServiceEventRow later = FactRows.serviceEvents(CanonicalEvent.of("e2", again)).get(0);

        assertThat(row)
                .isEqualTo(
                        new ServiceEventRow(
                                "generic:checkout",
                                "generic",
                                "checkout",
                                T0,
                                "java",
                                "e1",
                                -T0.toEpochMilli()));
        assertThat(later.serviceKey()).isEqualTo(row.serviceKey());
        assertThat(row.version()).isGreaterThan(later.version());
        assertThat(
                        FactRows.serviceEvents(
                                CanonicalEvent.of("e3", "acme/shop", push("main", "a0", "a1"))))
                .isEmpty();
    }

    @Test
    void aFulfilledRequestWinsOverItsOpenStateWhateverOrderTheyArriveIn() {
        PlatformRequestEvent open =
                new PlatformRequestEvent(
                        "generic", "REQ-1", null, "payments", "ticket", T0, null, "database");
        PlatformRequestEvent fulfilled =
                new PlatformRequestEvent(
                        "generic",
                        "REQ-1",
                        "checkout",
                        "payments",
                        "ticket",
                        T0,
                        T0.plusSeconds(3600),
                        "database");
        // Fulfilled in the same millisecond as requested: still the later state.
        PlatformRequestEvent instant =
                new PlatformRequestEvent(
                        "generic", "REQ-2", null, null, "self_service", T0, T0, null);

        PlatformRequestRow openRow =
                FactRows.platformRequests(CanonicalEvent.of("e1", open)).get(0);
        PlatformRequestRow doneRow =
                FactRows.platformRequests(CanonicalEvent.of("e2", fulfilled)).get(0);

        assertThat(doneRow)
                .isEqualTo(
                        new PlatformRequestRow(
                                "generic:REQ-1",
                                "generic",
                                "REQ-1",
                                "checkout",
                                "payments",
                                "ticket",
                                "database",
                                T0,
                                T0.plusSeconds(3600),
                                "e2",
                                T0.plusSeconds(3600).toEpochMilli() * 2 + 1));
        assertThat(openRow.requestKey()).isEqualTo(doneRow.requestKey());
        assertThat(openRow.service()).isNull();
        assertThat(doneRow.version()).isGreaterThan(openRow.version());
        assertThat(FactRows.version(instant))
                .isGreaterThan(
                        FactRows.version(
                                new PlatformRequestEvent(
                                        "generic",
                                        "REQ-2",
                                        null,
                                        null,
                                        "self_service",
                                        T0,
                                        null,
                                        null)));
    }
}
