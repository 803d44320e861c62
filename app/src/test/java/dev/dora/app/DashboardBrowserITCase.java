package dev.dora.app;

import static dev.dora.app.Timeline.ZERO;
import static dev.dora.app.Timeline.deploymentStatus;
import static dev.dora.app.Timeline.push;
import static dev.dora.app.Timeline.sha;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.print.PrintOptions;

/**
 * Every dashboard page in headless Chromium (Debian's chromium and chromium-driver, which {@code
 * .ci/run} installs), over one embedded stack and one browser: sign in, then the overview's tiles
 * and charts, the filter bar (URL and data follow it), the sortable teams table with sparklines, a
 * deployment's drill-down, incidents with their deployment, data quality, and the report (also
 * printed to PDF), a survey's response form (also at a phone's width), the Surveys page with a
 * suppressed team, an admin creating a survey on it (links shown once, per team) and closing it, a
 * viewer who sees none of the admin controls or exports, and the Adoption page (acme/shop created
 * from a template yesterday at 07:00, so 5 h to its first deployment; a self-service request
 * fulfilled in 20 minutes and an open ticket, sent by the generic API), and the Catalog page
 * (empty, then an imported catalog with what events name that it does not know, and its upload
 * control for admins only). Saves {@code target/screenshots/<page>.png}; no page may log a console
 * error.
 *
 * <p>The timeline, all yesterday: acme/shop pushes a (08:00) and b (09:00) and deploys b at 12:00;
 * INC-1 (13:00-13:45) is attributed to it by window. acme/search deploys a sha no push announced at
 * 10:00. INC-2 of acme/legacy, a service that never deployed, is unattributed. A push without
 * {@code after} is rejected.
 *
 * <p>The surveys, both of platform-experience: an earlier one that commerce (5 invited) answered in
 * full and that was then closed; and the current one for commerce 6, discovery 5 and platform 2,
 * answered 5, 5 and 2 times (one of commerce's in the browser). With k = 5, platform is suppressed,
 * and commerce too, so that platform cannot be worked out by subtracting discovery and commerce
 * from the total; discovery and the total are shown.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SuppressWarnings("unchecked")
class DashboardBrowserITCase {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final String SHOP_1 = "github:acme/shop:1";
    private static final Path DOWNLOADS = Path.of("target", "downloads").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Dimension DESKTOP = new Dimension(1400, 1100);

    /** The catalog of the Catalog page's test: three Components of two teams. */
    private static final String CATALOG =
            """
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata:
              name: shop
              annotations:
                github.com/project-slug: acme/shop
                backstage.io/source-template: template:default/node-service
                pagerduty.com/service-id: PSHOP01
            spec:
              type: service
              lifecycle: production
              owner: group:default/commerce
              system: storefront
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata:
              name: checkout
              annotations:
                github.com/project-slug: acme/monorepo
                dora.dev/path-prefixes: services/checkout/, /libs/checkout-client
                pagerduty.com/service-id: PCHK001, PCHK002
            spec:
              type: service
              lifecycle: experimental
              owner: commerce
              system: storefront
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata:
              name: search
              annotations:
                github.com/project-slug: acme/search
                opsgenie.com/team: search-oncall
                dora.dev/production-environment: '^(prod|live)$'
            spec:
              type: service
              owner: group:discovery
            """;

    @TempDir static Path dir;
    private RunningDora dora;
    private ChromeDriver browser;
    private final HttpClient http = HttpClient.newHttpClient();
    private JsonNode previousSurvey;
    private JsonNode survey;

    @BeforeAll
    void startAndSignIn() throws Exception {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium or chromedriver not found in /usr/bin: install Debian's chromium and"
                        + " chromium-driver (.ci/run does) to run the browser test");
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1) + "T";
        // discovery owns acme/search, so the Surveys page shows its DORA numbers beside its
        // survey scores; the other services belong to no team.
        dora = new RunningDora(dir.resolve("data"), "teams:\n  discovery: [acme/search]\n");
        Timeline t = dora.timeline;
        t.send(
                "push",
                push(
                        "acme/shop",
                        ZERO,
                        sha('a'),
                        yesterday + "08:00:00Z",
                        sha('b'),
                        yesterday + "09:00:00Z"));
        t.send(
                "deployment_status",
                deploymentStatus(
                        "acme/shop",
                        1,
                        sha('b'),
                        "production",
                        "success",
                        yesterday + "12:00:00Z"));
        t.send(
                "deployment_status",
                deploymentStatus(
                        "acme/search",
                        2,
                        sha('c'),
                        "production",
                        "success",
                        yesterday + "10:00:00Z"));
        assertThat(
                        t.generic(
                                RunningDora.GENERIC_SECRET,
                                "{\"type\":\"incident\",\"id\":\"INC-1\",\"service\":\"acme/shop\","
                                        + "\"severity\":\"sev2\",\"opened_at\":\""
                                        + yesterday
                                        + "13:00:00Z\",\"resolved_at\":\""
                                        + yesterday
                                        + "13:45:00Z\"}"))
                .isEqualTo(202);
        assertThat(
                        t.generic(
                                RunningDora.GENERIC_SECRET,
                                "{\"type\":\"incident\",\"id\":\"INC-2\",\"service\":"
                                        + "\"acme/legacy\",\"opened_at\":\""
                                        + yesterday
                                        + "06:00:00Z\"}"))
                .isEqualTo(202);
        t.send(
                "push",
                "{\"ref\":\"refs/heads/main\",\"repository\":{\"full_name\":\"acme/shop\","
                        + "\"default_branch\":\"main\"}}");
        dora.await(
                "/api/v1/dora",
                j ->
                        j.at("/lead_time/changes").asLong() == 2
                                && j.at("/deployment_frequency/deployments").asLong() == 2
                                && j.at("/time_to_restore/incidents").asLong() == 1
                                && j.at("/data_quality/unattributed_incidents").asLong() == 1,
                Duration.ofSeconds(60));
        dora.await(
                "/api/v1/data-quality",
                j -> j.at("/counts/rejected_event").asLong() == 1,
                Duration.ofSeconds(30));

        browser = browser();
        browser.get(dora.baseUrl + "/teams");
        assertThat(browser.getCurrentUrl()).endsWith("/sign-in");
        browser.findElement(By.id("token")).sendKeys(RunningDora.ADMIN_TOKEN);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        awaitLoads(1);
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (dora != null) {
            dora.close();
        }
    }

    @AfterEach
    void noConsoleErrors() {
        List<LogEntry> errors =
                browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                        .toList();
        assertThat(errors).as("browser console errors").isEmpty();
    }

    @Test
    @Order(1)
    void overviewDrawsTilesAndChartsWithData() throws Exception {
        open("/");
        assertThat(sum("deployments-chart")).isEqualTo(2);
        List<?> leadTimes = (List<?>) js("return points('lead-time-chart');");
        // Lead times 4 h and 3 h: the weekly median is 3.5 h.
        assertThat(leadTimes).hasSize(1);
        assertThat(((Number) leadTimes.get(0)).doubleValue()).isEqualTo(3.5);
        assertThat(text("lt-value")).isEqualTo("3.5 h");
        // shop's deployment failed (INC-1), search's did not.
        assertThat(text("cfr-value")).isEqualTo("50.0 %");
        assertThat((List<Object>) js("return points('cfr-chart');")).containsExactly(50L);
        // It recovered when INC-1 was resolved, 1 h 45 min after it went live.
        assertThat(text("rt-value")).isEqualTo("1.8 h");
        assertThat((List<Object>) js("return points('recovery-chart');")).containsExactly(1.8);
        assertThat(text("rt-detail")).contains("time to restore 45 min over 1 incident");
        assertThat(text("rw-value")).isEqualTo("0.0 %");
        assertThat((List<Object>) js("return points('rework-chart');")).containsExactly(0L);
        assertThat(browser.findElements(By.cssSelector(".tile .level")))
                .extracting(WebElement::getText)
                .containsExactly("LOW", "ELITE", "LOW", "HIGH");
        screenshot("overview");
    }

    @Test
    @Order(2)
    void changingAFilterUpdatesTheUrlAndTheDataWithoutAPageLoad() throws Exception {
        open("/");
        js("window.samePage = true; return null;");
        int loads = loads();
        select("service", "acme/search");
        awaitLoads(loads + 1);
        assertThat(browser.getCurrentUrl()).contains("service=acme%2Fsearch");
        assertThat(js("return window.samePage === true;")).isEqualTo(true);
        assertThat(text("cfr-value")).isEqualTo("0.0 %");
        assertThat(text("lt-value")).isEqualTo("–");
        assertThat(sum("deployments-chart")).isEqualTo(1);
        // The navigation keeps the filters.
        assertThat(
                        browser.findElement(By.cssSelector("nav a[data-page='/teams']"))
                                .getDomAttribute("href"))
                .isEqualTo("/teams?service=acme%2Fsearch");
        select("benchmark", "dora-2023");
        awaitLoads(loads + 2);
        assertThat(browser.getCurrentUrl()).contains("benchmark=dora-2023");
        select("service", "");
        awaitLoads(loads + 3);
        assertThat(browser.getCurrentUrl()).doesNotContain("service=");
        assertThat(sum("deployments-chart")).isEqualTo(2);
    }

    @Test
    @Order(3)
    void teamsTableSortsAndHasSparklines() throws Exception {
        open("/teams");
        assertThat(column(1)).containsExactly("acme/legacy", "acme/search", "acme/shop");
        assertThat(column(2)).containsExactly("—", "discovery", "—");
        assertThat(browser.findElements(By.cssSelector("table.services svg.sparkline"))).hasSize(3);
        String shopLine =
                browser.findElements(By.cssSelector("table.services svg.sparkline"))
                        .get(2)
                        .getDomAttribute("aria-label");
        assertThat(shopLine).startsWith("deployments per week: ");
        assertThat(
                        List.of(shopLine.substring("deployments per week: ".length()).split(", "))
                                .stream()
                                .mapToInt(Integer::parseInt)
                                .sum())
                .isEqualTo(1);
        assertThat(cell(3, 5)).isEqualTo("3.5 h\nELITE");
        assertThat(cell(3, 6)).isEqualTo("100.0 %\nLOW");

        header("Service").click();
        assertThat(header("Service").findElement(By.xpath("..")).getDomAttribute("aria-sort"))
                .isEqualTo("ascending");
        header("Service").click();
        assertThat(header("Service").findElement(By.xpath("..")).getDomAttribute("aria-sort"))
                .isEqualTo("descending");
        assertThat(column(1)).containsExactly("acme/shop", "acme/search", "acme/legacy");
        header("Lead time (median)").click();
        assertThat(header("Service").findElement(By.xpath("..")).getDomAttribute("aria-sort"))
                .isNull();
        assertThat(column(1).get(0)).isEqualTo("acme/shop"); // no median sorts last
        screenshot("teams");
    }

    @Test
    @Order(4)
    void aDeploymentDrillDownShowsItsChangesLeadTimesAndIncidents() throws Exception {
        open("/deployments");
        assertThat(column(3)).containsExactly("acme/shop", "acme/search");
        int loads = loads();
        browser.findElement(By.cssSelector("a.drill[data-key='" + SHOP_1 + "']")).click();
        awaitLoads(loads + 1);
        assertThat(browser.getCurrentUrl()).contains("key=github%3Aacme%2Fshop%3A1");
        WebElement panel = browser.findElement(By.id("detail"));
        assertThat(panel.isDisplayed()).isTrue();
        assertThat(panel.findElement(By.tagName("h2")).getText())
                .isEqualTo("Deployment 1 of acme/shop");
        assertThat(
                        panel
                                .findElements(
                                        By.cssSelector("table.changes tbody tr td:last-child"))
                                .stream()
                                .map(WebElement::getText))
                .containsExactly("4.0 h", "3.0 h");
        assertThat(panel.getText()).contains("failed: incident").contains("after 1.8 h");
        assertThat(panel.findElement(By.cssSelector("table.deployment-incidents tbody")).getText())
                .contains("INC-1")
                .contains("sev2")
                .contains("45 min")
                .contains("window");
        screenshot("deployments");
    }

    @Test
    @Order(5)
    void incidentsShowTheirAttributedDeployment() throws Exception {
        open("/incidents");
        assertThat(column(2)).containsExactly("INC-1", "INC-2");
        WebElement link = browser.findElement(By.cssSelector("table.incidents a.deployment-link"));
        assertThat(link.getText()).isEqualTo("1");
        assertThat(link.getDomAttribute("href"))
                .isEqualTo("/deployments?key=github%3Aacme%2Fshop%3A1");
        assertThat(cell(2, 8)).startsWith("unattributed: no production deployment");
        assertThat(cell(2, 9)).isEqualTo("—");
        screenshot("incidents");
    }

    @Test
    @Order(6)
    void dataQualityListsTheUnattributedIncidentAndTheRejectedEvent() throws Exception {
        open("/data-quality");
        assertThat(text("count-unattributed_incident")).isEqualTo("1");
        assertThat(text("count-deployment_without_changes")).isEqualTo("1");
        assertThat(text("count-rejected_event")).isEqualTo("1");
        assertThat(text("unattributed_incident"))
                .contains("INC-2")
                .contains("no production deployment of the service in the window");
        assertThat(text("deployment_without_changes")).contains("acme/search");
        assertThat(text("rejected_event")).contains("github").contains("before");
        screenshot("data-quality");
    }

    @Test
    @Order(7)
    void theReportRendersAndPrints() throws Exception {
        open("/report");
        assertThat(text("cfr-value")).isEqualTo("50.0 %");
        assertThat(browser.findElements(By.cssSelector("table.services tbody tr"))).hasSize(3);
        assertThat(sum("weekly-deployments-chart")).isEqualTo(2);
        assertThat(browser.findElements(By.cssSelector("#exports a[data-export]"))).hasSize(12);
        screenshot("report");
        PrintOptions print = new PrintOptions();
        print.setPageSize(new org.openqa.selenium.print.PageSize(29.7, 21.0));
        byte[] pdf = Base64.getDecoder().decode(browser.print(print).getContent());
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        Files.write(SHOTS.resolve("report.pdf"), pdf);
    }

    @Test
    @Order(8)
    void anExportLinkDownloadsTheFilteredDataset() throws Exception {
        open("/deployments?service=acme%2Fshop");
        Files.createDirectories(DOWNLOADS);
        try (var old = Files.list(DOWNLOADS)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        WebElement csv = browser.findElement(By.cssSelector("a[data-export='deployments.csv']"));
        assertThat(csv.getDomAttribute("href"))
                .isEqualTo("/api/v1/export/deployments.csv?service=acme%2Fshop");
        csv.click();
        Path file = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (file == null && System.nanoTime() < deadline) {
            try (var files = Files.list(DOWNLOADS)) {
                file = files.filter(p -> p.toString().endsWith(".csv")).findFirst().orElse(null);
            }
            Thread.sleep(100);
        }
        assertThat(file).as("downloaded CSV").isNotNull();
        assertThat(file.getFileName().toString()).startsWith("dora-deployments-");
        List<String> lines = Files.readAllLines(file);
        // The header and shop's one deployment: the page's service filter went with the link.
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("acme/shop").doesNotContain("acme/search");
    }

    @Test
    @Order(9)
    void aRespondentFillsTheFormOnAPhoneAndTheLinkCannotBeUsedTwice() throws Exception {
        previousSurvey = createSurvey("Platform, last quarter", "{\"commerce\":5}");
        int[] previousNps = {9, 6, 7, 10, 2}; // 2 promoters, 2 detractors: eNPS 0
        for (int i = 0; i < 5; i++) {
            answer(
                    previousSurvey,
                    "commerce",
                    i,
                    platformAnswers(previousNps[i], 4, "before " + i));
        }
        assertThat(
                        send("POST", "/api/v1/surveys/" + id(previousSurvey) + "/close", "")
                                .statusCode())
                .isEqualTo(200);
        survey =
                createSurvey(
                        "Platform, this quarter",
                        "{\"commerce\":6,\"discovery\":5,\"platform\":2}");
        String link = dora.baseUrl + link(survey, "commerce", 0);

        browser.get(link);
        fullPageScreenshot("survey-form");
        browser.manage().window().setSize(new Dimension(375, 812));
        try {
            browser.get(link);
            assertThat(browser.findElement(By.tagName("h1")).getText())
                    .isEqualTo("Platform, this quarter");
            List<WebElement> questions = browser.findElements(By.cssSelector("form fieldset"));
            assertThat(questions).hasSize(8);
            // Nothing wider than the phone, and every choice a tap target of at least 44 px.
            assertThat(
                            (Long)
                                    browser.executeScript(
                                            "return document.documentElement.scrollWidth"
                                                    + " - window.innerWidth;"))
                    .isLessThanOrEqualTo(0L);
            assertThat(browser.findElements(By.cssSelector(".choices label")))
                    .hasSize(4 + 4 * 6 + 11)
                    .allSatisfy(
                            l -> {
                                assertThat(l.getSize().getHeight()).isGreaterThanOrEqualTo(44);
                                assertThat(l.getSize().getWidth()).isGreaterThanOrEqualTo(44);
                            });
            fullPageScreenshot("survey-form-phone");

            choose("platform_usage", "golden_path");
            choose("self_service_no_ticket", "4");
            choose("self_service_fast", "5");
            choose("platform_docs", "2");
            choose("platform_reliable", "n/a");
            browser.findElement(By.id("in-tickets_per_month")).sendKeys("3");
            choose("platform_nps", "9");
            browser.findElement(By.id("in-platform_missing"))
                    .sendKeys("Preview environments for every pull request");
            assertThat(browser.findElements(By.cssSelector("form input:checked"))).hasSize(6);
            browser.findElement(By.cssSelector("form button[type=submit]")).click();
            // The answer comes once the response is durable in Kafka: wait for the next page.
            awaitHeading("Thank you");
            assertThat(browser.findElement(By.tagName("main")).getText())
                    .contains("Platform, this quarter")
                    .contains("cannot be used again");
            screenshot("survey-thanks-phone");

            browser.get(link);
            assertThat(browser.findElement(By.cssSelector("p.error")).getText())
                    .isEqualTo("this survey link has already been used.");
            assertThat(browser.findElements(By.tagName("form"))).isEmpty();
            // The used link answers 409, which Chromium logs; that is the one error expected.
            assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                    .filteredOn(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                    .singleElement()
                    .satisfies(e -> assertThat(e.getMessage()).contains("409"));
        } finally {
            browser.manage().window().setSize(DESKTOP);
        }
    }

    @Test
    @Order(10)
    void theSurveysPageShowsResultsAndSuppressesSmallTeams() throws Exception {
        // commerce: the browser's answer (eNPS 9) and four more; discovery five; platform two.
        int[] commerce = {10, 7, 3, 9};
        int[] discovery = {9, 9, 8, 6, 10};
        int[] discoveryLikert = {4, 5, 3, 4, 2};
        for (int i = 0; i < commerce.length; i++) {
            answer(survey, "commerce", i + 1, platformAnswers(commerce[i], 4, "commerce " + i));
        }
        for (int i = 0; i < discovery.length; i++) {
            answer(
                    survey,
                    "discovery",
                    i,
                    platformAnswers(discovery[i], discoveryLikert[i], "discovery " + i));
        }
        answer(survey, "platform", 0, platformAnswers(5, 1, "platform 0"));
        answer(survey, "platform", 1, platformAnswers(10, 5, "platform 1"));
        // Responses travel Kafka, Flink and Parquet before the results count them.
        dora.await(
                "/api/v1/surveys/" + id(previousSurvey) + "/results",
                j -> j.at("/participation/respondents").asInt() == 5,
                Duration.ofSeconds(90));
        JsonNode results =
                dora.await(
                        "/api/v1/surveys/" + id(survey) + "/results",
                        j -> j.at("/participation/respondents").asInt() == 12,
                        Duration.ofSeconds(90));
        assertThat(results.get("teams"))
                .extracting(t -> t.get("team").asText() + ":" + t.has("suppressed"))
                .containsExactly("commerce:true", "discovery:false", "platform:true");

        open("/surveys");
        assertThat(browser.findElement(By.id("filters")).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.cssSelector("table.surveys a.survey-link")))
                .extracting(WebElement::getText)
                .containsExactly("Platform, this quarter", "Platform, last quarter");
        assertThat(column(3)).containsExactly("open", "closed");
        assertThat(column(6)).containsExactly("13", "5");
        screenshot("surveys-list");

        browser.findElement(By.linkText("Platform, this quarter")).click();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!browser.getCurrentUrl().contains("id=") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        awaitLoads(1);
        assertThat(browser.getCurrentUrl()).endsWith("/surveys?id=" + id(survey));
        assertThat(text("participation-value")).isEqualTo("92.3 %");
        assertThat(text("participation-detail")).isEqualTo("12 of 13 invited answered");
        // 12 answers: 7 promoters (9-10), 3 detractors (0-6): (7 - 3) / 12 = +33.3; the last
        // survey's was 0.
        assertThat(text("enps-value")).isEqualTo("+33.3");
        assertThat(text("enps-detail")).contains("▲ +33.3 points since Platform, last quarter");
        assertThat(browser.findElement(By.id("dimension-chart")).isDisplayed()).isTrue();
        assertThat(
                        (List<Object>)
                                browser.executeScript(
                                        "return Chart.getChart('dimension-chart').data.datasets"
                                                + ".map(d => d.label + ' ' + d.data.join('/'));"))
                // discovery: self-service 4,5,3,4,2 twice (6 of 10 favourable), platform docs
                // and reliability 2,1,3,2,4 twice (2 of 10).
                .contains("discovery 60/20");
        assertThat(
                        (List<Object>)
                                browser.executeScript(
                                        "return Chart.getChart('dimension-chart').data.datasets"
                                                + ".map(d => d.label);"))
                .containsExactly("All respondents", "discovery");
        assertThat((List<Object>) js("return points('enps-trend-chart');"))
                .containsExactly(0L, 33.3);

        // The suppressed teams are named, and no number of theirs is anywhere on the page.
        assertThat(text("suppressed-teams"))
                .startsWith("Suppressed: commerce, platform.")
                .contains("fewer than 5 respondents");
        assertThat(
                        browser
                                .findElements(
                                        By.cssSelector(
                                                "table.survey-dora > tbody > tr > td:first-child"))
                                .stream()
                                .map(WebElement::getText))
                .containsExactly("All respondents", "discovery");
        assertThat(browser.findElements(By.cssSelector("table.distribution thead th")))
                .extracting(WebElement::getText)
                .containsOnly("Answer", "All respondents", "discovery");
        // Free text: everyone's answers (the suppressed teams together are more than k), and
        // discovery's apart; never a suppressed team's apart.
        assertThat(text("free-platform_missing")).contains("commerce 0").contains("platform 1");
        assertThat(browser.findElements(By.cssSelector(".free-text details summary")))
                .extracting(WebElement::getText)
                .containsExactly("discovery (5 answers)");
        // discovery owns acme/search (dora.yaml): its DORA numbers stand beside its scores.
        WebElement discoveryRow =
                browser.findElement(By.cssSelector("table.survey-dora > tbody > tr:nth-child(2)"));
        assertThat(discoveryRow.findElements(By.cssSelector(".no-services"))).isEmpty();
        assertThat(discoveryRow.getText()).contains("/ month");
        assertThat(browser.findElements(By.cssSelector("table.survey-trend tbody tr")))
                .extracting(WebElement::getText)
                .singleElement()
                .asString()
                .startsWith("All respondents");
        assertThat(browser.findElements(By.cssSelector("#exports a[data-export]")))
                .extracting(a -> a.getDomAttribute("href"))
                .containsExactly(
                        "/api/v1/export/survey-results.csv?survey=" + id(survey),
                        "/api/v1/export/survey-results.json?survey=" + id(survey));
        fullPageScreenshot("surveys");

        // A survey nobody answered yet: suppressed as a whole, with no number and no chart.
        JsonNode unanswered = createSurvey("DORA check", "{\"commerce\":3}", "dora-quick-check");
        open("/surveys?id=" + id(unanswered));
        assertThat(text("enps-value")).isEqualTo("suppressed");
        assertThat(text("survey-results"))
                .contains("Suppressed: there are fewer than 5 respondents");
        assertThat(browser.findElements(By.tagName("canvas"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#survey-results table"))).isEmpty();
    }

    @Test
    @Order(11)
    void anAdminCreatesASurveyOnThePageHandsOutALinkAndClosesIt() throws Exception {
        open("/surveys");
        assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-can-admin"))
                .isEqualTo("true");
        assertThat(browser.findElement(By.id("new-closes-on")).getDomProperty("value"))
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).plusDays(14).toString());
        assertThat(browser.findElements(By.cssSelector("#new-template option")))
                .extracting(o -> o.getDomAttribute("value"))
                .contains("platform-experience", "dora-quick-check", "devex-quarterly");
        // Earlier surveys' teams are suggested.
        assertThat(browser.findElements(By.cssSelector("#team-suggestions option")))
                .extracting(o -> o.getDomAttribute("value"))
                .contains("commerce", "discovery", "platform");
        select("new-template", "dora-quick-check");
        assertThat(text("new-template-description"))
                .startsWith("dora-quick-check (built in): Five questions");
        browser.findElement(By.id("new-title")).sendKeys("Delivery, from the page");
        teamRow(1, "commerce", "2");
        browser.findElement(By.id("add-team")).click();
        teamRow(2, "platform", "20000");

        // The API's refusal is shown beside the form, in its own words.
        browser.findElement(By.id("create-survey")).click();
        awaitText("new-survey-error");
        assertThat(text("new-survey-error"))
                .isEqualTo("at most 10000 invitations per survey, asked 20002");
        assertThat(browser.findElement(By.id("new-survey-links")).isDisplayed()).isFalse();
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                .filteredOn(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .singleElement()
                .satisfies(e -> assertThat(e.getMessage()).contains("400"));

        WebElement count =
                browser.findElement(By.cssSelector("#new-teams tr:nth-child(2) .team-count"));
        count.clear();
        count.sendKeys("3");
        browser.findElement(By.id("create-survey")).click();
        awaitLoads(2); // the list reloads with the new survey
        assertThat(browser.findElement(By.id("new-survey-error")).isDisplayed()).isFalse();
        assertThat(text("links-once"))
                .startsWith("These links are shown only this once.")
                .contains("keep no record of who got which");
        List<WebElement> boxes = browser.findElements(By.cssSelector("#new-survey-links textarea"));
        assertThat(boxes)
                .extracting(b -> b.getDomAttribute("data-team"))
                .containsExactly("commerce", "platform");
        assertThat(boxes).allSatisfy(b -> assertThat(b.getDomAttribute("readonly")).isNotNull());
        List<String> commerceLinks = lines(boxes.get(0));
        List<String> platformLinks = lines(boxes.get(1));
        assertThat(commerceLinks).hasSize(2);
        assertThat(platformLinks).hasSize(3);
        assertThat(commerceLinks).doesNotContainAnyElementsOf(platformLinks);
        assertThat(platformLinks).allSatisfy(l -> assertThat(l).startsWith(dora.baseUrl + "/s/"));
        assertThat(browser.findElements(By.cssSelector("button.copy-links")))
                .extracting(WebElement::getText)
                .containsExactly("Copy all links for commerce", "Copy all links for platform");
        // Copying: to the clipboard where the page may write it, else the links are selected.
        browser.executeCdpCommand(
                "Browser.grantPermissions",
                java.util.Map.of(
                        "origin",
                        dora.baseUrl,
                        "permissions",
                        List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        browser.findElement(By.cssSelector("button.copy-links[data-team='platform']")).click();
        awaitText("new-survey-links", "article:nth-child(2) .copy-note");
        assertThat(
                        browser.findElement(
                                        By.cssSelector(
                                                "#new-survey-links article:nth-child(2) .copy-note"))
                                .getText())
                .isEqualTo("Copied 3 links.");
        assertThat(browser.executeAsyncScript("navigator.clipboard.readText().then(arguments[0]);"))
                .isEqualTo(String.join("\n", platformLinks));
        browser.executeScript("Object.defineProperty(navigator, 'clipboard', {value: undefined});");
        browser.findElement(By.cssSelector("button.copy-links[data-team='commerce']")).click();
        assertThat(
                        browser.findElement(
                                        By.cssSelector(
                                                "#new-survey-links article:nth-child(1) .copy-note"))
                                .getText())
                .isEqualTo("Selected: press Ctrl+C (⌘C on a Mac) to copy.");
        assertThat(
                        browser.executeScript(
                                "const b = document.activeElement;"
                                        + " return b.value.slice(b.selectionStart, b.selectionEnd);"))
                .isEqualTo(String.join("\n", commerceLinks));
        // The form starts over, and the new survey heads the list.
        assertThat(browser.findElement(By.id("new-title")).getDomProperty("value")).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#new-teams tbody tr"))).hasSize(1);
        WebElement created =
                browser.findElements(By.cssSelector("table.surveys a.survey-link")).get(0);
        assertThat(created.getText()).isEqualTo("Delivery, from the page");
        String results = created.getDomAttribute("href");
        fullPageScreenshot("survey-new");

        browser.get(platformLinks.get(0));
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("Delivery, from the page");
        choose("lead_time", "less_than_one_day");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        awaitHeading("Thank you");

        open(results);
        browser.findElement(By.id("close-survey-button")).click();
        assertThat(text("close-survey-question"))
                .contains("Close “Delivery, from the page” now")
                .contains("cannot be reopened");
        browser.findElement(By.id("close-survey-cancel")).click();
        assertThat(browser.findElements(By.id("close-survey-question"))).isEmpty();
        browser.findElement(By.id("close-survey-button")).click();
        browser.findElement(By.id("close-survey-confirm")).click();
        awaitLoads(2);
        assertThat(browser.findElement(By.cssSelector("#survey-meta .survey-status")).getText())
                .isEqualTo("closed");
        assertThat(browser.findElements(By.id("close-survey"))).isEmpty();

        // The unused links stop working at once.
        HttpResponse<String> closed =
                http.send(
                        HttpRequest.newBuilder(URI.create(commerceLinks.get(0))).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(closed.statusCode()).isEqualTo(410);
        browser.get(commerceLinks.get(0));
        assertThat(browser.findElement(By.cssSelector("p.error")).getText())
                .startsWith("this survey is closed");
        assertThat(browser.findElements(By.tagName("form"))).isEmpty();
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                .filteredOn(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .singleElement()
                .satisfies(e -> assertThat(e.getMessage()).contains("410"));
    }

    @Test
    @Order(12)
    void aViewerSeesNoSurveyAdminControlsAndNoExports() throws Exception {
        signInAsNewViewer("browser");
        try {
            open("/surveys");
            assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-can-admin"))
                    .isEqualTo("false");
            assertThat(browser.findElements(By.cssSelector("table.surveys a.survey-link")))
                    .isNotEmpty();
            assertThat(browser.findElements(By.id("survey-new"))).isEmpty();
            assertThat(browser.findElements(By.tagName("form")))
                    .extracting(f -> f.getDomAttribute("id"))
                    .containsOnly("filters", null); // the filter bar and sign-out only

            open("/surveys?id=" + id(survey));
            assertThat(text("survey-meta")).contains("open");
            assertThat(browser.findElements(By.id("close-survey"))).isEmpty();
            assertThat(browser.findElements(By.tagName("button")))
                    .extracting(WebElement::getText)
                    .doesNotContain("Close survey…");
            assertThat(browser.findElement(By.id("exports")).isDisplayed()).isFalse();
            assertThat(browser.findElements(By.cssSelector("a[data-export]")))
                    .noneMatch(WebElement::isDisplayed);
        } finally {
            signInAs(RunningDora.ADMIN_TOKEN);
        }
    }

    @Test
    @Order(13)
    void theAdoptionPageShowsCoverageFirstDeploymentsAndRequestsPerChannel() throws Exception {
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1) + "T";
        Timeline t = dora.timeline;
        // shop created from a template at 07:00, first deployed at 12:00; one self-service
        // request fulfilled in 20 minutes, one ticket still open.
        for (String event :
                List.of(
                        "{\"type\":\"service_created\",\"service\":\"acme/shop\","
                                + "\"created_at\":\""
                                + yesterday
                                + "07:00:00Z\",\"template\":\"node-service\"}",
                        "{\"type\":\"platform_request\",\"id\":\"PR-1\","
                                + "\"channel\":\"self_service\",\"requested_at\":\""
                                + yesterday
                                + "09:00:00Z\",\"fulfilled_at\":\""
                                + yesterday
                                + "09:20:00Z\",\"service\":\"acme/shop\",\"kind\":\"database\"}",
                        "{\"type\":\"platform_request\",\"id\":\"PR-2\","
                                + "\"channel\":\"ticket\",\"requested_at\":\""
                                + yesterday
                                + "10:00:00Z\",\"kind\":\"environment\"}")) {
            assertThat(t.generic(RunningDora.GENERIC_SECRET, event)).isEqualTo(202);
        }
        dora.await(
                "/api/v1/adoption",
                j ->
                        j.at("/self_service/requests").asLong() == 2
                                && j.at("/time_to_first_deployment/services").asLong() == 1,
                Duration.ofSeconds(60));

        open("/adoption?service=acme%2Fsearch"); // a filter the page does not take is left out
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Platform adoption");
        assertThat(browser.findElement(By.cssSelector("nav a[aria-current=page]")).getText())
                .isEqualTo("Adoption");
        assertThat(browser.findElement(By.id("service")).isDisplayed()).isFalse();
        assertThat(browser.getCurrentUrl()).endsWith("/adoption");
        assertThat(text("status")).endsWith("(UTC)");
        assertThat(text("coverage-value")).isEqualTo("100.0 %");
        assertThat(text("coverage-detail")).isEqualTo("1 of 1 service on a golden path");
        assertThat(text("pipelines-value")).isEqualTo("0.0 %");
        assertThat(text("pipelines-detail"))
                .isEqualTo("0 of 2 production deployments through a platform pipeline");
        assertThat(text("first-value")).isEqualTo("5.0 h");
        assertThat(text("first-detail")).isEqualTo("median of 1 of 1 new service deployed");
        assertThat(text("self-value")).isEqualTo("50.0 %");
        assertThat(text("self-detail")).isEqualTo("1 of 2 platform requests self-served");
        for (String tile : List.of("coverage", "pipelines", "first", "self")) {
            assertThat(text(tile + "-what")).isNotBlank();
        }

        List<String> first =
                browser.findElements(By.cssSelector("table.first-deployments tbody td")).stream()
                        .map(WebElement::getText)
                        .toList();
        assertThat(first)
                .containsExactly(
                        "acme/shop",
                        yesterday.replace('T', ' ') + "07:00",
                        yesterday.replace('T', ' ') + "12:00",
                        "5.0 h");
        assertThat(channel("self_service")).containsExactly("1", "1", "0", "20 min");
        assertThat(channel("ticket")).containsExactly("1", "0", "1", "–");

        // The weekly trends of the default period (the last 90 days): shop is known from
        // yesterday's week on, and that week alone has deployments and requests.
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate firstWeek = monday(today.minusDays(90 - 1)); // the dashboard's default period
        int weeks = (int) ChronoUnit.WEEKS.between(firstWeek, monday(today)) + 1;
        int yesterdaysWeek = (int) ChronoUnit.WEEKS.between(firstWeek, monday(today.minusDays(1)));
        assertThat(browser.findElements(By.cssSelector("#charts figure canvas"))).hasSize(3);
        assertThat(dataset("coverage-chart"))
                .containsExactlyElementsOf(from(yesterdaysWeek, weeks));
        assertThat(dataset("pipeline-share-chart"))
                .containsExactlyElementsOf(only(yesterdaysWeek, weeks, 0L));
        assertThat(dataset("self-service-chart"))
                .containsExactlyElementsOf(only(yesterdaysWeek, weeks, 50L));
        fullPageScreenshot("adoption");
    }

    private static LocalDate monday(LocalDate day) {
        return day.with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** A weekly dataset empty (null) before {@code week} and at 100 % from it on. */
    private static List<Object> from(int week, int weeks) {
        List<Object> data = new java.util.ArrayList<>();
        for (int i = 0; i < weeks; i++) {
            data.add(i < week ? null : 100L);
        }
        return data;
    }

    /** A weekly dataset with one value, in {@code week}, and nothing (null) elsewhere. */
    private static List<Object> only(int week, int weeks, Object value) {
        List<Object> data = new java.util.ArrayList<>(java.util.Collections.nCopies(weeks, null));
        data.set(week, value);
        return data;
    }

    /** Every value of a chart's first dataset, nulls (buckets with nothing) included. */
    private List<Object> dataset(String chart) {
        return (List<Object>)
                browser.executeScript(
                        "return Chart.getChart(arguments[0]).data.datasets[0].data;", chart);
    }

    /**
     * The Catalog page: empty at first (with the hint how to map a service), then a catalog of
     * three services in two teams imported through the API: shop from a template, checkout two
     * folders of acme/monorepo with two PagerDuty services, search with its own production pattern.
     * acme/legacy (an incident) and acme/wiki (a deployment sent here) are named by events and not
     * known to it. An admin's page holds the upload control, which shows the API's refusal in its
     * own words and draws an accepted import once the pipeline has stored it; a viewer's page holds
     * no control.
     */
    @Test
    @Order(14)
    void theCatalogPageShowsOwnersServicesWhatMapsThemAndWhatIsUnmapped() throws Exception {
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1) + "T";
        String day = yesterday.replace('T', ' ');
        open("/catalog");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Service catalog");
        assertThat(browser.findElement(By.cssSelector("nav a[aria-current=page]")).getText())
                .isEqualTo("Catalog");
        assertThat(browser.findElement(By.id("filters")).isDisplayed()).isFalse();
        assertThat(text("status")).isEqualTo("No catalog imported yet.");
        assertThat(text("catalog-empty")).startsWith("No catalog imported yet.");
        assertThat(text("services"))
                .contains("github.com/project-slug: owner/repo")
                .contains("./dora import catalog --path DIR");
        assertThat(browser.findElement(By.id("owners")).isDisplayed()).isFalse();
        assertThat(cells("table.unmapped", 1))
                .containsExactly("acme/legacy", "acme/search", "acme/shop");

        HttpResponse<String> imported =
                send("POST", "/api/v1/catalog", "application/yaml", CATALOG);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(202);
        String importedAt = JSON.readTree(imported.body()).get("imported_at").asText();
        assertThat(
                        dora.timeline.send(
                                "deployment_status",
                                deploymentStatus(
                                        "acme/wiki",
                                        3,
                                        sha('d'),
                                        "production",
                                        "success",
                                        yesterday + "15:00:00Z")))
                .isEqualTo(202);
        dora.await(
                "/api/v1/catalog",
                j ->
                        j.get("services").size() == 3
                                && j.get("unmapped").toString().contains("acme/wiki"),
                Duration.ofSeconds(60));

        open("/catalog");
        assertThat(text("status"))
                .isEqualTo(
                        "3 services of 2 teams; catalog imported at "
                                + importedAt.substring(0, 10)
                                + " "
                                + importedAt.substring(11, 16)
                                + " (UTC)");
        assertThat(rows("table.owners")).containsExactly("commerce|2|storefront", "discovery|1|—");
        assertThat(rows("table.catalog"))
                .containsExactly(
                        "checkout|commerce|storefront|experimental|hand-made|GitHub acme/monorepo\n"
                                + "Folders services/checkout/, libs/checkout-client/ in"
                                + " acme/monorepo\n"
                                + "PagerDuty PCHK001, PCHK002",
                        "shop|commerce|storefront|production|template:default/node-service|"
                                + "GitHub acme/shop\nPagerDuty PSHOP01\n"
                                // what the earlier tests' events named, now mapped here
                                + "Seen as acme/shop",
                        "search|discovery|—|—|hand-made|GitHub acme/search\n"
                                + "Opsgenie search-oncall\n"
                                + "Production ^(prod|live)$ instead of the default\n"
                                + "Seen as acme/search");
        assertThat(rows("table.unmapped"))
                .containsExactly(
                        "acme/legacy|incidents|" + day + "06:00",
                        "acme/wiki|deployments|" + day + "15:00");
        assertThat(text("unmapped")).contains("./dora import catalog --path DIR");
        fullPageScreenshot("catalog");
        WebElement byOwner =
                browser.findElement(By.xpath("//table[@class='catalog']//button[text()='Owner']"));
        byOwner.click();
        byOwner.click();
        assertThat(cells("table.catalog", 1)).containsExactly("search", "checkout", "shop");

        // The upload control: a refusal in the API's words, then an import drawn once stored.
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "kind: Component\n");
        browser.findElement(By.id("catalog-file")).sendKeys(broken.toString());
        browser.findElement(By.id("catalog-upload-button")).click();
        awaitText("catalog-upload-error");
        assertThat(text("catalog-upload-error")).startsWith("no Component in the body: ");
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                .filteredOn(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .singleElement()
                .satisfies(e -> assertThat(e.getMessage()).contains("400"));
        Path wiki =
                Files.writeString(
                        dir.resolve("wiki.yaml"),
                        "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n"
                                + "  name: wiki\n  annotations:\n"
                                + "    github.com/project-slug: acme/wiki\n"
                                + "spec:\n  owner: commerce\n");
        browser.findElement(By.id("catalog-file")).sendKeys(wiki.toString());
        browser.findElement(By.id("catalog-upload-button")).click();
        awaitText("catalog-upload-result");
        assertThat(text("catalog-upload-result"))
                .startsWith("Read 1 service from wiki.yaml: wiki.");
        assertThat(browser.findElement(By.id("catalog-upload-error")).isDisplayed()).isFalse();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!text("status").startsWith("4 services") && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(text("status"))
                .startsWith("4 services of 2 teams; catalog imported at ")
                .endsWith("; 3 services as an earlier import described them");
        assertThat(cells("table.unmapped", 1)).containsExactly("acme/legacy");

        signInAsNewViewer("catalog");
        try {
            open("/catalog");
            assertThat(rows("table.catalog")).hasSize(4);
            assertThat(browser.getPageSource()).doesNotContain("catalog-upload");
            assertThat(browser.findElements(By.tagName("form")))
                    .extracting(f -> f.getDomAttribute("id"))
                    .containsOnly("filters", null); // the filter bar and sign-out only
        } finally {
            signInAs(RunningDora.ADMIN_TOKEN);
        }
    }

    /** The rows of a table, each its cells' text joined by {@code |}. */
    private List<String> rows(String table) {
        return browser.findElements(By.cssSelector(table + " > tbody > tr")).stream()
                .map(
                        tr ->
                                String.join(
                                        "|",
                                        tr.findElements(By.cssSelector(":scope > td")).stream()
                                                .map(WebElement::getText)
                                                .toList()))
                .toList();
    }

    /** The n-th column of a table. */
    private List<String> cells(String table, int n) {
        return browser
                .findElements(By.cssSelector(table + " > tbody > tr > td:nth-child(" + n + ")"))
                .stream()
                .map(WebElement::getText)
                .toList();
    }

    private List<String> channel(String channel) {
        return browser.findElements(By.cssSelector("#channel-" + channel + " tbody td")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private JsonNode createSurvey(String title, String teams) throws Exception {
        return createSurvey(title, teams, "platform-experience");
    }

    /** Creates a survey as the admin; its answer holds the links. */
    private JsonNode createSurvey(String title, String teams, String template) throws Exception {
        HttpResponse<String> r =
                send(
                        "POST",
                        "/api/v1/surveys",
                        "{\"template\":\""
                                + template
                                + "\",\"title\":\""
                                + title
                                + "\",\"closes_on\":\""
                                + LocalDate.now(ZoneOffset.UTC).plusDays(14)
                                + "\",\"teams\":"
                                + teams
                                + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body());
    }

    private static String id(JsonNode survey) {
        return survey.get("id").asText();
    }

    /** The n-th invitation link (a path) of a team. */
    private static String link(JsonNode survey, String team, int n) {
        List<JsonNode> links = new java.util.ArrayList<>();
        survey.get("links")
                .forEach(
                        l -> {
                            if (l.get("team").asText().equals(team)) {
                                links.add(l);
                            }
                        });
        return links.get(n).get("path").asText();
    }

    /** Answers through an invitation link as JSON, as a script or a kiosk would. */
    private void answer(JsonNode survey, String team, int n, String answers) throws Exception {
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(URI.create(dora.baseUrl + link(survey, team, n)))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(answers))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    /**
     * Every question of platform-experience: the self-service Likert questions get {@code likert},
     * the platform-satisfaction ones its mirror {@code 6 - likert}.
     */
    private static String platformAnswers(int nps, int likert, String text) {
        return "{\"answers\":{\"platform_usage\":\"partly_platform\",\"self_service_no_ticket\":"
                + likert
                + ",\"self_service_fast\":"
                + likert
                + ",\"platform_docs\":"
                + (6 - likert)
                + ",\"platform_reliable\":"
                + (6 - likert)
                + ",\"tickets_per_month\":2,\"platform_nps\":"
                + nps
                + ",\"platform_missing\":\""
                + text
                + "\"}}";
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        return send(method, path, "application/json", json);
    }

    /** A request as the admin. */
    private HttpResponse<String> send(String method, String path, String type, String body)
            throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(dora.baseUrl + path))
                        .header("Authorization", "Bearer " + RunningDora.ADMIN_TOKEN)
                        .header("Content-Type", type)
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Creates a viewer token and signs in with it. */
    private void signInAsNewViewer(String name) throws Exception {
        HttpResponse<String> r =
                send("POST", "/api/v1/tokens", "{\"role\":\"viewer\",\"name\":\"" + name + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        signInAs(JSON.readTree(r.body()).get("token").asText());
    }

    /** Signs out, then in with another token, as a person would on the sign-in page. */
    private void signInAs(String token) throws InterruptedException {
        open("/");
        browser.findElement(By.cssSelector("form[action='/sign-out'] button")).click();
        awaitUrl(true);
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        awaitUrl(false);
        open("/");
    }

    /** Waits until the browser is (or is no longer) on the sign-in page after a form's submit. */
    private void awaitUrl(boolean signIn) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (browser.getCurrentUrl().endsWith("/sign-in") != signIn
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(browser.getCurrentUrl().endsWith("/sign-in")).isEqualTo(signIn);
    }

    /** Fills the n-th row of the New survey form's team table. */
    private void teamRow(int n, String team, String invitations) {
        String row = "#new-teams tbody tr:nth-child(" + n + ") ";
        browser.findElement(By.cssSelector(row + ".team-name")).sendKeys(team);
        browser.findElement(By.cssSelector(row + ".team-count")).sendKeys(invitations);
    }

    private static List<String> lines(WebElement textarea) {
        return List.of(textarea.getDomProperty("value").split("\n"));
    }

    /** Waits for the page after a form's submission: its heading. */
    private void awaitHeading(String h1) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (browser.findElement(By.tagName("h1")).getText().equals(h1)) {
                    return;
                }
            } catch (org.openqa.selenium.WebDriverException e) {
                // the old page is going away: a stale element, none yet, or (Chromium, mid
                // navigation) "node with given id does not belong to the document"
            }
            Thread.sleep(50);
        }
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(h1);
    }

    /** Waits until an element (or one inside it) has text: the answer of a click arrived. */
    private void awaitText(String id, String... inside) throws InterruptedException {
        By by = inside.length == 0 ? By.id(id) : By.cssSelector("#" + id + " " + inside[0]);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (browser.findElement(by).getText().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** Picks a radio button of a question as a respondent would, by a click. */
    private void choose(String question, String value) {
        WebElement radio =
                browser.findElement(By.id("in-" + question + "-" + value.replace('/', '-')));
        browser.findElement(By.cssSelector("label[for='" + radio.getDomAttribute("id") + "']"))
                .click();
        assertThat(radio.isSelected()).isTrue();
    }

    private void open(String path) throws InterruptedException {
        browser.get(dora.baseUrl + path);
        awaitLoads(1);
    }

    private int loads() {
        String v = browser.findElement(By.tagName("body")).getDomAttribute("data-loads");
        return v == null ? 0 : Integer.parseInt(v);
    }

    /** Waits until the page has drawn its data the n-th time ({@code body[data-loads]}). */
    private void awaitLoads(int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (loads() >= n
                    && "true"
                            .equals(
                                    browser.findElement(By.tagName("body"))
                                            .getDomAttribute("data-loaded"))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(
                "the page did not load: " + browser.findElement(By.id("status")).getText());
    }

    /** Picks a value of a filter-bar select as a user would: a change event follows. */
    private void select(String select, String value) {
        browser.executeScript(
                "const s = document.getElementById(arguments[0]); s.value = arguments[1];"
                        + " s.dispatchEvent(new Event('change', {bubbles: true}));",
                select,
                value);
    }

    private Object js(String script) {
        return browser.executeScript(
                "const points = id => Chart.getChart(id).data.datasets[0].data"
                        + ".filter(v => v !== null);\n"
                        + script);
    }

    private long sum(String chart) {
        return ((Number)
                        browser.executeScript(
                                "return Chart.getChart(arguments[0]).data.datasets[0].data"
                                        + ".reduce((a, b) => a + b, 0);",
                                chart))
                .longValue();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private List<String> column(int n) {
        return browser
                .findElements(
                        By.cssSelector(
                                "main table:not(.changes):not(.new-teams) > tbody > tr > td:nth-child("
                                        + n
                                        + ")"))
                .stream()
                .map(WebElement::getText)
                .toList();
    }

    private String cell(int row, int column) {
        return browser.findElement(
                        By.cssSelector(
                                "main table:not(.changes) > tbody > tr:nth-child("
                                        + row
                                        + ") > td:nth-child("
                                        + column
                                        + ")"))
                .getText();
    }

    private WebElement header(String label) {
        return browser.findElement(By.xpath("//th/button[normalize-space()='" + label + "']"));
    }

    private void screenshot(String page) throws Exception {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SHOTS.resolve(page + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The whole page, not only the window: the window grows to the page's height for the shot. */
    private void fullPageScreenshot(String page) throws Exception {
        Dimension before = browser.manage().window().getSize();
        long height = (Long) browser.executeScript("return document.documentElement.scrollHeight;");
        browser.manage()
                .window()
                .setSize(new Dimension(before.getWidth(), (int) Math.min(height + 150, 12000)));
        Thread.sleep(300); // charts redraw on resize
        screenshot(page);
        browser.manage().window().setSize(before);
    }

    private static ChromeDriver browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1400,1100");
        options.setExperimentalOption(
                "prefs",
                java.util.Map.of(
                        "download.default_directory",
                        DOWNLOADS.toString(),
                        "download.prompt_for_download",
                        false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(CHROMEDRIVER.toFile())
                        .build();
        return new ChromeDriver(service, options);
    }
}
