package dev.dora.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Webhook secrets come from {@code DORA_<SOURCE>_SECRET}, one per source, and are never shown. */
class DoraConfigTest {

    @Test
    void everySourcesSecretIsReadFromItsOwnVariable() {
        Map<String, String> env =
                Map.of(
                        "DORA_GITHUB_SECRET", "gh",
                        "DORA_GITLAB_SECRET", "gl",
                        "DORA_BITBUCKET_SECRET", "bb",
                        "DORA_CIRCLECI_SECRET", "cc",
                        "DORA_PAGERDUTY_SECRET", "pd",
                        "DORA_OPSGENIE_SECRET", "og",
                        "DORA_CDEVENTS_SECRET", "cd",
                        "DORA_GENERIC_SECRET", "ge");

        DoraConfig config = DoraConfig.load(null, env, 0, Path.of("target/data-config-test"));

        assertThat(config.webhookSecrets())
                .containsExactly(
                        Map.entry("github", "gh"),
                        Map.entry("gitlab", "gl"),
                        Map.entry("bitbucket", "bb"),
                        Map.entry("circleci", "cc"),
                        Map.entry("pagerduty", "pd"),
                        Map.entry("opsgenie", "og"),
                        Map.entry("cdevents", "cd"),
                        Map.entry("generic", "ge"));
        assertThat(config.toString()).doesNotContain("gh", "pd");
    }

    @Test
    void metricSettingsFromTheFileWithTheBenchmarkTableBesideIt(
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("ours.yaml"), "name: ours\n");
        Path yaml = dir.resolve("dora.yaml");
        java.nio.file.Files.writeString(
                yaml,
                "metrics:\n  incident_window: 12h\n  hotfix_pattern: '^fix/'\n"
                        + "  benchmark_file: ours.yaml\n");

        DoraConfig config = DoraConfig.load(yaml, Map.of(), 0, dir.resolve("data"));

        assertThat(config.incidentWindow()).isEqualTo(java.time.Duration.ofHours(12));
        assertThat(config.hotfixPattern().pattern()).isEqualTo("^fix/");
        assertThat(config.benchmarkFile()).isEqualTo(dir.resolve("ours.yaml"));
    }

    @Test
    void unsetOrBlankVariablesLeaveTheSourceToAGeneratedSecret() {
        Map<String, String> env = Map.of("DORA_GITLAB_SECRET", "gl", "DORA_GITHUB_SECRET", " ");

        DoraConfig config = DoraConfig.load(null, env, 0, Path.of("target/data-config-test"));

        assertThat(config.webhookSecrets()).isEqualTo(Map.of("gitlab", "gl"));
    }

    @Test
    void bannerLineSaysWhereEachSecretIs() {
        String base = "http://127.0.0.1:8080";
        Path file = Path.of("data/secrets/gitlab");

        assertThat(
                        UpCommand.webhookLine(
                                base, "gitlab", new Secrets.Secret("abc123", file, true, false)))
                .isEqualTo(
                        "    gitlab     http://127.0.0.1:8080/webhooks/gitlab     secret abc123"
                                + "   (generated; kept in data/secrets/gitlab)");
        assertThat(
                        UpCommand.webhookLine(
                                base, "pagerduty", new Secrets.Secret("x", file, false, true)))
                .isEqualTo(
                        "    pagerduty  http://127.0.0.1:8080/webhooks/pagerduty  secret from"
                                + " DORA_PAGERDUTY_SECRET");
        assertThat(
                        UpCommand.webhookLine(
                                base, "generic", new Secrets.Secret("x", file, false, false)))
                .endsWith("secret in data/secrets/gitlab")
                .doesNotContain(" x ");
    }

    @Test
    void compactionRunsEveryTenMinutesOnFilesTenMinutesOldAndKeepsTheArchiveForever() {
        DoraConfig config = DoraConfig.load(null, Map.of(), 0, Path.of("target/data-config-test"));

        assertThat(config.compactionInterval()).isEqualTo(java.time.Duration.ofMinutes(10));
        assertThat(config.compactionSettings())
                .isEqualTo(
                        new dev.dora.warehouse.compaction.CompactionSettings(
                                java.time.Duration.ofMinutes(10), null));
    }

    @Test
    void compactionSettingsFromTheFile(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path yaml = dir.resolve("dora.yaml");
        java.nio.file.Files.writeString(
                yaml,
                "warehouse:\n  compaction_interval: 0\n  compaction_min_age: 0\n"
                        + "  raw_retention: 400d\n");

        DoraConfig config = DoraConfig.load(yaml, Map.of(), 0, dir.resolve("data"));

        assertThat(config.compactionInterval()).isZero();
        assertThat(config.compactionMinAge()).isZero();
        assertThat(config.rawRetention()).isEqualTo(java.time.Duration.ofDays(400));
    }

    @Test
    void aWrongCompactionValueNamesItsKey(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path yaml = dir.resolve("dora.yaml");
        java.nio.file.Files.writeString(yaml, "warehouse:\n  raw_retention: 0\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> DoraConfig.load(yaml, Map.of(), 0, dir.resolve("data")))
                .isInstanceOf(DoraConfig.ConfigException.class)
                .hasMessage("warehouse.raw_retention must be positive, got 0");
        java.nio.file.Files.writeString(yaml, "warehouse:\n  compaction_interval: often\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> DoraConfig.load(yaml, Map.of(), 0, dir.resolve("data")))
                .isInstanceOf(DoraConfig.ConfigException.class)
                .hasMessage(
                        "warehouse.compaction_interval must be a duration like 2s, 500ms, 24h or"
                                + " 400d, got often");
    }
}
