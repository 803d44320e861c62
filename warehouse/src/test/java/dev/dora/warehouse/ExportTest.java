package dev.dora.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports on the worked example of METRICS.md: each dataset read back from CSV, JSON and Parquet
 * (by DuckDB) gives the same rows, and those rows have the numbers the query layer gives the API.
 */
class ExportTest {
    private static final Period WEEK =
            new Period(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-07"));
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path root;
    @TempDir Path spill;
    private Warehouse warehouse;

    @BeforeEach
    void open() throws Exception {
        WarehouseFixtures tables = new WarehouseFixtures(root);
        WarehouseTest.workedExample(tables);
        // A title a spreadsheet would run as a formula.
        tables.incident("search", "I5", "2026-03-06T08:00:00Z", "2026-03-06T08:10:00Z")
                .put("title", "=HYPERLINK(\"http://evil.example\",\"click\")");
        tables.write();
        warehouse = new Warehouse(new WarehouseConfig(root, spill, "128MB", 1));
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    @Test
    void summaryPerWeekAndServiceHasTheNumbersOfTheApi() throws Exception {
        List<Map<String, String>> rows = readAllFormats(Export.Dataset.SUMMARY);

        // Everything happened in the week of Monday 2026-03-02, cut at the period's end (Saturday).
        assertThat(rows).extracting(r -> r.get("service")).containsExactly("search", "shop");
        for (Map<String, String> row : rows) {
            assertThat(row.get("week_start")).isEqualTo("2026-03-02");
            assertThat(row.get("week_end")).isEqualTo("2026-03-07");
            DoraSummary api =
                    warehouse.summary(
                            new Period(
                                    LocalDate.parse(row.get("week_start")),
                                    LocalDate.parse(row.get("week_end"))),
                            new Scope(row.get("service"), null, null));
            assertThat(row.get("deployments")).isEqualTo(num(api.deployments()));
            assertThat(row.get("per_day")).isEqualTo(num(round(api.deploymentsPerDay(), 3)));
            assertThat(row.get("failed_attempts")).isEqualTo(num(api.failedAttempts()));
            assertThat(row.get("changes")).isEqualTo(num(api.leadTimeChanges()));
            assertThat(row.get("lead_time_median_seconds"))
                    .isEqualTo(num(api.leadTimeMedianSeconds()));
            assertThat(row.get("lead_time_p90_seconds"))
                    .isEqualTo(num(round(api.leadTimeP90Seconds(), 1)));
            assertThat(row.get("failed_deployments")).isEqualTo(num(api.failedDeployments()));
            assertThat(row.get("change_failure_rate"))
                    .isEqualTo(num(round(api.changeFailureRate(), 3)));
            assertThat(row.get("recovery_median_seconds"))
                    .isEqualTo(num(api.recoveryMedianSeconds()));
            assertThat(row.get("restored_incidents")).isEqualTo(num(api.restoredIncidents()));
            assertThat(row.get("time_to_restore_median_seconds"))
                    .isEqualTo(num(api.restoreMedianSeconds()));
            assertThat(row.get("unplanned_deployments")).isEqualTo(num(api.unplannedDeployments()));
            assertThat(row.get("rework_rate")).isEqualTo(num(round(api.reworkRate(), 3)));
        }
        // The worked example's own figures, for shop: 5 deployments, 2 failed, median 2 h.
        Map<String, String> shop = rows.get(1);
        assertThat(shop.get("deployments")).isEqualTo("5");
        assertThat(shop.get("failed_deployments")).isEqualTo("2");
        assertThat(shop.get("change_failure_rate")).isEqualTo("0.4");
        assertThat(shop.get("lead_time_median_seconds")).isEqualTo("7200");
        assertThat(shop.get("recovery_median_seconds")).isEqualTo("5100");
    }

    @Test
    void deploymentsAreTheApisDeployments() throws Exception {
        List<Map<String, String>> rows = readAllFormats(Export.Dataset.DEPLOYMENTS);
        List<Map<String, Object>> api = new ArrayList<>(warehouse.deployments(WEEK, Scope.ALL));
        java.util.Collections.reverse(api); // the API lists newest first, the export oldest first

        assertThat(rows).hasSameSizeAs(api).hasSize(6);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            Map<String, Object> d = api.get(i);
            assertThat(row.get("deployment_key")).isEqualTo(d.get("deployment_key"));
            assertThat(row.get("finished_at")).isEqualTo(d.get("finished_at").toString());
            assertThat(row.get("failed")).isEqualTo(d.get("failed").toString());
            assertThat(row.get("failure_reasons")).isEqualTo(text(d.get("failure_reasons")));
            assertThat(row.get("is_rollback")).isEqualTo(d.get("is_rollback").toString());
            assertThat(row.get("recovery_seconds"))
                    .isEqualTo(
                            d.get("recovery_seconds") == null
                                    ? ""
                                    : num(((Number) d.get("recovery_seconds")).doubleValue()));
            long firstCarried =
                    ((List<?>) d.get("changes"))
                            .stream()
                                    .filter(
                                            c ->
                                                    Boolean.TRUE.equals(
                                                            ((Map<?, ?>) c)
                                                                    .get("first_deployed_here")))
                                    .count();
            assertThat(row.get("changes")).isEqualTo(num(firstCarried));
        }
    }

    @Test
    void changesAreTheChangesTheLeadTimeCounts() throws Exception {
        List<Map<String, String>> rows = readAllFormats(Export.Dataset.CHANGES);

        assertThat(rows).hasSize((int) warehouse.summary(WEEK).leadTimeChanges());
        assertThat(rows)
                .extracting(r -> r.get("sha") + "=" + r.get("lead_seconds"))
                .containsExactlyInAnyOrder(
                        "h1=900",
                        "r1=3600",
                        "a2=5400",
                        "a1=7200",
                        "b2=7200",
                        "s1=10800",
                        "b1=14400");
        assertThat(rows.stream().filter(r -> r.get("sha").equals("s1")).findFirst().orElseThrow())
                .containsEntry("pull_request", "7")
                .containsEntry("started_at", "2026-03-04T07:00:00Z");
    }

    @Test
    void incidentsAreTheApisIncidentsAndFormulasAreEscapedInCsv() throws Exception {
        List<Map<String, String>> rows = readAllFormats(Export.Dataset.INCIDENTS);
        List<Map<String, Object>> api = new ArrayList<>(warehouse.incidents(WEEK, Scope.ALL));
        java.util.Collections.reverse(api);

        assertThat(rows)
                .extracting(r -> r.get("incident_id") + ":" + r.get("attribution"))
                .containsExactlyElementsOf(
                        api.stream()
                                .map(i -> i.get("incident_id") + ":" + i.get("attribution"))
                                .toList());
        String csv = export(Export.Dataset.INCIDENTS, Export.Format.CSV);
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"");
        assertThat(csv).doesNotContain(",=HYPERLINK");
        assertThat(export(Export.Dataset.INCIDENTS, Export.Format.JSON))
                .contains("\"=HYPERLINK(\\\"http://evil.example\\\",\\\"click\\\")\"");
    }

