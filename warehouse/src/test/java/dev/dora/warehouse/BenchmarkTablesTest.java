package dev.dora.warehouse;

import static dev.dora.warehouse.BenchmarkTable.Metric.CHANGE_FAILURE_RATE;
import static dev.dora.warehouse.BenchmarkTable.Metric.DEPLOYMENT_FREQUENCY;
import static dev.dora.warehouse.BenchmarkTable.Metric.LEAD_TIME;
import static dev.dora.warehouse.BenchmarkTable.Metric.RECOVERY_TIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dora.warehouse.BenchmarkTable.LevelBound;
import dev.dora.warehouse.BenchmarkTable.Metric;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The levels METRICS.md documents, asserted at the boundaries of every bound, and the checks that
 * keep a broken table from reaching the dashboard.
 */
class BenchmarkTablesTest {
    private static final BenchmarkTables TABLES = BenchmarkTables.builtIn();

    /** A valid user-defined table; the error tests break one line of it at a time. */
    private static final String CUSTOM =
            """
            name: acme-targets
            source: ACME engineering targets 2026
            rule: first level from elite to low whose bound the value meets
            deployment_frequency:
              - {level: elite, at_least: 2, published: "Twice a day"}
              - {level: high, at_least: 0.5, published: "Every other day"}
              - {level: medium, at_least: 0.1, published: "Every ten days"}
              - {level: low, published: "Less often"}
            lead_time:
              - {level: elite, at_most: 3600, published: "An hour"}
              - {level: high, at_most: 86400, published: "A day"}
              - {level: medium, at_most: null, published: "A day", note: "same as high"}
              - {level: low, published: "Longer"}
            change_failure_rate:
              - {level: elite, at_most: 0.01, published: "1%"}
              - {level: high, at_most: 0.02, published: "2%"}
              - {level: medium, at_most: 0.03, published: "3%"}
              - {level: low, published: "More"}
            recovery_time:
              - {level: elite, at_most: 600, published: "Ten minutes"}
              - {level: high, at_most: 1800, published: "Half an hour"}
              - {level: medium, at_most: 7200, published: "Two hours"}
              - {level: low, published: "Longer"}
            """;

