package dev.dora.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dora.events.catalog.CatalogImportCodec;
import dev.dora.warehouse.catalog.BackstageCatalog;
import dev.dora.warehouse.catalog.CatalogProblem;
import dev.dora.warehouse.catalog.CatalogRead;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dora import ...}: bring outside records in. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Import a service catalog.",
        subcommands = {ImportCommand.Catalog.class})
final class ImportCommand implements Runnable {
    @Override
    public void run() {
        picocli.CommandLine.usage(this, System.out);
    }

    /**
     * {@code dora import catalog --path DIR}: reads every Backstage catalog file under DIR, reports
     * each problem (file, document, field) and sends the services read, as one import, to the
     * running {@code dora up} ({@code POST /api/v1/catalog} with the admin token), so the import
     * travels the pipeline like every other event.
     */
    @Command(
            name = "catalog",
            mixinStandardHelpOptions = true,
            description =
                    "Import Backstage catalog-info.yaml files (recursive) into the running dora."
                            + " Documents of other kinds (Kubernetes manifests, ...) are reported"
                            + " and skipped.")
    static final class Catalog implements Callable<Integer> {
        @Option(names = "--path", required = true, description = "Directory to read.")
        Path path;

        @Option(
                names = "--url",
                description = "The running dora (default http://<host>:<port> of the config).")
        String url;

        @Option(
                names = "--token-file",
                description =
                        "File holding an admin token (default: DORA_ADMIN_TOKEN, else"
                                + " <data>/secrets/admin-token).")
        Path tokenFile;

        @Option(
                names = "--as-of",
                description =
                        "When the catalog took effect, a date (2026-03-01) or an instant;"
                                + " default now. Events from then on map by this import.")
        String asOf;

        @Mixin ConfigOptions options;

        @Override
        public Integer call() throws Exception {
            PrintStream out = System.out;
            if (!Files.isDirectory(path)) {
                System.err.println("dora: " + path + " is not a directory");
                return 2;
            }
            CatalogRead read = BackstageCatalog.read(path);
            for (CatalogProblem p : read.problems()) {
                System.err.println("dora: " + p);
            }
            out.printf(
                    "dora: %d files, %d documents: %d services, %d skipped, %d with problems%n",
                    read.files(),
                    read.documents(),
                    read.entries().size(),
                    read.skipped().values().stream().mapToInt(Integer::intValue).sum(),
                    read.rejected());
            if (read.entries().isEmpty()) {
                System.err.println("dora: no service to import");
                return 1;
            }
            DoraConfig cfg = options.load();
            String base = url != null ? url : "http://" + cfg.host() + ":" + cfg.port();
            String token =
                    tokenFile != null ? Files.readString(tokenFile).strip() : adminToken(cfg);
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode body = mapper.createObjectNode();
            ArrayNode entries = body.putArray("entries");
            read.entries().forEach(e -> entries.add(CatalogImportCodec.entry(e)));
            HttpResponse<String> r =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(
                                                    URI.create(
                                                            base
                                                                    + "/api/v1/catalog"
                                                                    + (asOf == null
                                                                            ? ""
                                                                            : "?as_of="
                                                                                    + URLEncoder
                                                                                            .encode(
                                                                                                    asOf,
                                                                                                    StandardCharsets
                                                                                                            .UTF_8))))
                                            .header("Authorization", "Bearer " + token)
                                            .header("Content-Type", "application/json")
                                            .POST(
                                                    HttpRequest.BodyPublishers.ofString(
                                                            body.toString()))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 202) {
                System.err.println(
                        "dora: " + base + " answered " + r.statusCode() + ": " + r.body());
                return 1;
            }
            out.println(
                    "dora: imported "
                            + read.entries().size()
                            + " services (import "
                            + mapper.readTree(r.body()).path("import_id").asText()
                            + ")");
            return read.problems().isEmpty() ? 0 : 3;
        }

        /** DORA_ADMIN_TOKEN, else the one {@code dora up} generated into the data directory. */
        private static String adminToken(DoraConfig cfg) throws java.io.IOException {
            if (cfg.adminToken() != null && !cfg.adminToken().isBlank()) {
                return cfg.adminToken();
            }
            Path file = cfg.dataDir().resolve("secrets").resolve("admin-token");
            if (!Files.isReadable(file)) {
                throw new DoraConfig.ConfigException(
                        "no admin token: set DORA_ADMIN_TOKEN or run dora up on this data"
                                + " directory first ("
                                + file
                                + ")");
            }
            return Files.readString(file).strip();
        }
    }
}
