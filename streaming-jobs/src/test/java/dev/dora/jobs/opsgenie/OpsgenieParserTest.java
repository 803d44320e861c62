package dev.dora.jobs.opsgenie;

import static dev.dora.jobs.EventFixtures.RECEIVED;
import static dev.dora.jobs.EventFixtures.envelope;
import static dev.dora.jobs.EventFixtures.fileNames;
import static dev.dora.jobs.EventFixtures.sharedFixtures;
import static dev.dora.jobs.EventFixtures.withoutField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
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

/** The Opsgenie parser on the real payload files of the shared corpus and on hand-written cases. */
class OpsgenieParserTest {
    private static final String ALERT_2015 = "052652ac-5d1c-464a-812a-7dd18bbfba8c";
    private static final Instant CREATED_2015 = Instant.parse("2015-01-05T10:03:11.104Z");

    /** Every file of the corpus: each is one incident state change. */
    private static final Map<String, String> CORPUS =
            Map.of(
                    "zulip__create.json", IncidentEvent.OPEN,
                    "zulip__acknowledge.json", IncidentEvent.ACKNOWLEDGED,
                    "zulip__close.json", IncidentEvent.RESOLVED);

    // ---- the corpus ----

    @Test
    void everyFileOfTheCorpusIsOneIncidentStateChange() throws IOException {
        Path dir = sharedFixtures("opsgenie");
        assertThat(fileNames(dir)).containsExactlyInAnyOrderElementsOf(CORPUS.keySet());
        for (Map.Entry<String, String> file : CORPUS.entrySet()) {
            List<CanonicalEvent> events = parseFixture(file.getKey());
            assertThat(events).as(file.getKey()).hasSize(1);
            assertThat(events.get(0).incident().status())
                    .as(file.getKey())
                    .isEqualTo(file.getValue());
        }
    }

    @Test
    void createdAlertOpensAtItsMillisecondCreationTime() throws IOException {
        IncidentEvent expected =
                new IncidentEvent(
                        "opsgenie",
                        "ec03dad6-62c8-4c94-b38b-d88f398e900f",
                        "Server", // alert.entity
                        "another alert",
                        IncidentEvent.OPEN,
                        "P3", // priority 3
                        Instant.parse("2017-08-14T11:25:56.288Z"), // createdAt 1502709956288 ms
                        null,
                        null,
                        null,
                        // updatedAt 1502709956288000110 ns
                        Instant.parse("2017-08-14T11:25:56.288000110Z"));
        assertThat(parseFixture("zulip__create.json"))
                .containsExactly(CanonicalEvent.of("evt-1", "Server", expected));
    }

    @Test
    void acknowledgedAlertOfTheOlderShapeFallsBackToTheAlertSource() throws IOException {
        IncidentEvent expected =
                new IncidentEvent(
                        "opsgenie",
                        ALERT_2015,
                        "fili@ifountain.com", // entity is empty and there are no teams
                        "test alert",
                        IncidentEvent.ACKNOWLEDGED,
                        null, // no priority in the older shape
                        CREATED_2015, // createdAt 1420452191104 ms
                        null,
                        null,
                        null,
                        Instant.parse("2015-01-05T10:03:44.764002246Z")); // updatedAt in ns
        assertThat(parseFixture("zulip__acknowledge.json"))
                .containsExactly(CanonicalEvent.of("evt-1", "fili@ifountain.com", expected));
    }

    @Test
    void closedAlertIsResolvedWhenItWasLastUpdated() throws IOException {
        Instant closed = Instant.parse("2015-01-05T10:06:14.669001603Z"); // 1420452374669001603 ns
        IncidentEvent expected =
                new IncidentEvent(
                        "opsgenie",
                        ALERT_2015,
                        "fili@ifountain.com",
                        "test alert",
                        IncidentEvent.RESOLVED,
                        null,
                        CREATED_2015,
                        closed,
                        null,
                        null,
                        closed);
        assertThat(parseFixture("zulip__close.json"))
                .containsExactly(CanonicalEvent.of("evt-1", "fili@ifountain.com", expected));
    }

    // ---- cases the corpus lacks ----

    @Test
    void closeWithoutUpdatedAtIsResolvedWhenIngestReceivedIt() {
        String body = withoutField(alert("Close"), "/alert/updatedAt");

        IncidentEvent incident = OpsgenieParser.parse(opsgenie(body)).get(0).incident();

        assertThat(incident.resolvedAt()).isEqualTo(RECEIVED);
        assertThat(incident.occurredAt()).isEqualTo(RECEIVED);
    }

    @Test
    void createWithoutUpdatedAtOccursWhenItWasCreated() {
        String body = withoutField(alert("Create"), "/alert/updatedAt");

        IncidentEvent incident = OpsgenieParser.parse(opsgenie(body)).get(0).incident();

        assertThat(incident.occurredAt()).isEqualTo(Instant.parse("2026-03-02T11:00:00Z"));
    }

    @Test
    void withoutEntityTheFirstTeamIsTheService() {
        String body = alert("Create").replace("\"entity\": \"checkout\"", "\"entity\": \"\"");

        List<CanonicalEvent> events = OpsgenieParser.parse(opsgenie(body));

        assertThat(events.get(0).service()).isEqualTo("payments");
        assertThat(events.get(0).incident().serviceRef()).isEqualTo("payments");
    }

