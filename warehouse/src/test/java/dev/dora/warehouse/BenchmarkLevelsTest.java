package dev.dora.warehouse;

import static dev.dora.warehouse.BenchmarkTable.Metric.CHANGE_FAILURE_RATE;
import static dev.dora.warehouse.BenchmarkTable.Metric.DEPLOYMENT_FREQUENCY;
import static dev.dora.warehouse.BenchmarkTable.Metric.LEAD_TIME;
import static dev.dora.warehouse.BenchmarkTable.Metric.RECOVERY_TIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The levels of METRICS.md's benchmark tables at their boundaries. */
class BenchmarkLevelsTest {
    private final BenchmarkTables tables = BenchmarkTables.builtIn();

    @Test
    void dora2024() {
        BenchmarkTable t = tables.get("dora-2024");
        assertThat(t.level(DEPLOYMENT_FREQUENCY, 1.0)).isEqualTo("elite");
        assertThat(t.level(DEPLOYMENT_FREQUENCY, 0.99)).isEqualTo("high");
        assertThat(t.level(DEPLOYMENT_FREQUENCY, 0.1)).isEqualTo("medium");
        assertThat(t.level(DEPLOYMENT_FREQUENCY, 0.02)).isEqualTo("low");
        assertThat(t.level(LEAD_TIME, 86400.0)).isEqualTo("elite");
        assertThat(t.level(LEAD_TIME, 86401.0)).isEqualTo("high");
        assertThat(t.level(LEAD_TIME, 3_000_000.0)).isEqualTo("low");
        assertThat(t.level(CHANGE_FAILURE_RATE, 0.05)).isEqualTo("elite");
        assertThat(t.level(CHANGE_FAILURE_RATE, 0.0501)).isEqualTo("high");
        assertThat(t.level(CHANGE_FAILURE_RATE, 0.20)).isEqualTo("high");
        assertThat(t.level(CHANGE_FAILURE_RATE, 0.21)).isEqualTo("low");
        assertThat(t.level(RECOVERY_TIME, 3600.0)).isEqualTo("elite");
        assertThat(t.level(RECOVERY_TIME, 50_000.0)).isEqualTo("high");
        assertThat(t.level(RECOVERY_TIME, 100_000.0)).isEqualTo("low");
        assertThat(t.level(RECOVERY_TIME, null)).isNull();
    }

    @Test
    void dora2023() {
        BenchmarkTable t = tables.get("dora-2023");
        assertThat(t.level(CHANGE_FAILURE_RATE, 0.12)).isEqualTo("medium");
        assertThat(t.level(CHANGE_FAILURE_RATE, 0.16)).isEqualTo("low");
        assertThat(t.level(RECOVERY_TIME, 100_000.0)).isEqualTo("medium");
        assertThat(t.level(DEPLOYMENT_FREQUENCY, 0.142857142857)).isEqualTo("high");
    }

    @Test
    void userDefinedTableFromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ours.yaml");
        StringBuilder yaml = new StringBuilder("name: ours\n");
        for (String metric : new String[] {"lead_time", "change_failure_rate", "recovery_time"}) {
            yaml.append(metric).append(":\n  - {level: good, at_most: 10}\n  - {level: poor}\n");
        }
        yaml.append("deployment_frequency:\n  - {level: good, at_least: 2}\n  - {level: poor}\n");
        Files.writeString(file, yaml);

        BenchmarkTables more = tables.withFile(file);

        assertThat(more.names()).containsExactly("dora-2023", "dora-2024", "ours");
        assertThat(more.get("ours").level(LEAD_TIME, 11.0)).isEqualTo("poor");
        assertThat(more.get("ours").level(DEPLOYMENT_FREQUENCY, 2.0)).isEqualTo("good");
    }

    @Test
    void errorsNameTheProblem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(
                file,
                "name: bad\ndeployment_frequency:\n  - {level: good, at_least: 1}\n"
                        + "  - {level: poor}\nlead_time:\n  - {level: good, at_most: fast}\n");
        Path missing = dir.resolve("missing.yaml");
        Files.writeString(missing, "name: missing\n");

        assertThatThrownBy(() -> tables.withFile(file))
                .hasMessageContaining("bad.yaml: lead_time[0].at_most is not a number");
        assertThatThrownBy(() -> tables.withFile(missing))
                .hasMessageContaining("missing.yaml: missing list 'deployment_frequency'");
        assertThatThrownBy(() -> tables.get("dora-1999"))
                .hasMessage("unknown benchmark 'dora-1999'; known: dora-2023, dora-2024");
    }
}
