package dev.dora.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dora.events.RawEnvelope;
import dev.dora.events.survey.SurveyResponseCodec;
import dev.dora.events.survey.SurveyResponseEvent;
import dev.dora.warehouse.Warehouse;
import dev.dora.warehouse.WarehouseConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The survey lifecycle without the pipeline: what a response carries, links used once, closed
 * surveys, invalid answers, and a link given back when its response cannot be made durable. The
 * publisher here records envelopes instead of sending them to Kafka; the stack test ({@code
 * SurveysITCase}) runs the real path.
 */
class SurveysTest {
    static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    @TempDir Path dir;
    final List<RawEnvelope> published = new ArrayList<>();
    boolean kafkaDown;
    Warehouse warehouse;
    Surveys surveys;

    @BeforeEach
    void start() {
        warehouse =
                new Warehouse(new WarehouseConfig(dir.resolve("w"), dir.resolve("t"), "64MB", 1));
        surveys =
                new Surveys(
                        dir.resolve("surveys"),
                        warehouse,
                        this::publish,
                        5,
                        Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        warehouse.close();
    }

    CompletableFuture<Void> publish(RawEnvelope e) {
        if (kafkaDown) {
            return CompletableFuture.failedFuture(new RuntimeException("broker down"));
        }
        published.add(e);
        return CompletableFuture.completedFuture(null);
    }

    Surveys.Created create() {
        return surveys.create(
                "devex-quarterly",
                "DevEx Q4",
                LocalDate.parse("2026-11-30"),
                Map.of("commerce", 2, "search", 1));
    }

    @Test
    void aResponseCarriesOnlySurveyTeamRandomIdAndAnswers() throws Exception {
        Surveys.Created c = create();
        assertThat(c.links())
                .extracting(Surveys.Link::team)
                .containsExactly("commerce", "commerce", "search");
        String token = c.links().get(2).token();
        surveys.submit(
                token,
                Map.of("flow_focus", "4", "enps", "9", "improve_one_thing", " more focus time "));

        assertThat(published).hasSize(1);
        RawEnvelope e = published.get(0);
        assertThat(e.source()).isEqualTo("survey");
        assertThat(e.headers()).isEmpty();
        assertThat(e.receivedAt()).isEqualTo(c.survey().createdAt()); // not the time of answering
        String body = new String(e.body(), StandardCharsets.UTF_8);
        assertThat(body).doesNotContain(token).doesNotContain(InvitationTokens.hash(token));
        SurveyResponseEvent r = SurveyResponseCodec.decode(e.body());
        assertThat(r.surveyId()).isEqualTo(c.survey().id());
        assertThat(r.team()).isEqualTo("search");
        assertThat(e.deliveryId()).isEqualTo(r.responseId());
        assertThat(r.answers())
                .extracting(a -> a.questionId() + "=" + a.answer() + "/" + a.value())
                .containsExactly(
                        "flow_focus=4/4", "enps=9/9", "improve_one_thing=more focus time/null");

        // The store keeps hashes only, and nothing about the response.
        String stored = Files.readString(dir.resolve("surveys").resolve("surveys.json"));
        assertThat(stored)
                .doesNotContain(token)
                .contains(InvitationTokens.hash(token))
                .doesNotContain(r.responseId());
    }

    @Test
    void aLinkIsUsedOnce() {
        String token = create().links().get(0).token();
        surveys.submit(token, Map.of("enps", "10"));
        assertThatThrownBy(() -> surveys.submit(token, Map.of("enps", "0")))
                .isInstanceOf(SurveyException.class)
                .hasMessage("this survey link has already been used")
                .extracting(e -> ((SurveyException) e).status())
                .isEqualTo(409);
        assertThat(published).hasSize(1);
    }

    @Test
    void aClosedSurveyTakesNoResponse() {
        Surveys.Created c = create();
        surveys.close(c.survey().id());
        assertThatThrownBy(() -> surveys.submit(c.links().get(0).token(), Map.of("enps", "10")))
                .extracting(e -> ((SurveyException) e).status())
                .isEqualTo(410);
        Surveys.Created open = create(); // made before the store is read again below
        Surveys later =
                new Surveys(
                        dir.resolve("surveys"),
                        warehouse,
                        this::publish,
                        5,
                        Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));
        assertThatThrownBy(() -> later.submit(open.links().get(0).token(), Map.of("enps", "10")))
                .hasMessage("this survey is closed");
    }

