package dev.dora.app;

import dev.dora.ingest.github.GitHubSignature;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends the demo organisation through the real {@code /webhooks/github} endpoint, signed like
 * GitHub signs. Repositories are sent in parallel, each in its own time order. Deliveries have
 * stable ids derived from their content (a redelivery counts once); then the demo catalog and
 * platform requests ({@link DemoCatalog}) and surveys ({@link DemoSurveys}). A marker file in the
 * data directory keeps a later {@code --demo} from loading a second, shifted organisation.
 */
final class DemoLoader {
    private DemoLoader() {}

    static final String MARKER = "demo-loaded";

    static int load(
            Path dataDir,
            String baseUrl,
            String secret,
            String genericSecret,
            String adminToken,
            PrintStream out) {
        Path marker = dataDir.resolve(MARKER);
        if (Files.exists(marker)) {
            // The demo spans the 90 days before the day it was loaded: loading it again on
            // another day would add a second, shifted organisation.
            out.println(
                    "dora: the demo organisation is already in "
                            + dataDir
                            + "; not loading it again");
            return 0;
        }
        Instant now = Clock.systemUTC().instant();
        List<List<DemoOrganisation.Webhook>> repositories = DemoOrganisation.generate(now, 42L);
        int total = repositories.stream().mapToInt(List::size).sum();
        out.println(
                "dora: loading the demo organisation ("
                        + repositories.size()
                        + " repositories, "
                        + total
                        + " webhooks over "
                        + DemoOrganisation.DAYS
                        + " days)");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(repositories.size());
        try {
            List<Future<?>> futures =
                    repositories.stream()
                            .map(s -> pool.submit(() -> sendAll(client, baseUrl, secret, s, sent)))
                            .<Future<?>>map(f -> f)
                            .toList();
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (Exception e) {
            out.println(
                    "dora: demo load failed after " + sent.get() + " webhooks: " + e.getMessage());
            return sent.get();
        } finally {
            pool.shutdownNow();
        }
        DemoCatalog.load(baseUrl, adminToken, genericSecret, now, out);
        DemoSurveys.load(baseUrl, adminToken, out);
        try {
            Files.writeString(marker, Clock.systemUTC().instant() + "\n");
        } catch (java.io.IOException e) {
            out.println("dora: could not write " + marker + ": " + e.getMessage());
        }
        out.println(
                "dora: demo loaded ("
                        + sent.get()
                        + " webhooks accepted); the dashboard fills"
                        + " within seconds");
        return sent.get();
    }

    private static Void sendAll(
            HttpClient client,
            String baseUrl,
            String secret,
            List<DemoOrganisation.Webhook> hooks,
            AtomicInteger sent)
            throws Exception {
        URI uri = URI.create(baseUrl + "/webhooks/github");
        for (DemoOrganisation.Webhook w : hooks) {
            HttpRequest request =
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .header("User-Agent", "GitHub-Hookshot/dora-demo")
                            .header("X-GitHub-Event", w.event())
                            .header("X-GitHub-Delivery", w.deliveryId())
                            .header("X-Hub-Signature-256", GitHubSignature.sign(secret, w.body()))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(w.body()))
                            .build();
            HttpResponse<String> response =
                    client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                        "webhook answered " + response.statusCode() + ": " + response.body());
            }
            sent.incrementAndGet();
        }
        return null;
    }
}
