package dev.dora.jobs.pagerduty;

import static dev.dora.jobs.EventFixtures.envelope;
import static dev.dora.jobs.EventFixtures.fileNames;
import static dev.dora.jobs.EventFixtures.sharedFixtures;
import static dev.dora.jobs.EventFixtures.withoutField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dora.events.CanonicalEvent;
import dev.dora.events.IncidentEvent;
import dev.dora.events.RawEnvelope;
import dev.dora.jobs.Parsers;
import dev.dora.jobs.UnparseableEventException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The PagerDuty V3 parser on the real payload files of the shared corpus and hand-written cases.
 */
class PagerDutyParserTest {
    private static final String DIR = "pagerduty/v3";

    /** What a corpus file yields: a number of events, or a rejection with this reason. */
    private record Expected(int events, String rejection, String why) {
        static Expected events(int n, String why) {
            return new Expected(n, null, why);
        }

        static Expected rejected(String reason, String why) {
            return new Expected(0, reason, why);
        }
    }

    private static final Map<String, Expected> CORPUS =
            Map.of(
                    "zulip__triggered_v3.json",
                    Expected.events(1, "incident.triggered"),
                    "zulip__acknowledged_v3.json",
                    Expected.events(1, "incident.acknowledged"),
                    "zulip__resolved_v3.json",
                    Expected.events(1, "incident.resolved"),
                    "developer-docs__incident.priority_updated.json",
                    Expected.events(0, "incident.priority_updated changes no incident state"),
                    "developer-docs__service.updated.json",
                    Expected.events(0, "service.updated is not about an incident"),
                    "go-pagerduty__webhookv3_test.defaultBody.json",
                    Expected.events(
                            0,
                            "the Go client's signed known-answer body: an"
                                    + " incident.priority_updated in compact JSON, no trailing"
                                    + " newline, conference_number as a number"),
                    "developer-docs__event-data-type.incident.json",
                    Expected.rejected(
                            "missing field 'event'",
                            "the docs' event.data object alone, not a webhook body"),
                    "go-pagerduty__webhookv3_test.signature.json",
                    Expected.rejected(
                            "missing field 'event'",
                            "a sidecar holding the signing secret and header value of the"
                                    + " known-answer test, not a webhook body"));

    // ---- the corpus ----

    @Test
    void everyFileOfTheCorpusParsesOrIsRejectedForItsReason() throws IOException {
        Path dir = sharedFixtures(DIR);
        assertThat(fileNames(dir)).containsExactlyInAnyOrderElementsOf(CORPUS.keySet());
        for (Map.Entry<String, Expected> file : CORPUS.entrySet()) {
            RawEnvelope envelope = pagerDuty(Files.readAllBytes(dir.resolve(file.getKey())));
            Expected expected = file.getValue();
            if (expected.rejection() == null) {
                assertThat(PagerDutyParser.parse(envelope))
                        .as(file.getKey() + ": " + expected.why())
                        .hasSize(expected.events());
            } else {
                assertThatThrownBy(() -> PagerDutyParser.parse(envelope))
                        .as(file.getKey() + ": " + expected.why())
                        .isInstanceOf(UnparseableEventException.class)
                        .hasMessage(expected.rejection());
            }
        }
    }

    @Test
    void triggeredIncidentWithoutCreatedAtOpensWhenItWasTriggered() throws IOException {
        IncidentEvent expected =
                new IncidentEvent(
                        "pagerduty",
                        "PFQZPSY",
                        "PA2P440", // service.id ("pig208" is its display name)
                        "Test Incident 3",
                        IncidentEvent.OPEN,
                        "high", // priority is null: the urgency
                        Instant.parse("2021-06-04T13:35:29.781Z"), // event.occurred_at
                        null,
                        null,
                        null,
                        Instant.parse("2021-06-04T13:35:29.781Z"));
        assertThat(parseFixture("zulip__triggered_v3.json"))
                .containsExactly(CanonicalEvent.of("evt-1", "PA2P440", expected));
    }