    @Test
    void csvCellsThatLookLikeFormulasGetAnApostrophe() {
        assertThat(ExportWriter.csvCell("=1+1")).isEqualTo("'=1+1");
        assertThat(ExportWriter.csvCell("+1")).isEqualTo("'+1");
        assertThat(ExportWriter.csvCell("-2")).isEqualTo("'-2");
        assertThat(ExportWriter.csvCell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ExportWriter.csvCell("\tx")).isEqualTo("'\tx");
        assertThat(ExportWriter.csvCell("a,b")).isEqualTo("\"a,b\"");
        assertThat(ExportWriter.csvCell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ExportWriter.csvCell("shop")).isEqualTo("shop");
    }

    @Test
    void aServiceOfTwoTeamsIsExportedOnceWithBothTeams() throws Exception {
        warehouse.close();
        warehouse =
                new Warehouse(
                        new WarehouseConfig(
                                root,
                                spill,
                                "128MB",
                                1,
                                WarehouseConfig.DEFAULT_INCIDENT_WINDOW,
                                Map.of(
                                        "storefront",
                                        List.of("shop", "search"),
                                        "ops",
                                        List.of("search"))));

        List<Map<String, String>> deployments =
                CsvReader.parse(export(Export.Dataset.DEPLOYMENTS, Export.Format.CSV, Scope.ALL));
        List<Map<String, String>> opsChanges =
                CsvReader.parse(
                        export(
                                Export.Dataset.CHANGES,
                                Export.Format.CSV,
                                new Scope(null, "ops", null)));

        // D8 once, not once per team; D2, D4, D5, D6, D7 of shop.
        assertThat(deployments)
                .filteredOn(r -> r.get("service").equals("search"))
                .extracting(r -> r.get("deployment_id"), r -> r.get("team"))
                .containsExactly(tuple("D8", "ops, storefront"));
        assertThat(deployments)
                .filteredOn(r -> r.get("service").equals("shop"))
                .extracting(r -> r.get("team"))
                .containsOnly("storefront")
                .hasSize(5);
        assertThat(opsChanges).extracting(r -> r.get("sha")).containsExactly("r1");
    }

