package dev.dora.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The whole embedded stack started as {@code dora up} starts it (real Kafka broker, Flink
 * MiniCluster, Parquet, DuckDB, HTTP server) on a data directory and a random port.
 */
final class RunningDora implements AutoCloseable {
    static final String ADMIN_TOKEN = "test-admin-token-0123456789";
    static final String GITHUB_SECRET = "test-github-secret";
    static final String GENERIC_SECRET = "test-generic-secret";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final EmbeddedRuntime runtime;
    final String baseUrl;
    final Timeline timeline;
    private final HttpClient http = HttpClient.newHttpClient();

    RunningDora(Path dataDir) throws IOException {
        this(dataDir, "");
    }

    /** With more lines of {@code dora.yaml} (for example a {@code teams:} block). */
    RunningDora(Path dataDir, String moreYaml) throws IOException {
        Path yaml = dataDir.resolveSibling(dataDir.getFileName() + "-dora.yaml");
        // A 1 s checkpoint interval keeps the test quick; the default is 2 s.
        Files.writeString(yaml, "port: 0\nflink:\n  checkpoint_interval: 1s\n" + moreYaml);
        DoraConfig config =
                DoraConfig.load(
                        yaml,
                        Map.of(
                                "DORA_ADMIN_TOKEN",
                                ADMIN_TOKEN,
                                "DORA_GITHUB_SECRET",
                                GITHUB_SECRET,
                                "DORA_GENERIC_SECRET",
                                GENERIC_SECRET),
                        null,
                        dataDir);
        runtime = EmbeddedRuntime.start(config);
        baseUrl = "http://127.0.0.1:" + runtime.port();
        timeline = new Timeline(baseUrl, GITHUB_SECRET);
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + path))
                                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return MAPPER.readTree(r.body());
    }

    /** POSTs JSON, with the admin token when {@code admin}; returns the answer as it is. */
    HttpResponse<String> post(String path, String json, boolean admin)
            throws IOException, InterruptedException {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json));
        if (admin) {
            b.header("Authorization", "Bearer " + ADMIN_TOKEN);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls until the answer satisfies the condition (the pipeline is asynchronous). */
    JsonNode await(String path, Predicate<JsonNode> condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = get(path);
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(
                "no answer satisfied the condition in " + timeout + "; last: " + last);
    }

    /** Waits until the whole timeline of {@link DoraTimelineITCase} is counted in its week. */
    JsonNode awaitTimeline() throws Exception {
        return await(
                "/api/v1/dora?from=2026-03-01&to=2026-03-07",
                j ->
                        j.at("/deployment_frequency/deployments").asLong() == 7
                                && j.at("/lead_time/changes").asLong() == 9
                                && j.at("/change_failure_rate/failed").asLong() == 3
                                && j.at("/data_quality/unattributed_incidents").asLong() == 1,
                Duration.ofSeconds(90));
    }

    @Override
    public void close() {
        runtime.close();
    }
}
