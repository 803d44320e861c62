package dev.dora.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dora up}: starts everything embedded and runs until Ctrl-C or SIGTERM. */
@Command(name = "up", description = "Start the whole pipeline on embedded defaults.")
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
        DoraConfig cfg = DoraConfig.load(file, System.getenv(), port, data);
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
        out.println("  GitHub webhooks:  " + base + "/webhooks/github");
        printSecret(out, "Admin token", runtime.adminToken, "DORA_ADMIN_TOKEN");
        printSecret(out, "GitHub secret", runtime.githubSecret, "DORA_GITHUB_SECRET");
        out.println();
        out.println("  Stop with Ctrl-C.");
        if (demo) {
            Thread loader =
                    new Thread(
                            () ->
                                    DemoLoader.load(
                                            cfg.dataDir(), base, runtime.githubSecret.value(), out),
                            "dora-demo");
            loader.setDaemon(true);
            loader.start();
        }
        stopped.await();
        return 0;
    }

    /** Shows a generated secret once, when it is created; afterwards only where it is kept. */
    private static void printSecret(PrintStream out, String label, Secrets.Secret s, String env) {
        String pad = " ".repeat(Math.max(1, 17 - label.length()));
        if (s.configured()) {
            out.println("  " + label + ":" + pad + "from " + env);
        } else if (s.generated()) {
            out.println(
                    "  "
                            + label
                            + ":"
                            + pad
                            + s.value()
                            + "   (generated; kept in "
                            + s.file()
                            + ")");
        } else {
            out.println("  " + label + ":" + pad + "in " + s.file());
        }
    }

    private static String displayHost(String host) {
        return "0.0.0.0".equals(host) ? "localhost" : host;
    }
}
