package dev.dora.bench;

import dev.dora.ingest.github.GitHubSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Loads a running {@code dora up} on 127.0.0.1 with signed GitHub deliveries and, in the same run
 * and with the same concurrency, with the server's trivial {@code GET /health}; prints requests/s,
 * p50 and p99 of both and their ratio. Bounded in time; loopback only.
 *
 * <p>Usage: {@code java -cp bench/target/classes:... dev.dora.bench.IngestLoad --port 8080
 * --secret-file data/secrets/github [--seconds 20] [--concurrency 50] [--rounds 2]}; see
 * BENCHMARKS.md for the one-line command.
 */
public final class IngestLoad {
    private static final String BODY =
            "{\"ref\":\"refs/heads/main\",\"before\":\""
                    + "0".repeat(40)
                    + "\",\"after\":\""
                    + "a".repeat(40)
                    + "\",\"commits\":[{\"id\":\""
                    + "a".repeat(40)
                    + "\",\"timestamp\":\"2026-03-02T08:00:00Z\"}],\"repository\":{\"full_name\":"
                    + "\"acme/bench\",\"default_branch\":\"main\"}}";

    /** Throughput and latency of one timed phase. */
    record Result(String name, long requests, long errors, double seconds, long[] micros) {
        double perSecond() {
            return requests / seconds;
        }

        double percentileMillis(double p) {
            if (micros.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(micros.length - 1, Math.ceil(p * micros.length) - 1);
            return micros[Math.max(0, i)] / 1000.0;
        }
    }

    public static void main(String[] args) throws Exception {
        int port = 8080;
        Path secretFile = Path.of("data/secrets/github");
        int seconds = 20;
        int concurrency = 50;
        int rounds = 2;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--secret-file" -> secretFile = Path.of(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String secret = Files.readString(secretFile).trim();
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        String signature = GitHubSignature.sign(secret, body);
        URI webhook = URI.create("http://127.0.0.1:" + port + "/webhooks/github");
        URI health = URI.create("http://127.0.0.1:" + port + "/health");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        Supplier<HttpRequest> trivial = () -> HttpRequest.newBuilder(health).GET().build();
        // Every delivery has its own id, as GitHub's would; the body is the same small push.
        Supplier<HttpRequest> signed =
                () ->
                        HttpRequest.newBuilder(webhook)
                                .header("Content-Type", "application/json")
                                .header("X-GitHub-Event", "push")
                                .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                                .header("X-Hub-Signature-256", signature)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build();

        // A full phase of each first: the webhook path has far more code for the JIT to compile,
        // and a short warm-up measures the compiler rather than the server.
        run(client, "warm-up", trivial, concurrency, seconds, 200);
        run(client, "warm-up", signed, concurrency, seconds, 202);
        List<Result> results = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            results.add(run(client, "GET /health", trivial, concurrency, seconds, 200));
            results.add(run(client, "POST /webhooks/github", signed, concurrency, seconds, 202));
        }
        System.out.printf(
                "%-24s %10s %10s %9s %9s %7s%n",
                "endpoint", "requests", "req/s", "p50 ms", "p99 ms", "errors");
        for (Result res : results) {
            System.out.printf(
                    "%-24s %10d %10.0f %9.2f %9.2f %7d%n",
                    res.name(),
                    res.requests(),
                    res.perSecond(),
                    res.percentileMillis(0.50),
                    res.percentileMillis(0.99),
                    res.errors());
        }
        double trivialRate = mean(results, "GET /health");
        double webhookRate = mean(results, "POST /webhooks/github");
        System.out.printf(
                "ratio (signed webhook / trivial endpoint, mean of %d rounds): %.2f%n",
                rounds, webhookRate / trivialRate);
    }

    private static double mean(List<Result> results, String name) {
        return results.stream()
                .filter(r -> r.name().equals(name))
                .mapToDouble(Result::perSecond)
                .average()
                .orElse(Double.NaN);
    }

    private static Result run(
            HttpClient client,
            String name,
            Supplier<HttpRequest> request,
            int concurrency,
            int seconds,
            int expectedStatus)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong errors = new AtomicLong();
        List<long[]> perThread = new ArrayList<>();
        int[] counts = new int[concurrency];
        CountDownLatch done = new CountDownLatch(concurrency);
        long start = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            long[] lat = new long[1 << 17];
            perThread.add(lat);
            int index = t;
            Thread thread =
                    new Thread(
                            () -> {
                                try {
                                    int n = 0;
                                    while (System.nanoTime() < deadline && n < lat.length) {
                                        long t0 = System.nanoTime();
                                        HttpResponse<Void> response =
                                                client.send(
                                                        request.get(),
                                                        HttpResponse.BodyHandlers.discarding());
                                        lat[n++] = (System.nanoTime() - t0) / 1000;
                                        if (response.statusCode() != expectedStatus) {
                                            errors.incrementAndGet();
                                        }
                                    }
                                    counts[index] = n;
                                } catch (Exception e) {
                                    errors.incrementAndGet();
                                } finally {
                                    done.countDown();
                                }
                            });
            thread.start();
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int k = 0;
        for (int t = 0; t < concurrency; t++) {
            System.arraycopy(perThread.get(t), 0, all, k, counts[t]);
            k += counts[t];
        }
        Arrays.sort(all);
        return new Result(name, total, errors.get(), elapsed, all);
    }
}
