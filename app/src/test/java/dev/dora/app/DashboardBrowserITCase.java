package dev.dora.app;

import static dev.dora.app.Timeline.ZERO;
import static dev.dora.app.Timeline.deploymentStatus;
import static dev.dora.app.Timeline.push;
import static dev.dora.app.Timeline.sha;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The overview page in headless Chromium (Debian's chromium and chromium-driver, which {@code
 * .ci/run} installs): sign in with the admin token, then both charts are drawn with the data the
 * pipeline computed. Saves a screenshot to {@code target/screenshots/overview.png}.
 */
class DashboardBrowserITCase {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir Path dir;

    @Test
    void signsInAndDrawsBothChartsWithData() throws Exception {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium or chromedriver not found in /usr/bin: install Debian's chromium and"
                        + " chromium-driver (.ci/run does) to run the browser test");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String yesterday = today.minusDays(1) + "T";
        try (RunningDora dora = new RunningDora(dir.resolve("data"))) {
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
            // An incident 1 h after the release, resolved 45 min later: attributed to it by window.
            assertThat(
                            t.generic(
                                    RunningDora.GENERIC_SECRET,
                                    "{\"type\":\"incident\",\"id\":\"INC-1\",\"service\":"
                                            + "\"acme/shop\",\"opened_at\":\""
                                            + yesterday
                                            + "13:00:00Z\",\"resolved_at\":\""
                                            + yesterday
                                            + "13:45:00Z\"}"))
                    .isEqualTo(202);
            dora.await(
                    "/api/v1/dora",
                    j ->
                            j.at("/lead_time/changes").asLong() == 2
                                    && j.at("/time_to_restore/incidents").asLong() == 1,
                    Duration.ofSeconds(60));

            ChromeDriver browser = browser();
            try {
                browser.get(dora.baseUrl + "/");
                assertThat(browser.getCurrentUrl()).endsWith("/sign-in");
                browser.findElement(By.id("token")).sendKeys(RunningDora.ADMIN_TOKEN);
                browser.findElement(By.cssSelector("form button[type=submit]")).click();

                awaitLoaded(browser);
                JavascriptExecutor js = browser;
                long deploymentsDrawn =
                        ((Number)
                                        js.executeScript(
                                                "return Chart.getChart('deployments-chart').data.datasets[0].data.reduce((a, b) => a + b, 0);"))
                                .longValue();
                assertThat(deploymentsDrawn).isEqualTo(1);
                Object leadTimePoints =
                        js.executeScript(
                                "return Chart.getChart('lead-time-chart').data.datasets[0].data.filter(v => v !== null);");
                // Lead times 4 h and 3 h: the weekly median is 3.5 h.
                assertThat((List<?>) leadTimePoints).hasSize(1);
                assertThat(((Number) ((List<?>) leadTimePoints).get(0)).doubleValue())
                        .isEqualTo(3.5);
                assertThat(browser.findElement(By.id("lt-value")).getText()).isEqualTo("3.5 h");
                // The one deployment failed (the incident); it recovered when the incident was
                // resolved, 1 h 45 min after it went live.
                assertThat(browser.findElement(By.id("cfr-value")).getText()).isEqualTo("100.0 %");
                assertThat(browser.findElement(By.id("rt-value")).getText()).isEqualTo("1.8 h");
                assertThat(browser.findElement(By.id("rt-detail")).getText())
                        .contains("time to restore 45 min over 1 incident");
                assertThat(browser.findElement(By.id("rw-value")).getText()).isEqualTo("0.0 %");

                Path shots = Path.of("target", "screenshots");
                Files.createDirectories(shots);
                Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
                Files.copy(
                        shot, shots.resolve("overview.png"), StandardCopyOption.REPLACE_EXISTING);

                List<LogEntry> errors =
                        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                                .toList();
                assertThat(errors).as("browser console errors").isEmpty();
            } finally {
                browser.quit();
            }
        }
    }

    /** Waits until the page has drawn its charts ({@code body[data-loaded=true]}). */
    private static void awaitLoaded(ChromeDriver browser) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if ("true"
                    .equals(
                            browser.findElement(By.tagName("body"))
                                    .getDomAttribute("data-loaded"))) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(
                "the overview page did not load: "
                        + browser.findElement(By.id("status")).getText());
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
                "--window-size=1400,1000");
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