    @ParameterizedTest(name = "{0} {1} = {2} -> {3}")
    @CsvSource({
        // deployments per day, at least
        "dora-2024, DEPLOYMENT_FREQUENCY, 5.0, elite",
        "dora-2024, DEPLOYMENT_FREQUENCY, 1.0, elite",
        "dora-2024, DEPLOYMENT_FREQUENCY, 0.99, high",
        "dora-2024, DEPLOYMENT_FREQUENCY, 0.142857142857, high",
        "dora-2024, DEPLOYMENT_FREQUENCY, 0.14285714285, medium",
        "dora-2024, DEPLOYMENT_FREQUENCY, 0.1, medium",
        "dora-2024, DEPLOYMENT_FREQUENCY, 0.0333333333333, medium",
        "dora-2024, DEPLOYMENT_FREQUENCY, 0.033333333333, low",
        "dora-2024, DEPLOYMENT_FREQUENCY, 0.02, low",
        "dora-2024, DEPLOYMENT_FREQUENCY, 0.0, low",
        "dora-2023, DEPLOYMENT_FREQUENCY, 1.0, elite",
        "dora-2023, DEPLOYMENT_FREQUENCY, 0.99, high",
        "dora-2023, DEPLOYMENT_FREQUENCY, 0.142857142857, high",
        "dora-2023, DEPLOYMENT_FREQUENCY, 0.1, medium",
        "dora-2023, DEPLOYMENT_FREQUENCY, 0.02, low",
        // lead time, seconds, at most
        "dora-2024, LEAD_TIME, 0.0, elite",
        "dora-2024, LEAD_TIME, 86399, elite",
        "dora-2024, LEAD_TIME, 86400, elite",
        "dora-2024, LEAD_TIME, 86401, high",
        "dora-2024, LEAD_TIME, 604800, high",
        "dora-2024, LEAD_TIME, 604801, medium",
        "dora-2024, LEAD_TIME, 2592000, medium",
        "dora-2024, LEAD_TIME, 2592001, low",
        "dora-2023, LEAD_TIME, 86399, elite",
        "dora-2023, LEAD_TIME, 86400, elite",
        "dora-2023, LEAD_TIME, 86401, high",
        "dora-2023, LEAD_TIME, 604801, medium",
        "dora-2023, LEAD_TIME, 2592001, low",
        // change failure rate, fraction, at most; 2024 medium is unreachable
        "dora-2024, CHANGE_FAILURE_RATE, 0.0, elite",
        "dora-2024, CHANGE_FAILURE_RATE, 0.05, elite",
        "dora-2024, CHANGE_FAILURE_RATE, 0.0501, high",
        "dora-2024, CHANGE_FAILURE_RATE, 0.10, high",
        "dora-2024, CHANGE_FAILURE_RATE, 0.12, high",
        "dora-2024, CHANGE_FAILURE_RATE, 0.20, high",
        "dora-2024, CHANGE_FAILURE_RATE, 0.21, low",
        "dora-2024, CHANGE_FAILURE_RATE, 1.0, low",
        "dora-2023, CHANGE_FAILURE_RATE, 0.05, elite",
        "dora-2023, CHANGE_FAILURE_RATE, 0.0501, high",
        "dora-2023, CHANGE_FAILURE_RATE, 0.10, high",
        "dora-2023, CHANGE_FAILURE_RATE, 0.12, medium",
        "dora-2023, CHANGE_FAILURE_RATE, 0.15, medium",
        "dora-2023, CHANGE_FAILURE_RATE, 0.16, low",
        // recovery time, seconds, at most; 2024 medium is unreachable
        "dora-2024, RECOVERY_TIME, 3599, elite",
        "dora-2024, RECOVERY_TIME, 3600, elite",
        "dora-2024, RECOVERY_TIME, 3601, high",
        "dora-2024, RECOVERY_TIME, 50000, high",
        "dora-2024, RECOVERY_TIME, 86400, high",
        "dora-2024, RECOVERY_TIME, 86401, low",
        "dora-2024, RECOVERY_TIME, 100000, low",
        "dora-2023, RECOVERY_TIME, 3600, elite",
        "dora-2023, RECOVERY_TIME, 50000, high",
        "dora-2023, RECOVERY_TIME, 86401, medium",
        "dora-2023, RECOVERY_TIME, 100000, medium",
        "dora-2023, RECOVERY_TIME, 604800, medium",
        "dora-2023, RECOVERY_TIME, 604801, low",
    })
    void levelAtTheBoundaries(String table, Metric metric, double value, String level) {
        assertThat(TABLES.get(table).level(metric, value)).isEqualTo(level);
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void noValueHasNoLevel(Metric metric) {
        for (String name : TABLES.names()) {
            assertThat(TABLES.get(name).level(metric, null)).isNull();
        }
    }

    @Test
    void builtInTablesKeepThePublishedWording() {
        BenchmarkTable t2023 = TABLES.get("dora-2023");
        assertThat(t2023.source()).isEqualTo("Accelerate State of DevOps Report 2023");
        assertThat(t2023.levels(DEPLOYMENT_FREQUENCY))
                .extracting(LevelBound::published)
                .containsExactly(
                        "On demand (multiple deploys per day)",
                        "Between once per day and once per week",
                        "Between once per week and once per month",
                        "Between once per week and once per month");
        assertThat(t2023.levels(CHANGE_FAILURE_RATE))
                .extracting(LevelBound::bound)
                .containsExactly(0.05, 0.10, 0.15, null);

        BenchmarkTable t2024 = TABLES.get("dora-2024");
        assertThat(t2024.source()).isEqualTo("2024 Accelerate State of DevOps Report (DORA)");
        assertThat(t2024.rule()).isNotBlank();
        LevelBound cfrMedium = t2024.levels(CHANGE_FAILURE_RATE).get(2);
        assertThat(cfrMedium.level()).isEqualTo("medium");
        assertThat(cfrMedium.published()).isEqualTo("10%");
        assertThat(cfrMedium.bound()).isNull();
        assertThat(cfrMedium.note()).contains("reported as high");
        LevelBound recoveryMedium = t2024.levels(RECOVERY_TIME).get(2);
        assertThat(recoveryMedium.published()).isEqualTo("Less than one day");
        assertThat(recoveryMedium.bound()).isNull();
        assertThat(recoveryMedium.note()).startsWith("Unreachable");
        assertThat(t2024.levels(LEAD_TIME))
                .extracting(LevelBound::level)
                .containsExactly("elite", "high", "medium", "low");
        assertThat(t2024.levels(DEPLOYMENT_FREQUENCY).get(1).bound()).isEqualTo(0.142857142857);
    }

    @Test
    void namesAndDefault() {
        assertThat(TABLES.names()).containsExactly("dora-2023", "dora-2024");
        assertThat(TABLES.defaultName()).isEqualTo("dora-2024");
        assertThat(TABLES.get(TABLES.defaultName()).name()).isEqualTo("dora-2024");
        assertThatThrownBy(() -> TABLES.get("dora-1999"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown benchmark 'dora-1999'; known: dora-2023, dora-2024");
    }

    @Test
    void userDefinedTableFromAFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("acme.yaml"), CUSTOM);

        BenchmarkTables more = TABLES.withFile(file);

        assertThat(more.names()).containsExactly("dora-2023", "dora-2024", "acme-targets");
        assertThat(TABLES.names()).containsExactly("dora-2023", "dora-2024");
        BenchmarkTable t = more.get("acme-targets");
        assertThat(t.source()).isEqualTo("ACME engineering targets 2026");
        assertThat(t.level(DEPLOYMENT_FREQUENCY, 2.0)).isEqualTo("elite");
        assertThat(t.level(DEPLOYMENT_FREQUENCY, 1.0)).isEqualTo("high");
        assertThat(t.level(LEAD_TIME, 3600.0)).isEqualTo("elite");
        assertThat(t.level(LEAD_TIME, 86400.0)).isEqualTo("high");
        assertThat(t.level(LEAD_TIME, 86401.0)).isEqualTo("low");
        assertThat(t.level(CHANGE_FAILURE_RATE, 0.025)).isEqualTo("medium");
        assertThat(t.level(RECOVERY_TIME, 7201.0)).isEqualTo("low");
        assertThat(t.level(RECOVERY_TIME, null)).isNull();
        assertThat(more.get("dora-2024").level(CHANGE_FAILURE_RATE, 0.12)).isEqualTo("high");
        assertThatThrownBy(() -> more.get("nope"))
                .hasMessage("unknown benchmark 'nope'; known: dora-2023, dora-2024, acme-targets");
    }

    @Test
    void aUserTableMayNotTakeATakenName(@TempDir Path dir) throws Exception {
        Path file =
                Files.writeString(
                        dir.resolve("x.yaml"), CUSTOM.replace("acme-targets", "dora-2024"));
        assertThatThrownBy(() -> TABLES.withFile(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        file
                                + ": field 'name' is 'dora-2024', a built-in table's name; choose another");

        Path first = Files.writeString(dir.resolve("a.yaml"), CUSTOM);
        Path second = Files.writeString(dir.resolve("b.yaml"), CUSTOM);
        BenchmarkTables once = TABLES.withFile(first);
        assertThatThrownBy(() -> once.withFile(second))
                .hasMessage(second + ": field 'name' is 'acme-targets', already defined");
    }

    @Test
    void anUnreadableFileIsAnIoError(@TempDir Path dir) {
        assertThatThrownBy(() -> TABLES.withFile(dir.resolve("absent.yaml")))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining("absent.yaml");
    }

    @Test
    void topLevelFields() {
        assertRejected("name: acme-targets\n", "", "t.yaml: missing field 'name'");
        assertRejected(
                "source: ACME engineering targets 2026",
                "source: 2026",
                "t.yaml: field 'source' is not a non-empty text");
        assertRejected(
                "rule: first level from elite to low whose bound the value meets\n",
                "",
                "t.yaml: missing field 'rule'");
        assertRejected(
                "name: acme-targets\n",
                "name: acme-targets\nowner: me\n",
                "t.yaml: unknown field 'owner'; expected name, source, rule,"
                        + " deployment_frequency, lead_time, change_failure_rate, recovery_time");
        assertRejected(
                "lead_time:",
                "lead_times:",
                "t.yaml: unknown field 'lead_times'; expected name, source, rule,"
                        + " deployment_frequency, lead_time, change_failure_rate, recovery_time");
    }

    @Test
    void levelFields() {
        assertRejected(
                "{level: elite, at_most: 3600, published: \"An hour\"}",
                "{at_most: 3600, published: \"An hour\"}",
                "t.yaml: missing field 'lead_time[0].level'");
        assertRejected(
                "{level: elite, at_most: 3600, published: \"An hour\"}",
                "{level: elite, at_most: fast, published: \"An hour\"}",
                "t.yaml: field 'lead_time[0].at_most' is not a number of at least 0: fast");
        assertRejected(
                "{level: elite, at_most: 3600, published: \"An hour\"}",
                "{level: elite, at_most: -1, published: \"An hour\"}",
                "t.yaml: field 'lead_time[0].at_most' is not a number of at least 0: -1");
        assertRejected(
                "{level: elite, at_most: 3600, published: \"An hour\"}",
                "{level: elite, published: \"An hour\"}",
                "t.yaml: missing field 'lead_time[0].at_most' (null, with a note, for a level"
                        + " that cannot be reached)");
        assertRejected(
                "{level: elite, at_most: 3600, published: \"An hour\"}",
                "{level: elite, at_most: 3600}",
                "t.yaml: missing field 'lead_time[0].published'");
        assertRejected(
                "{level: elite, at_least: 2, published: \"Twice a day\"}",
                "{level: elite, at_most: 2, published: \"Twice a day\"}",
                "t.yaml: field 'deployment_frequency[0].at_most' is not allowed;"
                        + " deployment_frequency bounds are at_least");
        assertRejected(
                "{level: elite, at_least: 2, published: \"Twice a day\"}",
                "{level: elite, at_least: 2, published: \"Twice a day\", colour: green}",
                "t.yaml: unknown field 'deployment_frequency[0].colour'; expected level,"
                        + " at_least, published, note");
        assertRejected(
                ", note: \"same as high\"",
                "",
                "t.yaml: field 'lead_time[2].note' is missing; a level whose bound is null needs"
                        + " a note saying why it cannot be reached");
    }

    @Test
    void boundsThatWouldMakeALevelUnreachable() {
        assertRejected(
                "{level: medium, at_most: 7200, published: \"Two hours\"}",
                "{level: medium, at_most: 1800, published: \"Two hours\"}",
                "t.yaml: field 'recovery_time[2].at_most' (1800.0) must be above"
                        + " 'recovery_time[1].at_most' (1800.0), or the level can never be chosen;"
                        + " give it null and a note");
        assertRejected(
                "{level: high, at_least: 0.5, published: \"Every other day\"}",
                "{level: high, at_least: 3, published: \"Every other day\"}",
                "t.yaml: field 'deployment_frequency[1].at_least' (3.0) must be below"
                        + " 'deployment_frequency[0].at_least' (2.0), or the level can never be"
                        + " chosen; give it null and a note");
    }

    @Test
    void duplicateLevel() {
        assertRejected(
                "  - {level: high, at_most: 0.02, published: \"2%\"}\n",
                "  - {level: high, at_most: 0.02, published: \"2%\"}\n"
                        + "  - {level: high, at_most: 0.025, published: \"2.5%\"}\n",
                "t.yaml: field 'change_failure_rate' has levels elite, high, high, medium, low;"
                        + " expected exactly elite, high, medium, low in that order");
    }

    @Test
    void missingMetric() {
        String yaml = CUSTOM.substring(0, CUSTOM.indexOf("recovery_time:"));
        assertThatThrownBy(() -> parse(yaml))
                .hasMessage(
                        "t.yaml: missing metric 'recovery_time' (a list of levels elite, high,"
                                + " medium, low)");
    }

    @Test
    void missingLevel() {
        String yaml = CUSTOM.replace("  - {level: medium, at_most: 0.03, published: \"3%\"}\n", "");
        assertThatThrownBy(() -> parse(yaml))
                .hasMessage("t.yaml: field 'change_failure_rate' is missing level 'medium'");
    }

    @Test
    void levelsOutOfOrder() {
        String yaml =
                CUSTOM.replace(
                        "  - {level: elite, at_most: 600, published: \"Ten minutes\"}\n"
                                + "  - {level: high, at_most: 1800, published: \"Half an hour\"}\n",
                        "  - {level: high, at_most: 1800, published: \"Half an hour\"}\n"
                                + "  - {level: elite, at_most: 600, published: \"Ten minutes\"}\n");
        assertThat(yaml).isNotEqualTo(CUSTOM);
        assertThatThrownBy(() -> parse(yaml))
                .hasMessage(
                        "t.yaml: field 'recovery_time' has levels high, elite, medium, low;"
                                + " expected exactly elite, high, medium, low in that order");
    }

    @Test
    void boundNotANumber() {
        String yaml = CUSTOM.replace("at_least: 0.5", "at_least: \"0.5\"");
        assertThatThrownBy(() -> parse(yaml))
                .hasMessage(
                        "t.yaml: field 'deployment_frequency[1].at_least' is not a number of at"
                                + " least 0: 0.5");
    }

    @Test
    void lastLevelWithABound() {
        String yaml =
                CUSTOM.replace(
                        "  - {level: low, published: \"Less often\"}",
                        "  - {level: low, at_least: 0, published: \"Less often\"}");
        assertThatThrownBy(() -> parse(yaml))
                .hasMessage(
                        "t.yaml: field 'deployment_frequency[3].at_least' must be absent: the last"
                                + " level takes every other value");
    }

    @Test
    void notATable() {
        assertThatThrownBy(() -> parse(""))
                .hasMessage(
                        "t.yaml: expected a mapping with name, source, rule and the four metrics");
        assertThatThrownBy(() -> parse("- a\n- b\n"))
                .hasMessage(
                        "t.yaml: expected a mapping with name, source, rule and the four metrics");
        assertThatThrownBy(() -> parse("name: [unclosed\n"))
                .hasMessageStartingWith("t.yaml: not valid YAML: ");
        assertThatThrownBy(() -> parse(CUSTOM + "name: again\n"))
                .hasMessageStartingWith("t.yaml: not valid YAML: ")
                .hasMessageContaining("name");
        assertThatThrownBy(
                        () ->
                                parse(
                                        CUSTOM.substring(0, CUSTOM.indexOf("recovery_time:"))
                                                + "recovery_time: soon\n"))
                .hasMessage("t.yaml: field 'recovery_time' is not a list of levels");
    }

    @Test
    void theUserTableParsesAsIs() {
        assertThat(parse(CUSTOM).levels(LEAD_TIME).get(2))
                .isEqualTo(new LevelBound("medium", null, "A day", "same as high"));
    }

    /** Replaces one unique piece of the valid table and expects the message. */
    private static void assertRejected(String piece, String replacement, String message) {
        assertThat(CUSTOM.indexOf(piece)).as(piece).isNotNegative();
        assertThat(CUSTOM.indexOf(piece)).as(piece).isEqualTo(CUSTOM.lastIndexOf(piece));
        String yaml = CUSTOM.replace(piece, replacement);
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    private static BenchmarkTable parse(String yaml) {
        return BenchmarkTable.parse(
                "t.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }
}