    @Test
    void acknowledgedIncidentWithoutCreatedAtLeavesTheOpeningUnknown() throws IOException {
        IncidentEvent expected =
                new IncidentEvent(
                        "pagerduty",
                        "PQ1K5C8",
                        "PA2P440",
                        "Test Incident",
                        IncidentEvent.ACKNOWLEDGED,
                        "high",
                        null, // no event.data.created_at in this capture
                        null,
                        null,
                        null,
                        Instant.parse("2021-06-04T13:55:30.394Z"));
        assertThat(parseFixture("zulip__acknowledged_v3.json"))
                .containsExactly(CanonicalEvent.of("evt-1", "PA2P440", expected));
    }

    @Test
    void resolvedIncidentIsResolvedWhenTheEventOccurred() throws IOException {
        IncidentEvent expected =
                new IncidentEvent(
                        "pagerduty",
                        "PCPZE64",
                        "PA2P440",
                        "Test Incident",
                        IncidentEvent.RESOLVED,
                        "high",
                        null,
                        Instant.parse("2021-06-04T13:16:53.816Z"),
                        null,
                        null,
                        Instant.parse("2021-06-04T13:16:53.816Z"));
        assertThat(parseFixture("zulip__resolved_v3.json"))
                .containsExactly(CanonicalEvent.of("evt-1", "PA2P440", expected));
    }

    @Test
    void documentedIncidentDataReopenedKeepsItsCreationTimeAndPriority() throws IOException {
        // The vendor's incident data object, wrapped in the V3 envelope it is documented for.
        String data =
                Files.readString(
                        sharedFixtures(DIR)
                                .resolve("developer-docs__event-data-type.incident.json"));
        String body =
                """
                {"event": {"id": "01BRB6ZP4M6T8ZG4X6BP63ZB9O", "event_type": "incident.reopened",
                           "resource_type": "incident", "occurred_at": "2020-10-02T18:45:22.169Z",
                           "agent": null, "client": null, "data": %s}}
                """
                        .formatted(data);

        IncidentEvent expected =
                new IncidentEvent(
                        "pagerduty",
                        "PGR0VU2",
                        "PF9KMXH",
                        "A little bump in the road",
                        IncidentEvent.OPEN,
                        "P1", // priority.summary wins over urgency "high"
                        Instant.parse("2020-04-09T15:16:27Z"), // created_at, not reopened_at
                        null,
                        null,
                        null,
                        Instant.parse("2020-10-02T18:45:22.169Z"));
        assertThat(PagerDutyParser.parse(pagerDuty(body)))
                .containsExactly(CanonicalEvent.of("evt-1", "PF9KMXH", expected));
    }

    // ---- cases the corpus lacks ----

    @Test
    void resolvedIncidentWithCreationTimeConvertsBothOffsetsToUtc() {
        IncidentEvent expected =
                new IncidentEvent(
                        "pagerduty",
                        "Q2RP7YE1B8N4CX",
                        "PSHOP01",
                        "Checkout latency above SLO",
                        IncidentEvent.RESOLVED,
                        "low",
                        Instant.parse("2026-03-02T11:00:00Z"), // 06:00:00-05:00
                        Instant.parse("2026-03-02T11:40:00.25Z"), // 13:40:00.25+02:00
                        null,
                        null,
                        Instant.parse("2026-03-02T11:40:00.25Z"));
        assertThat(PagerDutyParser.parse(pagerDuty(resolved())))
                .containsExactly(CanonicalEvent.of("evt-1", "PSHOP01", expected));
    }

    @ParameterizedTest
    @CsvSource({
        "incident.triggered, open",
        "incident.reopened, open",
        "incident.unacknowledged, open",
        "incident.acknowledged, acknowledged",
        "incident.resolved, resolved"
    })
    void stateChangesMapToIncidentStatuses(String eventType, String status) {
        String body = resolved().replace("incident.resolved", eventType);

        IncidentEvent incident = PagerDutyParser.parse(pagerDuty(body)).get(0).incident();

        assertThat(incident.status()).isEqualTo(status);
        assertThat(incident.resolvedAt())
                .isEqualTo(
                        status.equals("resolved")
                                ? Instant.parse("2026-03-02T11:40:00.25Z")
                                : null);
    }

