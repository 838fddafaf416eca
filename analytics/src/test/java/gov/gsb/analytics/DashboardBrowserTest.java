package gov.gsb.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import gov.gsb.devstack.junit.Chromium;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An analyst in a real, headless Chromium: signs in on Keycloak's own login page, reads the overview's tiles and
 * charts, a service's and an agency's page, searches the call log by IP and by user, exports CSV. Screenshots go to
 * {@code target/screenshots/}.
 */
@QuarkusTest
@WithTestResource(AnalyticsServers.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static WebDriver browser;
    private static Path profile;
    private static Path downloads;

    @TestHTTPResource("/")
    URL app;

    @BeforeAll
    static void startBrowser() throws IOException {
        Chromium.ensureInstalled();
        profile = Files.createTempDirectory("gsb-analytics-chromium");
        downloads = Files.createDirectories(Path.of("target", "downloads").toAbsolutePath());
        Files.createDirectories(SCREENSHOTS);
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        ChromeOptions options = new ChromeOptions().setBinary(Chromium.BINARY.toString())
                .addArguments(Chromium.arguments(profile)).setExperimentalOption("prefs", prefs);
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Chromium.DRIVER.toFile()).build(), options);
        browser.manage().window().setSize(new Dimension(1400, 2000));
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The app as the browser reaches it: 127.0.0.1, which the realm's gsb-portal client accepts as a redirect. */
    private String url(String path) {
        return "http://127.0.0.1:" + app.getPort() + path;
    }

    private static WebElement find(String id) {
        return browser.findElement(By.id(id));
    }

    private static void awaitDashboard() {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> {
            String loaded = d.findElement(By.id("dashboard")).getAttribute("data-loaded");
            return loaded != null;
        });
        assertThat(find("dashboard").getAttribute("data-loaded")).as(find("status").getText()).isEqualTo("true");
    }

    private static long number(String id) {
        return Long.parseLong(find(id).getText().replace(",", ""));
    }

    private static void screenshot(String name) throws IOException {
        Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    @Order(1)
    void shouldSignInThroughKeycloakAndShowTheOverviewsTotals() throws IOException {
        browser.get(url("/"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("username")).isEmpty());
        assertThat(browser.getCurrentUrl()).contains("/realms/gsb/protocol/openid-connect/auth");
        screenshot("01-keycloak-login");
        find("username").sendKeys("analyst");
        find("password").sendKeys("analyst");
        find("kc-login").click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("dashboard")).isEmpty());
        awaitDashboard();
        assertThat(find("user").getText()).isEqualTo("analyst");
        assertThat(number("tile-calls")).isEqualTo(TestData.CALLS);
        assertThat(number("tile-failures")).isEqualTo(TestData.failures());
        assertThat(find("tile-rate").getText()).isEqualTo(String.format(java.util.Locale.ROOT, "%.1f %%",
                100.0 * (TestData.CALLS - TestData.failures()) / TestData.CALLS));
        assertThat(find("tile-p95").getText()).endsWith(" ms");
        // Every chart was drawn: Chart.js registers an instance per canvas.
        Object charts = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return ['series','providers','consumers','services','errors','latency']"
                        + ".filter(id => Chart.getChart('chart-' + id)).length");
        assertThat(charts).isEqualTo(6L);
        assertThat(browser.findElements(By.cssSelector("#table-services tbody tr"))).hasSize(3);
        screenshot("02-overview");
    }

    @Test
    @Order(2)
    void shouldShowAServicesAndAnAgencysPage() throws IOException {
        browser.get(url("/services/tax.income-check"));
        awaitDashboard();
        assertThat(number("tile-calls")).isEqualTo(TestData.count(r -> r.getService().equals("tax.income-check")));
        screenshot("03-service");
        browser.get(url("/agencies/tax?side=consumer"));
        awaitDashboard();
        assertThat(number("tile-calls")).isEqualTo(TestData.count(r -> "tax".equals(r.getConsumerAgency())));
        assertThat(number("tile-failures")).isEqualTo(TestData.count(r -> "tax".equals(r.getConsumerAgency())
                && r.getOutcome() != gov.gsb.bus.Outcome.SUCCESS));
        screenshot("04-agency-as-consumer");
    }

    @Test
    @Order(3)
    void shouldFindACallByIpAndByUser() throws IOException {
        browser.get(url("/calls"));
        assertThat(number("total")).isEqualTo(TestData.CALLS);
        find("search"); // the form
        browser.findElement(By.name("ip")).sendKeys(TestData.JAN_IP);
        find("search").click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("ip="));
        assertThat(number("total")).isEqualTo(1);
        assertThat(find("results").getText()).contains(TestData.JAN, "call-17", "Safari 18 (iPhone)");
        screenshot("05-search-by-ip");
        browser.get(url("/calls?range=24h&user=" + TestData.JAN));
        assertThat(number("total")).isEqualTo(1);
        assertThat(find("results").getText()).contains(TestData.JAN_IP);
        browser.get(url("/calls?range=24h&size=20"));
        assertThat(browser.findElements(By.cssSelector("#results tbody tr"))).hasSize(20);
        find("next").click();
        assertThat(find("page").getText()).isEqualTo("2");
        screenshot("06-call-log-page-2");
    }

    @Test
    @Order(4)
    void shouldDownloadTheSearchAsCsv() throws IOException, InterruptedException {
        Path csv = downloads.resolve("gsb-calls.csv");
        Files.deleteIfExists(csv);
        browser.get(url("/calls?range=24h&ip=" + TestData.JAN_IP));
        find("export").click();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!Files.isRegularFile(csv) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"call_id\"", "\"end_user\"", "\"client_ip\"");
        assertThat(lines.get(1)).contains("\"call-17\"", "\"" + TestData.JAN + "\"", "\"" + TestData.JAN_IP + "\"");
    }

    @Test
    @Order(5)
    void shouldShowAWrongFilterNextToItsField() throws IOException {
        browser.get(url("/calls?ip=not-an-ip&outcome=MAYBE"));
        assertThat(find("errors").getText()).contains("ip", "IPv4 or IPv6", "outcome");
        screenshot("07-search-errors");
    }
}