    @ParameterizedTest
    @CsvSource({
        "Create, open",
        "UnAcknowledge, open",
        "Acknowledge, acknowledged",
        "Close, resolved"
    })
    void actionsMapToIncidentStatuses(String action, String status) {
        IncidentEvent incident = OpsgenieParser.parse(opsgenie(alert(action))).get(0).incident();

        IncidentEvent expected =
                new IncidentEvent(
                        "opsgenie",
                        "70413a06-38d6-4c85-92b8-5ebc900d42e2",
                        "checkout",
                        "Checkout error rate above 5%",
                        status,
                        "P1",
                        Instant.parse("2026-03-02T11:00:00Z"),
                        status.equals("resolved") ? Instant.parse("2026-03-02T11:40:00Z") : null,
                        null,
                        null,
                        Instant.parse("2026-03-02T11:40:00Z"));
        assertThat(incident).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"AddNote", "AddTeam", "Delete", "Escalate", "TakeOwnership"})
    void otherActionsYieldNothing(String action) {
        assertThat(OpsgenieParser.parse(opsgenie(alert(action)))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "1772449200, 2026-03-02T11:00:00Z", // seconds
        "1772449200123, 2026-03-02T11:00:00.123Z", // milliseconds
        "1772449200123456, 2026-03-02T11:00:00.123456Z", // microseconds
        "1772449200123456789, 2026-03-02T11:00:00.123456789Z", // nanoseconds
        "'\"1772449200123\"', 2026-03-02T11:00:00.123Z", // milliseconds as text
        "'\"2026-03-02T12:00:00.123+01:00\"', 2026-03-02T11:00:00.123Z" // ISO-8601
    })
    void epochUnitIsToldByMagnitude(String json, String expected) throws IOException {
        var root = new ObjectMapper().readTree("{\"t\": " + json + "}");
        assertThat(OpsgenieParser.epochOrIso(root, "t")).isEqualTo(Instant.parse(expected));
    }

    @Test
    void bodyThatIsNotJsonIsRejected() {
        assertThatThrownBy(() -> OpsgenieParser.parse(opsgenie("action=Create")))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessageStartingWith("body is not JSON");
    }

    @Test
    void alertWithoutIdIsRejectedNamingTheField() {
        String body = withoutField(alert("Close"), "/alert/alertId");

        assertThatThrownBy(() -> OpsgenieParser.parse(opsgenie(body)))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage("missing field 'alert.alertId'");
    }

    @Test
    void alertWithoutCreationTimeIsRejectedNamingTheField() {
        String body = withoutField(alert("Acknowledge"), "/alert/createdAt");

        assertThatThrownBy(() -> OpsgenieParser.parse(opsgenie(body)))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage("missing field 'alert.createdAt'");
    }

    @Test
    void bodyWithoutActionIsRejectedNamingTheField() {
        String body = withoutField(alert("Create"), "/action");

        assertThatThrownBy(() -> OpsgenieParser.parse(opsgenie(body)))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage("missing field 'action'");
    }

    @Test
    void alertWithoutAnyServiceIsRejected() {
        String body =
                withoutField(
                        withoutField(
                                withoutField(alert("Create"), "/alert/entity"), "/alert/teams"),
                        "/alert/source");

        assertThatThrownBy(() -> OpsgenieParser.parse(opsgenie(body)))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage(
                        "no service: 'alert.entity', 'alert.teams' and 'alert.source' are all"
                                + " empty");
    }

    @Test
    void parsersRouteOpsgenieHere() {
        RawEnvelope envelope = opsgenie(alert("Close"));
        assertThat(Parsers.parse(envelope)).isEqualTo(OpsgenieParser.parse(envelope));
    }

    // ---- helpers ----

    /**
     * An alert of the current payload shape: created 2026-03-02T11:00:00Z (milliseconds), last
     * updated 2026-03-02T11:40:00Z (nanoseconds).
     */
    private static String alert(String action) {
        return """
                {"action": "%s",
                 "alert": {"alertId": "70413a06-38d6-4c85-92b8-5ebc900d42e2",
                           "message": "Checkout error rate above 5%%", "tags": ["prod"],
                           "tinyId": "93", "source": "Datadog", "entity": "checkout",
                           "alias": "checkout-errors", "createdAt": 1772449200000,
                           "updatedAt": 1772451600000000000, "username": "System",
                           "userId": "", "recipients": [], "teams": ["payments"],
                           "insertedAt": 1772449200000000000, "priority": "P1"},
                 "source": {"name": "Datadog", "type": "API"},
                 "integrationId": "daca46c6-e26b-4dda-8f8a-21f6db7eeaef",
                 "integrationName": "dora", "integrationType": "Webhook"}
                """
                .formatted(action);
    }

    /** The parser reads the action from the body, whatever ingest put in the envelope. */
    private static RawEnvelope opsgenie(String body) {
        return opsgenie(body.getBytes(StandardCharsets.UTF_8));
    }

    private static RawEnvelope opsgenie(byte[] body) {
        return envelope("opsgenie", "unknown", Map.of("content-type", "application/json"), body);
    }

    private static List<CanonicalEvent> parseFixture(String file) throws IOException {
        return OpsgenieParser.parse(
                opsgenie(Files.readAllBytes(sharedFixtures("opsgenie").resolve(file))));
    }
}
