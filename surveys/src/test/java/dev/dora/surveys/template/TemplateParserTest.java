package dev.dora.surveys.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateParserTest {
    private static final String VALID =
            """
            id: team-health
            title: Team health
            questions:
              - id: focus
                type: likert5
                dimension: flow
                text: I get focus time.
              - id: enps
                type: nps
                dimension: satisfaction
                text: Would you recommend us?
                required: true
              - id: stack
                type: single_choice
                dimension: tools
                text: Which stack?
                options:
                  - {id: jvm, label: JVM}
                  - {id: node, label: Node}
              - id: hours
                type: number
                dimension: flow
                text: Hours lost per week?
                min: 0
                max: 40
              - id: comment
                type: free_text
                dimension: general
                text: Anything else?
            """;

    @Test
    void readsEveryQuestionType() {
        Template t = TemplateParser.parse(VALID, "team-health.yaml", false);
        assertThat(t.id()).isEqualTo("team-health");
        assertThat(t.questions())
                .extracting(Question::id, Question::type, Question::dimension)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("focus", QuestionType.LIKERT5, "flow"),
                        org.assertj.core.groups.Tuple.tuple(
                                "enps", QuestionType.NPS, "satisfaction"),
                        org.assertj.core.groups.Tuple.tuple(
                                "stack", QuestionType.SINGLE_CHOICE, "tools"),
                        org.assertj.core.groups.Tuple.tuple("hours", QuestionType.NUMBER, "flow"),
                        org.assertj.core.groups.Tuple.tuple(
                                "comment", QuestionType.FREE_TEXT, "general"));
        assertThat(t.question("enps").orElseThrow().required()).isTrue();
        assertThat(t.question("stack").orElseThrow().options())
                .containsExactly(new Option("jvm", "JVM"), new Option("node", "Node"));
        assertThat(t.question("hours").orElseThrow().max()).isEqualTo(40.0);
    }

    @Test
    void anUnknownTypeIsNamedWithItsQuestion() {
        assertThatThrownBy(
                        () ->
                                TemplateParser.parse(
                                        VALID.replace("type: nps", "type: likert7"), "f", false))
                .isInstanceOf(TemplateException.class)
                .hasMessage(
                        "template 'team-health', question 2 ('enps'): unknown type 'likert7';"
                                + " expected one of likert5, nps, single_choice, number,"
                                + " free_text");
    }

    @Test
    void aDuplicateIdNamesBothPositions() {
        assertThatThrownBy(
                        () ->
                                TemplateParser.parse(
                                        VALID.replace("id: hours", "id: focus"), "f", false))
                .isInstanceOf(TemplateException.class)
                .hasMessage(
                        "template 'team-health': duplicate question id 'focus' (questions 1"
                                + " and 4)");
    }

    @Test
    void otherMistakesAreNamedToo() {
        assertThatThrownBy(
                        () ->
                                TemplateParser.parse(
                                        VALID.replace("    dimension: tools\n", ""), "f", false))
                .hasMessage(
                        "template 'team-health', question 3 ('stack'): 'dimension' is missing or empty");
        assertThatThrownBy(
                        () ->
                                TemplateParser.parse(
                                        VALID.replace("      - {id: node, label: Node}\n", ""),
                                        "f",
                                        false))
                .hasMessage(
                        "template 'team-health', question 3 ('stack'): a single_choice question needs 'options', a list of at least two");
        assertThatThrownBy(
                        () -> TemplateParser.parse(VALID.replace("min: 0", "min: 50"), "f", false))
                .hasMessage(
                        "template 'team-health', question 4 ('hours'): 'min' is greater than 'max'");
        assertThatThrownBy(
                        () ->
                                TemplateParser.parse(
                                        VALID.replace(
                                                "title: Team health",
                                                "title: Team health\ncolour: red"),
                                        "f",
                                        false))
                .hasMessage(
                        "template 'team-health': unknown field 'colour'; expected description, id, questions, title");
        assertThatThrownBy(() -> TemplateParser.parse("id: [unclosed", "broken.yaml", false))
                .hasMessageStartingWith("broken.yaml: not valid YAML");
        assertThatThrownBy(() -> TemplateParser.parse("id: x\ntitle: X\nquestions: []", "f", false))
                .hasMessage("template 'x': 'questions' must be a non-empty list");
    }

    @Test
    void theBuiltInsLoadAndCoverTheirDimensions() {
        Templates t = Templates.builtIn();
        assertThat(t.all())
                .extracting(Template::id)
                .containsExactly("devex-quarterly", "dora-quick-check", "platform-experience");
        assertThat(t.get("devex-quarterly").orElseThrow().questions())
                .extracting(Question::dimension)
                .contains("feedback_loops", "cognitive_load", "flow", "satisfaction");
        assertThat(t.get("devex-quarterly").orElseThrow().questions())
                .extracting(Question::type)
                .contains(QuestionType.NPS);
        assertThat(t.get("dora-quick-check").orElseThrow().questions())
                .extracting(Question::id)
                .containsExactly(
                        "lead_time",
                        "deployment_frequency",
                        "change_fail",
                        "recovery_time",
                        "rework");
        assertThat(t.get("platform-experience").orElseThrow().questions())
                .extracting(Question::dimension)
                .contains("platform_usage", "self_service", "platform_satisfaction");
    }

    @Test
    void customTemplatesAreKeptAsFilesAndCannotReplaceABuiltIn(@TempDir Path dir) throws Exception {
        Templates t = Templates.load(dir);
        t.add(VALID);
        assertThat(Files.readString(dir.resolve("team-health.yaml"))).isEqualTo(VALID);
        assertThat(Templates.load(dir).get("team-health")).isPresent();
        assertThatThrownBy(() -> t.add(VALID.replace("id: team-health", "id: devex-quarterly")))
                .hasMessage(
                        "template: id 'devex-quarterly' is a built-in template; choose another");
        Files.writeString(dir.resolve("broken.yaml"), VALID.replace("type: nps", "type: stars"));
        assertThatThrownBy(() -> Templates.load(dir))
                .hasMessage(
                        dir.resolve("broken.yaml")
                                + ": template 'team-health', question 2 ('enps'): unknown type"
                                + " 'stars'; expected one of likert5, nps, single_choice, number,"
                                + " free_text");
    }
}
