package dev.dora.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code dora up} started as a user starts it: its own JVM from the shaded jar, with the launcher's
 * JVM options, on a data directory and a free port. Its output goes to {@code
 * target/dora-processes/<name>.log}; failures quote the end of it.
 */
final class DoraProcess implements AutoCloseable {
    /** Built by {@code package}, which runs before failsafe; relative to the app module. */
    static final Path JAR = Path.of("target", "dora.jar");

    private static final Path LOGS = Path.of("target", "dora-processes");

    final String baseUrl;
    final Timeline timeline;
    private final Process process;
    private final Path log;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private DoraProcess(Process process, String baseUrl, Path log) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
        this.timeline = new Timeline(baseUrl, RunningDora.GITHUB_SECRET);
    }

    /** Starts {@code dora up --data data --port <free>}; returns once it is launched. */
    static DoraProcess start(Path data, String name) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(
                    JAR.toAbsolutePath()
                            + " is missing: it is built by `./mvnw package` (verify runs it"
                            + " before the integration tests)");
        }
        Path tmp = data.resolve("tmp").resolve("jvm").toAbsolutePath();
        Files.createDirectories(tmp); // as the launcher does
        Files.createDirectories(LOGS);
        Path log = LOGS.resolve(name + ".log");
        int port = freePort();
        ProcessBuilder pb =
                new ProcessBuilder(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                // The launcher's defaults; the jar's manifest holds the
                                // Add-Opens that Flink and Kafka need.
                                "-Xms128m",
                                "-Xmx1g",
                                "-XX:+UseSerialGC",
                                "-Djava.io.tmpdir=" + tmp,
                                "-jar",
                                JAR.toAbsolutePath().toString(),
                                "up",
                                "--data",
                                data.toAbsolutePath().toString(),
                                "--port",
                                String.valueOf(port)));
        // Outside the module, so no dora.yaml of the working directory is picked up.
        pb.directory(data.toAbsolutePath().getParent().toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("DORA_"));
        env.put("DORA_GITHUB_SECRET", RunningDora.GITHUB_SECRET);
        env.put("DORA_ADMIN_TOKEN", RunningDora.ADMIN_TOKEN);
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        return new DoraProcess(pb.start(), "http://127.0.0.1:" + port, log);
    }

    /** Polls {@code GET /health} until it answers 200; fails early if the process ended. */
    Duration awaitHealthy(Duration timeout) throws Exception {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        HttpRequest health =
                HttpRequest.newBuilder(URI.create(baseUrl + "/health"))
                        .timeout(Duration.ofSeconds(2))
                        .build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(
                        "dora exited with "
                                + process.exitValue()
                                + " before it was healthy"
                                + tail());
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("dora was not healthy within " + timeout + tail());
    }

    /**
     * {@code kill -9}: SIGKILL to the JVM (what {@link Process#destroyForcibly()} sends on Linux),
     * then checks that it ended and that nothing it had started outlived it. Returns the exit code.
     */
    int kill() throws InterruptedException {
        List<ProcessHandle> started = process.descendants().toList();
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("dora ended after SIGKILL").isTrue();
        List<ProcessHandle> survivors = started.stream().filter(ProcessHandle::isAlive).toList();
        survivors.forEach(ProcessHandle::destroyForcibly); // leave nothing behind, then fail
        assertThat(survivors).as("processes started by dora that outlived it").isEmpty();
        return process.exitValue();
    }

    /** SIGTERM, as Ctrl-C or a service manager sends; returns the exit code, or fails. */
    int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(
                    "dora did not stop within " + timeout + " of SIGTERM" + tail());
        }
        return process.exitValue();
    }

    /** What the process printed. */
    String output() throws IOException {
        return Files.readString(log);
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return "; the end of "
                    + log.toAbsolutePath()
                    + ":\n"
                    + String.join(
                            "\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "; its output " + log.toAbsolutePath() + " could not be read: " + e;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Kills the process if a test failed before stopping it. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