    @ParameterizedTest
    @CsvSource({"incident.annotated", "incident.priority_updated", "incident.escalated"})
    void otherIncidentEventsYieldNothing(String eventType) {
        String body = resolved().replace("incident.resolved", eventType);
        assertThat(PagerDutyParser.parse(pagerDuty(body))).isEmpty();
    }

    @Test
    void pingYieldsNothing() {
        String body =
                """
                {"event": {"id": "01BRB6ZP4M6T8ZG4X6BP63ZB9P", "event_type": "pagey.ping",
                           "resource_type": "pagey", "occurred_at": "2026-03-02T09:00:00Z",
                           "agent": null, "client": null,
                           "data": {"message": "Hello from your friend Pagey!", "type": "ping"}}}
                """;
        assertThat(PagerDutyParser.parse(pagerDuty(body))).isEmpty();
    }

    @Test
    void bodyThatIsNotJsonIsRejected() {
        assertThatThrownBy(() -> PagerDutyParser.parse(pagerDuty("event=incident.resolved")))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessageStartingWith("body is not JSON");
    }

    @Test
    void incidentWithoutIdIsRejectedNamingTheField() {
        String body = withoutField(resolved(), "/event/data/id");

        assertThatThrownBy(() -> PagerDutyParser.parse(pagerDuty(body)))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage("missing field 'event.data.id'");
    }

    @Test
    void incidentWithoutServiceIsRejectedNamingTheField() {
        String body = withoutField(resolved(), "/event/data/service");

        assertThatThrownBy(() -> PagerDutyParser.parse(pagerDuty(body)))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage("missing field 'event.data.service.id'");
    }

    @Test
    void eventWithoutTypeIsRejectedNamingTheField() {
        String body = withoutField(resolved(), "/event/event_type");

        assertThatThrownBy(() -> PagerDutyParser.parse(pagerDuty(body)))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage("missing field 'event.event_type'");
    }

    @Test
    void timeWithoutOffsetIsRejectedNamingTheField() {
        String body = resolved().replace("2026-03-02T13:40:00.25+02:00", "2026-03-02 13:40");

        assertThatThrownBy(() -> PagerDutyParser.parse(pagerDuty(body)))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage(
                        "time 'event.occurred_at' is not ISO-8601 with an offset: 2026-03-02"
                                + " 13:40");
    }

    @Test
    void parsersRoutePagerDutyHere() {
        RawEnvelope envelope = pagerDuty(resolved());
        assertThat(Parsers.parse(envelope)).isEqualTo(PagerDutyParser.parse(envelope));
    }

    // ---- helpers ----

    /** An incident.resolved, opened at 06:00-05:00 and resolved at 13:40:00.25+02:00. */
    private static String resolved() {
        return """
                {"event": {"id": "01DA2MLYN0J5EFC1LKWXUKDDKT", "event_type": "incident.resolved",
                           "resource_type": "incident",
                           "occurred_at": "2026-03-02T13:40:00.25+02:00",
                           "agent": {"id": "PLH1HKV", "type": "user_reference",
                                     "summary": "On-call Engineer"},
                           "client": null,
                           "data": {"id": "Q2RP7YE1B8N4CX", "type": "incident", "number": 93,
                                    "status": "resolved", "title": "Checkout latency above SLO",
                                    "created_at": "2026-03-02T06:00:00-05:00",
                                    "service": {"id": "PSHOP01", "summary": "checkout",
                                                "type": "service_reference"},
                                    "assignees": [], "teams": [], "priority": null,
                                    "urgency": "low", "conference_bridge": null,
                                    "resolve_reason": null}}}
                """;
    }

    /** The parser reads the event type from the body, whatever ingest put in the envelope. */
    private static RawEnvelope pagerDuty(String body) {
        return pagerDuty(body.getBytes(StandardCharsets.UTF_8));
    }

    private static RawEnvelope pagerDuty(byte[] body) {
        return envelope(
                "pagerduty",
                "unknown",
                Map.of("user-agent", "PagerDuty-Webhook/V3.0", "x-webhook-id", "w-1"),
                body);
    }

    private static List<CanonicalEvent> parseFixture(String file) throws IOException {
        return PagerDutyParser.parse(
                pagerDuty(Files.readAllBytes(sharedFixtures(DIR).resolve(file))));
    }
}
