package dev.dora.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhook secrets come from {@code DORA_<SOURCE>_SECRET}, one per source, and are never shown; the
 * other settings come from the file, and a wrong one is refused naming its key.
 */
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
    void thePlatformPipelinePatternDefaultsToGoldenPathOrPlatformAndMustBeARegex(@TempDir Path dir)
            throws Exception {
        assertThat(DoraConfig.load(null, Map.of(), 0, dir).platformPipelinePattern().pattern())
                .isEqualTo("(?i)golden[-_ ]?path|platform");
        assertThat(
                        EmbeddedRuntime.warehouseConfig(DoraConfig.load(null, Map.of(), 0, dir))
                                .platformPipelinePattern())
                .isEqualTo("(?i)golden[-_ ]?path|platform");
        Path yaml = dir.resolve("dora.yaml");
        Files.writeString(yaml, "adoption:\n  platform_pipeline_pattern: '^paved-'\n");
        DoraConfig config = DoraConfig.load(yaml, Map.of(), 0, dir);
        assertThat(EmbeddedRuntime.warehouseConfig(config).platformPipelinePattern())
                .isEqualTo("^paved-");

        Files.writeString(yaml, "adoption:\n  platform_pipeline_pattern: 'paved(road'\n");
        assertThatThrownBy(() -> DoraConfig.load(yaml, Map.of(), 0, dir))
                .isInstanceOf(DoraConfig.ConfigException.class)
                .hasMessageContaining("adoption.platform_pipeline_pattern");
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

    @Test
    void surveyGroupsHideFewerThanFiveByDefaultAndNeverFewerThanThree(@TempDir Path dir)
            throws Exception {
        Path yaml = dir.resolve("dora.yaml");
        java.nio.file.Files.writeString(yaml, "port: 0\n");
        assertThat(DoraConfig.load(yaml, Map.of(), 0, dir.resolve("data")).surveyMinGroupSize())
                .isEqualTo(5);
        java.nio.file.Files.writeString(yaml, "surveys:\n  min_group_size: 8\n");
        assertThat(DoraConfig.load(yaml, Map.of(), 0, dir.resolve("data")).surveyMinGroupSize())
                .isEqualTo(8);
        java.nio.file.Files.writeString(yaml, "surveys:\n  min_group_size: 2\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> DoraConfig.load(yaml, Map.of(), 0, dir.resolve("data")))
                .isInstanceOf(DoraConfig.ConfigException.class)
                .hasMessage(
                        "surveys.min_group_size must be at least 3 (smaller groups cannot hide"
                                + " who answered), got 2");
    }

    @Test
    void teamsFromTheFileInItsOrderAServiceMayBeShared(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("dora.yaml");
        Files.writeString(
                yaml,
                "port: 0\nteams:\n  commerce: [checkout, payments]\n"
                        + "  discovery:\n    - search\n    - catalog\n    - checkout\n");

        DoraConfig config = DoraConfig.load(yaml, Map.of(), 0, dir.resolve("data"));

        // The team names are not reported as unknown keys.
        assertThat(config.teams())
                .containsExactly(
                        Map.entry("commerce", List.of("checkout", "payments")),
                        Map.entry("discovery", List.of("search", "catalog", "checkout")));
        assertThat(DoraConfig.load(null, Map.of(), 0, dir.resolve("data")).teams()).isEmpty();
    }

    @Test
    void aWrongTeamNamesTheTeam(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("dora.yaml");
        Map<String, String> wrong = new java.util.LinkedHashMap<>();
        wrong.put("teams:\n  commerce: checkout\n", "teams.commerce must be a non-empty list");
        wrong.put("teams:\n  commerce:\n", "teams.commerce must be a non-empty list");
        wrong.put("teams:\n  commerce: []\n", "teams.commerce must be a non-empty list");
        wrong.put("teams:\n  commerce: [checkout, 42]\n", "teams.commerce must list service");
        wrong.put("teams:\n  commerce: [checkout, '']\n", "teams.commerce must list service");
        wrong.put("teams:\n  commerce: [{name: x}]\n", "teams.commerce must list service");
        wrong.put("teams: [checkout, payments]\n", "teams must be a mapping");
        wrong.put("teams:\n  '': [checkout]\n", "teams has a team with an empty name");
        for (Map.Entry<String, String> w : wrong.entrySet()) {
            Files.writeString(yaml, w.getKey());
            assertThatThrownBy(() -> DoraConfig.load(yaml, Map.of(), 0, dir.resolve("data")))
                    .as(w.getKey())
                    .isInstanceOf(DoraConfig.ConfigException.class)
                    .hasMessageStartingWith(w.getValue());
        }
    }

    @Test
    void theDemoBringsItsTeamsUnlessTheFileNamesSome(@TempDir Path dir) throws Exception {
        DoraConfig plain = DoraConfig.load(null, Map.of(), 0, dir.resolve("data"));
        Path yaml = dir.resolve("dora.yaml");
        Files.writeString(yaml, "teams:\n  everyone: [acme/checkout]\n");
        DoraConfig own = DoraConfig.load(yaml, Map.of(), 0, dir.resolve("data"));

        assertThat(UpCommand.withDemoTeams(plain, false).teams()).isEmpty();
        assertThat(UpCommand.withDemoTeams(plain, true).teams())
                .isEqualTo(DemoOrganisation.TEAMS)
                .containsExactly(
                        Map.entry("commerce", List.of("acme/checkout", "acme/payments")),
                        Map.entry("discovery", List.of("acme/search", "acme/catalog")),
                        Map.entry("platform", List.of("acme/notifications", "acme/identity")));
        assertThat(UpCommand.withDemoTeams(own, true).teams())
                .containsExactly(Map.entry("everyone", List.of("acme/checkout")));
        // Every demo repository of one service is in a team; the monorepo's three services have
        // their owners only in the catalog.
        assertThat(
                        DemoOrganisation.generate(
                                        java.time.Instant.parse("2026-03-02T00:00:00Z"), 1)
                                .stream()
                                .map(webhooks -> webhooks.get(0).service())
                                .filter(repo -> !repo.equals(DemoMonorepo.REPO)))
                .containsExactlyInAnyOrderElementsOf(
                        DemoOrganisation.TEAMS.values().stream().flatMap(List::stream).toList());
    }
}
