package dev.dora.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Catalog imports on the real embedded stack: YAML through {@code POST /api/v1/catalog} and a
 * directory through {@code dora import catalog}, each an envelope on Kafka that the job writes to
 * {@code catalog_services}. A re-import that moves a service to another team adds a version: the
 * catalog shows the new team, and the old row stays for the history.
 */
class CatalogImportITCase {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static final String CHECKOUT =
            """
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata:
              name: checkout
              annotations:
                github.com/project-slug: acme/checkout
                backstage.io/source-template: template:default/spring-boot-service
            spec:
              type: service
              lifecycle: production
              owner: group:default/%s
              system: shop
            """;

    @Test
    void importsAreVersionedInTheWarehouse(@TempDir Path dir) throws Exception {
        try (RunningDora dora = new RunningDora(dir.resolve("data"))) {
            String yaml =
                    CHECKOUT.formatted("commerce")
                            + """
                            ---
                            apiVersion: backstage.io/v1alpha1
                            kind: Component
                            metadata:
                              annotations:
                                github.com/project-slug: acme/nameless
                            spec:
                              owner: group:default/commerce
                            ---
                            apiVersion: backstage.io/v1alpha1
                            kind: Group
                            metadata:
                              name: commerce
                            spec:
                              type: team
                            """;
            // The catalog as it stood on 1 January: history from then on maps by it.
            HttpResponse<String> r = post(dora, "?as_of=2026-01-01", yaml, "application/yaml");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            JsonNode answer = MAPPER.readTree(r.body());
            assertThat(answer.get("imported_at").asText()).isEqualTo("2026-01-01T00:00:00Z");
            assertThat(answer.get("services").toString()).isEqualTo("[\"checkout\"]");
            assertThat(answer.at("/problems/0").asText())
                    .isEqualTo("request body, document 2: metadata.name is missing");
            assertThat(post(dora, "", "kind: Group\n", "application/yaml").statusCode())
                    .isEqualTo(400);
            assertThat(post(dora, "", "{}", "text/plain").statusCode()).isEqualTo(415);
            HttpResponse<String> badDate = post(dora, "?as_of=1%20March", yaml, "application/yaml");
            assertThat(badDate.statusCode()).isEqualTo(400);
            assertThat(badDate.body()).contains("as_of '1 March' is neither a date");

            JsonNode catalog =
                    dora.await(
                            "/api/v1/catalog",
                            j -> j.get("services").size() == 1,
                            Duration.ofSeconds(60));
            JsonNode checkout = catalog.at("/services/0");
            assertThat(checkout.get("service").asText()).isEqualTo("checkout");
            assertThat(checkout.get("team").asText()).isEqualTo("commerce");
            assertThat(checkout.get("system").asText()).isEqualTo("shop");
            assertThat(checkout.get("github_repos").toString()).isEqualTo("[\"acme/checkout\"]");
            assertThat(checkout.get("source_template").asText())
                    .isEqualTo("template:default/spring-boot-service");

            // The same service moved to another team, from a directory, with dora import.
            Path files = dir.resolve("catalog");
            Files.createDirectories(files.resolve("checkout"));
            Files.writeString(
                    files.resolve("checkout").resolve("catalog-info.yaml"),
                    CHECKOUT.formatted("payments"));
            Path token = Files.writeString(dir.resolve("token"), RunningDora.ADMIN_TOKEN);
            int code =
                    new picocli.CommandLine(new DoraCommand())
                            .execute(
                                    "import",
                                    "catalog",
                                    "--path",
                                    files.toString(),
                                    "--as-of",
                                    "2026-02-01",
                                    "--url",
                                    dora.baseUrl,
                                    "--token-file",
                                    token.toString(),
                                    "--data",
                                    dir.resolve("data").toString());
            assertThat(code).isZero();
            dora.await(
                    "/api/v1/catalog",
                    j -> j.at("/services/0/team").asText().equals("payments"),
                    Duration.ofSeconds(60));
            List<List<Object>> history =
                    dora.runtime
                            .warehouse()
                            .rows(
                                    "SELECT team, strftime(imported_at, '%Y-%m-%d')"
                                            + " FROM catalog_services WHERE service = 'checkout'"
                                            + " ORDER BY imported_at");
            assertThat(history)
                    .extracting(row -> row.get(0) + " from " + row.get(1))
                    .containsExactly("commerce from 2026-01-01", "payments from 2026-02-01");
        }
    }

    private static HttpResponse<String> post(
            RunningDora dora, String query, String body, String type) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(dora.baseUrl + "/api/v1/catalog" + query))
                                .header("Authorization", "Bearer " + RunningDora.ADMIN_TOKEN)
                                .header("Content-Type", type)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
