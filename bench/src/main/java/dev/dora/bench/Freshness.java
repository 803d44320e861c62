package dev.dora.bench;

import dev.dora.ingest.github.GitHubSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook-to-API freshness of a running {@code dora up} on 127.0.0.1: each probe posts a signed
 * push and a successful production deployment of a new commit, then polls {@code
 * /api/v1/deployments} every 50 ms until the deployment is there, with its change. Background
 * threads keep posting signed pushes meanwhile. Prints the median and p95 over the probes.
 *
 * <p>Usage: {@code Freshness --port 8080 --data DIR [--probes 50] [--load-threads 4]}.
 */
public final class Freshness {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        int port = 8080;
        Path data = Path.of("data");
        int probes = 50;
        int loadThreads = 4;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--data" -> data = Path.of(args[i + 1]);
                case "--probes" -> probes = Integer.parseInt(args[i + 1]);
                case "--load-threads" -> loadThreads = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String secret = Files.readString(data.resolve("secrets/github")).trim();
        String token = Files.readString(data.resolve("secrets/admin-token")).trim();
        String base = "http://127.0.0.1:" + port;

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong background = new AtomicLong();
        List<Thread> load = new ArrayList<>();
        for (int t = 0; t < loadThreads; t++) {
            Thread thread =
                    new Thread(
                            () -> {
                                while (running.get()) {
                                    try {
                                        String sha = randomSha();
                                        post(base, secret, "push", push("bench/load", sha));
                                        background.incrementAndGet();
                                    } catch (Exception e) {
                                        return;
                                    }
                                }
                            });
            thread.setDaemon(true);
            thread.start();
            load.add(thread);
        }

        List<Long> millis = new ArrayList<>();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        for (int p = 0; p < probes; p++) {
            String sha = randomSha();
            long id = 1_000_000L + ThreadLocalRandom.current().nextInt(1_000_000_000);
            long start = System.nanoTime();
            post(base, secret, "push", push("bench/probe", sha));
            post(base, secret, "deployment_status", deployment("bench/probe", id, sha));
            String path = "/api/v1/deployments?service=bench/probe&from=" + today + "&to=" + today;
            while (true) {
                String body =
                        HTTP.send(
                                        HttpRequest.newBuilder(URI.create(base + path))
                                                .header("Authorization", "Bearer " + token)
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .body();
                if (body.contains("\"deployment_id\":\"" + id + "\"") && body.contains(sha)) {
                    break;
                }
                Thread.sleep(50);
            }
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        running.set(false);
        Collections.sort(millis);
        System.out.printf(
                "probes %d, background pushes %d: median %.2f s, p95 %.2f s, max %.2f s%n",
                probes,
                background.get(),
                percentile(millis, 0.5) / 1000.0,
                percentile(millis, 0.95) / 1000.0,
                millis.get(millis.size() - 1) / 1000.0);
    }

    private static double percentile(List<Long> sorted, double q) {
        double pos = q * (sorted.size() - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted.get(lo) + (pos - lo) * (sorted.get(hi) - sorted.get(lo));
    }

    private static String randomSha() {
        byte[] b = new byte[20];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String push(String repo, String sha) {
        return "{\"ref\":\"refs/heads/main\",\"before\":\""
                + "0".repeat(40)
                + "\",\"after\":\""
                + sha
                + "\",\"commits\":[{\"id\":\""
                + sha
                + "\",\"timestamp\":\""
                + Instant.now().minusSeconds(60)
                + "\"}],\"repository\":{\"full_name\":\""
                + repo
                + "\",\"default_branch\":\"main\"}}";
    }

    private static String deployment(String repo, long id, String sha) {
        String now = Instant.now().toString();
        return "{\"action\":\"created\",\"deployment_status\":{\"id\":"
                + id
                + ",\"state\":\"success\",\"environment\":\"production\",\"created_at\":\""
                + now
                + "\"},\"deployment\":{\"id\":"
                + id
                + ",\"sha\":\""
                + sha
                + "\",\"ref\":\"main\",\"environment\":\"production\",\"created_at\":\""
                + now
                + "\"},\"repository\":{\"full_name\":\""
                + repo
                + "\",\"default_branch\":\"main\"}}";
    }

    private static void post(String base, String secret, String event, String json)
            throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        HttpResponse<Void> r =
                HTTP.send(
                        HttpRequest.newBuilder(URI.create(base + "/webhooks/github"))
                                .header("Content-Type", "application/json")
                                .header("X-GitHub-Event", event)
                                .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                                .header("X-Hub-Signature-256", GitHubSignature.sign(secret, body))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() != 202) {
            throw new IllegalStateException(event + " answered " + r.statusCode());
        }
    }
}