    @Test
    void anInvalidAnswerNamesTheQuestionAndKeepsTheLink() {
        String token = create().links().get(0).token();
        assertThatThrownBy(() -> surveys.submit(token, Map.of("flow_focus", "7")))
                .hasMessage("question 'flow_focus': '7' is not 1 to 5 or n/a");
        assertThatThrownBy(() -> surveys.submit(token, Map.of("enps", "ten")))
                .hasMessage("question 'enps': 'ten' is not a whole number from 0 to 10");
        assertThatThrownBy(() -> surveys.submit(token, Map.of("shoe_size", "42")))
                .hasMessage("unknown question 'shoe_size'");
        assertThatThrownBy(() -> surveys.submit(token, Map.of("enps", "")))
                .hasMessage("no question was answered");
        assertThatThrownBy(() -> surveys.submit("not-a-token", Map.of("enps", "1")))
                .extracting(e -> ((SurveyException) e).status())
                .isEqualTo(404);
        surveys.submit(token, Map.of("flow_focus", "N/A"));
        assertThat(SurveyResponseCodec.decode(published.get(0).body()).answers().get(0).answer())
                .isEqualTo("n/a");
    }

    @Test
    void aResponseThatCannotBeStoredGivesTheLinkBack() {
        String token = create().links().get(0).token();
        kafkaDown = true;
        assertThatThrownBy(() -> surveys.submit(token, Map.of("enps", "10")))
                .extracting(e -> ((SurveyException) e).status())
                .isEqualTo(503);
        kafkaDown = false;
        surveys.submit(token, Map.of("enps", "10"));
        assertThat(published).hasSize(1);
    }

    @Test
    void creationChecksItsInput() {
        assertThatThrownBy(
                        () ->
                                surveys.create(
                                        "nope", "T", LocalDate.parse("2026-11-30"), Map.of("a", 1)))
                .hasMessage("unknown template 'nope'");
        assertThatThrownBy(
                        () ->
                                surveys.create(
                                        "devex-quarterly",
                                        "T",
                                        LocalDate.parse("2026-11-01"),
                                        Map.of("a", 1)))
                .hasMessage("closes_on 2026-11-01 is in the past");
        assertThatThrownBy(
                        () ->
                                surveys.create(
                                        "devex-quarterly",
                                        "T",
                                        LocalDate.parse("2026-11-30"),
                                        Map.of("a", 0)))
                .hasMessage("team 'a': invitations must be a positive number");
        assertThatThrownBy(
                        () ->
                                surveys.create(
                                        "devex-quarterly",
                                        " ",
                                        LocalDate.parse("2026-11-30"),
                                        Map.of("a", 1)))
                .hasMessage("title is required (at most 200 characters)");
    }

    @Test
    void surveysSurviveARestart() {
        Surveys.Created c = create();
        surveys.submit(c.links().get(0).token(), Map.of("enps", "10"));
        Surveys again =
                new Surveys(
                        dir.resolve("surveys"),
                        warehouse,
                        this::publish,
                        5,
                        Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(again.survey(c.survey().id()).orElseThrow().questions()).hasSize(9);
        assertThatThrownBy(() -> again.submit(c.links().get(0).token(), Map.of("enps", "1")))
                .hasMessage("this survey link has already been used");
        again.submit(c.links().get(1).token(), Map.of("enps", "1"));
    }
}
