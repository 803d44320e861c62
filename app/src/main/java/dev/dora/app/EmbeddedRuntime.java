package dev.dora.app;

import dev.dora.dashboard.DashboardConfig;
import dev.dora.dashboard.DashboardRoutes;
import dev.dora.events.Topics;
import dev.dora.ingest.IngestConfig;
import dev.dora.ingest.WebhookRoutes;
import dev.dora.ingest.sources.WebhookSources;
import dev.dora.ingest.spool.SpooledKafkaPublisher;
import dev.dora.jobs.JobSettings;
import dev.dora.jobs.ParserSettings;
import dev.dora.jobs.StreamingConfig;
import dev.dora.jobs.StreamingMain;
import dev.dora.surveys.Surveys;
import dev.dora.warehouse.BenchmarkTables;
import dev.dora.warehouse.Warehouse;
import dev.dora.warehouse.WarehouseConfig;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything in one JVM: the Kafka broker (unless an external cluster is configured), the Flink job
 * on a MiniCluster, the DuckDB warehouse and one HTTP server for webhooks, API and pages. Started
 * in dependency order and closed in reverse.
 */
final class EmbeddedRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRuntime.class);

    private final EmbeddedKafka kafka;
    private final EmbeddedFlink flink;
    private final SpooledKafkaPublisher publisher;
    private final Warehouse warehouse;
    private final Javalin server;

    /** Each webhook source's secret, in {@link WebhookSources#NAMES} order. */
    final Map<String, Secrets.Secret> webhookSecrets;

    final Secrets.Secret adminToken;

    private DataDirLock lock; // held from start to close
    private CompactionSchedule compaction; // null when switched off

    private EmbeddedRuntime(
            EmbeddedKafka kafka,
            EmbeddedFlink flink,
            SpooledKafkaPublisher publisher,
            Warehouse warehouse,
            Javalin server,
            Map<String, Secrets.Secret> webhookSecrets,
            Secrets.Secret adminToken) {
        this.kafka = kafka;
        this.flink = flink;
        this.publisher = publisher;
        this.warehouse = warehouse;
        this.server = server;
        this.webhookSecrets = webhookSecrets;
        this.adminToken = adminToken;
    }

    static EmbeddedRuntime start(DoraConfig config) {
        useTempDirectory(config.dataDir().resolve("tmp").resolve("jvm"));
        var secretsDir = config.dataDir().resolve("secrets");
        Map<String, Secrets.Secret> webhookSecrets = new LinkedHashMap<>();
        for (String source : WebhookSources.NAMES) {
            webhookSecrets.put(
                    source,
                    Secrets.loadOrCreate(secretsDir, source, config.webhookSecrets().get(source)));
        }
        Secrets.Secret admin = Secrets.loadOrCreate(secretsDir, "admin-token", config.adminToken());

        EmbeddedKafka kafka = null;
        EmbeddedFlink flink = null;
        SpooledKafkaPublisher publisher = null;
        Warehouse warehouse = null;
        DataDirLock lock = DataDirLock.acquire(config.dataDir(), "starting another one");
        try {
            String bootstrap = config.kafkaBootstrap();
            if (bootstrap == null) {
                kafka = EmbeddedKafka.start(config.dataDir().resolve("kafka"));
                bootstrap = kafka.bootstrap();
            }
            EmbeddedKafka.ensureTopic(bootstrap, Topics.RAW, 1);
            JobSettings settings = jobSettings(config);
            flink =
                    EmbeddedFlink.start(
                            StreamingMain.production(
                                    new StreamingConfig(
                                            bootstrap,
                                            "dora-streaming",
                                            config.warehouse().toUri().toString(),
                                            settings)),
                            config.dataDir().resolve("checkpoints"),
                            config.dataDir().resolve("tmp").resolve("flink"),
                            config.checkpointInterval(),
                            config.parallelism());
            warehouse = new Warehouse(warehouseConfig(config));
            publisher = spooledPublisher(config, bootstrap);
            Javalin server =
                    server(config, webhookSecrets, admin, publisher, warehouse, kafka != null);
            server.start(config.host(), config.port());
            EmbeddedRuntime runtime =
                    new EmbeddedRuntime(
                            kafka,
                            flink,
                            publisher,
                            warehouse,
                            server,
                            Collections.unmodifiableMap(webhookSecrets),
                            admin);
            runtime.lock = lock;
            runtime.compaction =
                    CompactionSchedule.start(
                            warehouse,
                            config.compactionSettings(),
                            config.compactionInterval(),
                            Clock.systemUTC());
            return runtime;
        } catch (RuntimeException e) {
            closeQuietly(publisher);
            closeQuietly(flink);
            closeQuietly(warehouse);
            closeQuietly(kafka);
            closeQuietly(lock);
            throw e;
        }
    }

    /** The query layer's settings from the configuration (also used by compact). */
    static WarehouseConfig warehouseConfig(DoraConfig config) {
        return warehouseConfig(config, "duckdb");
    }

    /**
     * The same, with DuckDB's scratch files in {@code <data>/tmp/<scratch>}: a command that runs
     * beside {@code dora up} (export) must not share its database file.
     */
    static WarehouseConfig warehouseConfig(DoraConfig config, String scratch) {
        return new WarehouseConfig(
                config.warehouse(),
                config.dataDir().resolve("tmp").resolve(scratch),
                config.warehouseMemoryLimit(),
                config.warehouseThreads(),
                config.incidentWindow(),
                config.teams(),
                config.platformPipelinePattern().pattern());
    }

    /** The streaming job's settings from the configuration (also used by backfill). */
    static JobSettings jobSettings(DoraConfig config) {
        return new JobSettings(
                config.productionPattern(),
                Duration.ofDays(8),
                config.hotfixPattern(),
                new ParserSettings(
                        java.util.regex.Pattern.compile(ParserSettings.DEFAULT_DEPLOY_PATTERN),
                        ParserSettings.DEFAULT_INCIDENT_LABEL,
                        config.productionPattern()));
    }

    /** Kafka behind a spool under {@code <data>/spool}, so webhooks are taken during an outage. */
    private static SpooledKafkaPublisher spooledPublisher(DoraConfig config, String bootstrap) {
        Path dir = config.dataDir().resolve("spool");
        try {
            return SpooledKafkaPublisher.start(bootstrap, Topics.RAW, dir, config.spoolMaxBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot open the spool in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Javalin server(
            DoraConfig config,
            Map<String, Secrets.Secret> webhookSecrets,
            Secrets.Secret admin,
            SpooledKafkaPublisher publisher,
            Warehouse warehouse,
            boolean embeddedKafka) {
        Map<String, String> secrets = new LinkedHashMap<>();
        webhookSecrets.forEach((source, secret) -> secrets.put(source, secret.value()));
        IngestConfig ingest = new IngestConfig(secrets, IngestConfig.DEFAULT_MAX_BODY_BYTES);
        WebhookRoutes webhooks = new WebhookRoutes(ingest, publisher, Clock.systemUTC());
        webhooks.metrics().spoolDepth(publisher::spoolDepth);
        Surveys surveys =
                new Surveys(
                        config.dataDir().resolve("surveys"),
                        warehouse,
                        publisher::publish,
                        config.surveyMinGroupSize(),
                        Clock.systemUTC());
        DashboardRoutes dashboard =
                new DashboardRoutes(
                        new DashboardConfig(
                                admin.value(),
                                config.dataDir().resolve("secrets").resolve("tokens.json"),
                                Duration.ofHours(12),
                                false),
                        warehouse,
                        config.benchmarkFile() == null
                                ? BenchmarkTables.builtIn()
                                : BenchmarkTables.builtIn().withFile(config.benchmarkFile()),
                        surveys,
                        Clock.systemUTC());
        dashboard.withCatalogImports(publisher::publish, Clock.systemUTC());
        return Javalin.create(
                cfg -> {
                    cfg.startup.showJavalinBanner = false;
                    cfg.http.maxRequestSize = ingest.maxBodyBytes();
                    webhooks.addTo(cfg.routes);
                    webhooks.addMetricsTo(cfg.routes);
                    dashboard.addTo(cfg);
                    cfg.routes.get(
                            "/health",
                            ctx -> {
                                Map<String, Object> body = new LinkedHashMap<>();
                                body.put("status", "ok");
                                body.put("kafka", embeddedKafka ? "embedded" : "external");
                                body.put("data", config.dataDir().toString());
                                ctx.json(body);
                            });
                });
    }

    /**
     * Empties the JVM's temp directory inside the data directory, where DuckDB and Snappy unpack
     * their native libraries: the {@code dora} launcher points {@code java.io.tmpdir} there (the
     * JDK reads it once at boot, so it cannot be changed from here), and a hard stop would
     * otherwise leave about 70 MB behind on every run.
     */
    private static void useTempDirectory(java.nio.file.Path dir) {
        if (!dir.toAbsolutePath()
                .equals(
                        java.nio.file.Path.of(System.getProperty("java.io.tmpdir"))
                                .toAbsolutePath())) {
            return; // started without the launcher (tests, IDE): leave the JVM's temp dir alone
        }
        try {
            if (java.nio.file.Files.exists(dir)) {
                try (var files = java.nio.file.Files.walk(dir)) {
                    for (var p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        java.nio.file.Files.deleteIfExists(p);
                    }
                }
            }
            java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot prepare temp directory " + dir, e);
        }
    }

    int port() {
        return server.port();
    }

    /** The HTTP server, for tests that check every route it has. */
    Javalin server() {
        return server;
    }

    /** The query layer, for tests that look at tables the API does not expose. */
    Warehouse warehouse() {
        return warehouse;
    }

    /** Records waiting in the spool for Kafka; a {@code /metrics} gauge later. */
    long spoolDepth() {
        return publisher.spoolDepth();
    }

    /** Stops the embedded broker, keeping its log and ports (reliability tests). */
    void stopKafkaBroker() {
        embeddedKafka().stopBroker();
    }

    /** Starts the embedded broker again on the same log and ports (reliability tests). */
    void startKafkaBroker() {
        embeddedKafka().startBroker();
    }

    private EmbeddedKafka embeddedKafka() {
        if (kafka == null) {
            throw new IllegalStateException("Kafka is external (kafka.bootstrap is set)");
        }
        return kafka;
    }

    @Override
    public void close() {
        LOG.info("stopping");
        closeQuietly(server::stop);
        closeQuietly(publisher); // the spool's forwarder first, then the producer, then the spool
        closeQuietly(flink);
        closeQuietly(kafka);
        closeQuietly(compaction); // before the warehouse it compacts
        closeQuietly(warehouse);
        closeQuietly(lock);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("error while stopping {}: {}", c.getClass().getSimpleName(), e.toString());
        }
    }
}