    /** The dataset read back from each format; asserts the three agree, returns the CSV's. */
    private List<Map<String, String>> readAllFormats(Export.Dataset dataset) throws Exception {
        List<Map<String, String>> csv = CsvReader.parse(export(dataset, Export.Format.CSV));
        List<Map<String, Object>> json =
                JSON.readValue(
                        export(dataset, Export.Format.JSON),
                        new TypeReference<List<Map<String, Object>>>() {});
        List<Map<String, String>> parquet = readParquet(dataset);
        assertThat(normalise(json)).as("JSON = CSV").isEqualTo(unescape(csv));
        assertThat(parquet).as("Parquet = CSV").isEqualTo(unescape(csv));
        return unescape(csv);
    }

    private String export(Export.Dataset dataset, Export.Format format) throws Exception {
        return export(dataset, format, Scope.ALL);
    }

    private String export(Export.Dataset dataset, Export.Format format, Scope scope)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        warehouse.export(dataset, format, WEEK, scope, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private List<Map<String, String>> readParquet(Export.Dataset dataset) throws Exception {
        Path file = spill.resolve(dataset.id() + ".parquet");
        try (var out = Files.newOutputStream(file)) {
            warehouse.export(dataset, Export.Format.PARQUET, WEEK, Scope.ALL, out);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = duck.createStatement();
                ResultSet r = s.executeQuery("SELECT * FROM read_parquet('" + file + "')")) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= n; i++) {
                    row.put(r.getMetaData().getColumnLabel(i), r.getObject(i));
                }
                rows.add(row);
            }
        }
        return normalise(rows);
    }

    /** Every value as text the way the CSV writes it, so the formats can be compared. */
    private static List<Map<String, String>> normalise(List<Map<String, Object>> rows) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, String> m = new LinkedHashMap<>();
            row.forEach((k, v) -> m.put(k, text(v)));
            out.add(m);
        }
        return out;
    }

    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Number n) {
            return num(n.doubleValue());
        }
        if (v instanceof java.sql.Timestamp ts) {
            return ts.toLocalDateTime().toInstant(ZoneOffset.UTC).toString();
        }
        if (v instanceof LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC).toString();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        return v.toString();
    }

    /** A number as plain text without trailing zeros: 7200.0 and 7200 are both "7200". */
    private static String num(Number n) {
        if (n == null) {
            return "";
        }
        return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    }

    private static Double round(Double v, int places) {
        return v == null
                ? null
                : BigDecimal.valueOf(v)
                        .setScale(places, java.math.RoundingMode.HALF_UP)
                        .doubleValue();
    }

    /** Numbers as {@link #num} writes them and the formula guard taken off, for comparison. */
    private static List<Map<String, String>> unescape(List<Map<String, String>> rows) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, String> row : rows) {
            Map<String, String> m = new LinkedHashMap<>();
            row.forEach(
                    (k, v) -> {
                        if (v.startsWith("'")
                                && v.length() > 1
                                && "=+-@\t\r".indexOf(v.charAt(1)) >= 0) {
                            v = v.substring(1);
                        } else if (v.matches("-?\\d+(\\.\\d+)?(E-?\\d+)?")) {
                            v = num(new BigDecimal(v));
                        }
                        m.put(k, v);
                    });
            out.add(m);
        }
        return out;
    }
}
