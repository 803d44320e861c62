package dev.dora.app;

import dev.dora.ingest.sources.WebhookSources;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dora up}: starts everything embedded and runs until Ctrl-C or SIGTERM. */
@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        description = "Start the whole pipeline on embedded defaults.")
final class UpCommand implements Callable<Integer> {
    @Option(
            names = "--demo",
            description = "Load a synthetic organisation through the webhook path.")
    boolean demo;

    @Option(names = "--port", description = "HTTP port (default 8080).")
    Integer port;

    @Option(names = "--data", description = "Data directory (default ./data).")
    Path data;

    @Option(names = "--config", description = "Configuration file (dora.yaml).")
    Path config;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        Path file = config;
        if (file == null && Path.of("dora.yaml").toFile().isFile()) {
            file = Path.of("dora.yaml");
        }
        DoraConfig cfg = withDemoTeams(DoraConfig.load(file, System.getenv(), port, data), demo);
        PrintStream out = System.out;
        out.println("dora: starting (data in " + cfg.dataDir() + ")");
        EmbeddedRuntime runtime = EmbeddedRuntime.start(cfg);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    out.println("dora: stopping");
                                    runtime.close();
                                    stopped.countDown();
                                },
                                "dora-shutdown"));
        Duration ready = Duration.ofNanos(System.nanoTime() - started);
        String base = "http://" + displayHost(cfg.host()) + ":" + runtime.port();
        out.printf("dora: ready in %.1f s%n", ready.toMillis() / 1000.0);
        out.println();
        out.println("  Dashboard:        " + base + "/");
        out.println("  Admin token:      " + whereIs(runtime.adminToken, "DORA_ADMIN_TOKEN"));
        out.println("  Webhooks (POST, one secret each):");
        runtime.webhookSecrets.forEach(
                (source, secret) -> out.println(webhookLine(base, source, secret)));
        out.println();
        out.println("  Stop with Ctrl-C.");
        if (demo) {
            Thread loader =
                    new Thread(
                            () ->
                                    DemoLoader.load(
                                            cfg.dataDir(),
                                            base,
                                            runtime.webhookSecrets.get("github").value(),
                                            runtime.webhookSecrets.get("generic").value(),
                                            runtime.adminToken.value(),
                                            out),
                            "dora-demo");
            loader.setDaemon(true);
            loader.start();
        }
        stopped.await();
        return 0;
    }

    /** With {@code --demo} and no {@code teams:} configured, the demo organisation's teams. */
    static DoraConfig withDemoTeams(DoraConfig config, boolean demo) {
        return demo && config.teams().isEmpty() ? config.withTeams(DemoOrganisation.TEAMS) : config;
    }

    /** One banner line: a source, its webhook URL and where its secret is. */
    static String webhookLine(String base, String source, Secrets.Secret secret) {
        String url = base + "/webhooks/" + source;
        return String.format(
                "    %-10s %-" + (base.length() + 20) + "s secret %s",
                source,
                url,
                whereIs(secret, WebhookSources.secretVariable(source)));
    }

    /** Shows a generated secret once, when it is created; afterwards only where it is kept. */
    static String whereIs(Secrets.Secret s, String env) {
        if (s.configured()) {
            return "from " + env;
        }
        if (s.generated()) {
            return s.value() + "   (generated; kept in " + s.file() + ")";
        }
        return "in " + s.file();
    }

    private static String displayHost(String host) {
        return "0.0.0.0".equals(host) ? "localhost" : host;
    }
}
