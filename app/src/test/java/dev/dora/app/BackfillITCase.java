package dev.dora.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dora backfill} on the real stack's data: the timeline of {@link DoraTimelineITCase} is
 * delivered, the pipeline stopped, every fact table rebuilt from the raw archive (all of it, then
 * from today on), and the pipeline started again: every answer is the same as before.
 */
class BackfillITCase {
    private static final String PERIOD = "from=2026-03-01&to=2026-03-07";
    private static final List<String> PATHS =
            List.of(
                    "/api/v1/dora?" + PERIOD,
                    "/api/v1/dora?" + PERIOD + "&service=acme/shop",
                    "/api/v1/dora?" + PERIOD + "&service=acme/search",
                    "/api/v1/deployments?" + PERIOD,
                    "/api/v1/incidents?" + PERIOD);

    @TempDir Path tmp;

    @Test
    void rebuiltTablesGiveTheSameAnswers() throws Exception {
        Path data = tmp.resolve("data");
        Map<String, JsonNode> before = new java.util.LinkedHashMap<>();
        String surveyResults;
        try (RunningDora dora = new RunningDora(data)) {
            for (DoraTimelineITCase.Delivery d : DoraTimelineITCase.timeline()) {
                d.send(dora);
            }
            dora.awaitTimeline();
            for (String p : PATHS) {
                before.put(p, dora.get(p));
            }
            // Survey responses are rebuilt from the archive too.
            JsonNode survey =
                    new com.fasterxml.jackson.databind.ObjectMapper()
                            .readTree(
                                    dora.post(
                                                    "/api/v1/surveys",
                                                    "{\"template\":\"devex-quarterly\",\"title\":\"Q\","
                                                            + "\"closes_on\":\""
                                                            + LocalDate.now(ZoneOffset.UTC)
                                                                    .plusDays(7)
                                                            + "\",\"teams\":{\"commerce\":5}}",
                                                    true)
                                            .body());
            for (int i = 0; i < 5; i++) {
                assertThat(
                                dora.post(
                                                survey.at("/links/" + i + "/path").asText(),
                                                "{\"answers\":{\"enps\":" + (6 + i) + "}}",
                                                false)
                                        .statusCode())
                        .isEqualTo(201);
            }
            surveyResults = "/api/v1/surveys/" + survey.get("id").asText() + "/results";
            before.put(
                    surveyResults,
                    dora.await(
                            surveyResults,
                            j -> j.at("/participation/respondents").asInt() == 5,
                            Duration.ofSeconds(60)));
            // A running pipeline holds the data directory: no backfill beside it.
            assertThatThrownBy(() -> Backfill.run(config(data), null, System.out))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another dora process");
        }

        List<Path> factFilesBefore = parquetFiles(data.resolve("warehouse/deployments"));
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        long all = Backfill.run(config(data), null, new PrintStream(progress, true, "UTF-8"));
        long today =
                Backfill.run(
                        config(data), LocalDate.now(ZoneOffset.UTC), new PrintStream(progress));

        // From tomorrow: nothing to process; every fact, survey answers included, is kept.
        long tomorrow =
                Backfill.run(
                        config(data),
                        LocalDate.now(ZoneOffset.UTC).plusDays(1),
                        new PrintStream(progress));

        assertThat(all).isEqualTo(DoraTimelineITCase.timeline().size() + 5);
        assertThat(today).isEqualTo(all);
        assertThat(tomorrow).isZero();
        // The tables were really rewritten: none of the old fact files is left.
        assertThat(parquetFiles(data.resolve("warehouse/deployments")))
                .isNotEmpty()
                .doesNotContainAnyElementsOf(factFilesBefore);
        assertThat(progress.toString(StandardCharsets.UTF_8))
                .contains("32/32 envelopes (100%)")
                .contains("backfill: done");
        try (RunningDora dora = new RunningDora(data)) {
            for (var e : before.entrySet()) {
                dora.await(e.getKey(), e.getValue()::equals, Duration.ofSeconds(30));
            }
        }
    }

    private static List<Path> parquetFiles(Path dir) throws java.io.IOException {
        try (var files = java.nio.file.Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".parquet"))
                    .map(dir::relativize)
                    .toList();
        }
    }

    private static DoraConfig config(Path data) {
        return DoraConfig.load(
                null,
                Map.of(
                        "DORA_ADMIN_TOKEN", RunningDora.ADMIN_TOKEN,
                        "DORA_GITHUB_SECRET", RunningDora.GITHUB_SECRET,
                        "DORA_GENERIC_SECRET", RunningDora.GENERIC_SECRET),
                null,
                data);
    }
}
