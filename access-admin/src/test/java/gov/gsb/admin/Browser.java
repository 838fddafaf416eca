package gov.gsb.admin;

import gov.gsb.devstack.junit.Chromium;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (devstack's {@link Chromium} fixture: Debian's chromium and chromedriver) driven through
 * WebDriver, with what the portal's tests do over and over: sign in on Keycloak's own login page, fill fields, wait,
 * and save full-page screenshots under {@code target/screenshots/}.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final int WIDTH = 1400;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    final WebDriver driver;
    private final Path screenshots;
    private final Path profile;
    private final WebDriverWait wait;

    /** A fresh browser (its own profile: no cookies) that saves its screenshots in this folder. */
    Browser(Path screenshots) throws IOException {
        Chromium.ensureInstalled();
        this.screenshots = screenshots;
        profile = Files.createTempDirectory("gsb-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(Chromium.BINARY.toString())
                .addArguments(Chromium.arguments(profile));
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(Chromium.DRIVER.toFile()).build(),
                options);
        wait = new WebDriverWait(driver, TIMEOUT);
    }

    /** Opens a page of the portal; without a session the portal sends the browser to Keycloak's login page. */
    void open(String url) {
        driver.get(url);
    }

    /** Signs in on Keycloak's login page (the browser must be on it) and waits to be back on the portal. */
    void signIn(String user, String password, String portalUrl) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        wait.until(d -> d.getCurrentUrl().startsWith(portalUrl) && !d.findElements(By.id("viewer")).isEmpty());
    }

    WebElement find(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    boolean has(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    /** Replaces what a field holds. */
    void type(String name, String value) {
        WebElement field = driver.findElement(By.name(name));
        field.clear();
        field.sendKeys(value);
    }

    void choose(String name, String value) {
        new Select(driver.findElement(By.name(name))).selectByValue(value);
    }

    /**
     * Clicks and waits for the next page to replace this one and finish loading.
     *
     * <p>The old page is marked with a script variable that a new document does not have. Waiting for the button to
     * go stale instead is racy: while the page is being replaced, chromedriver may answer a question about the old
     * button with "unknown error: Node with given id does not belong to the document" rather than "stale element",
     * and scripts run mid-navigation may fail likewise; both mean "not there yet", so they are retried.
     */
    void submit(String buttonId) {
        WebElement button = find(buttonId);
        JavascriptExecutor page = (JavascriptExecutor) driver;
        page.executeScript("window.gsbLeaving = true;");
        button.click();
        // A wait of its own: ignoring() changes the wait it is called on, and find() should not ignore these.
        new WebDriverWait(driver, TIMEOUT).ignoring(WebDriverException.class).until(d -> Boolean.TRUE.equals(
                page.executeScript("return window.gsbLeaving !== true && document.readyState === 'complete';")));
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Runs a script in the page; its last argument is the callback that ends it. */
    Object async(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** Saves the whole page, not only the window, as {@code <folder>/<name>.png}. */
    Path screenshot(String name) {
        long height = (Long) ((JavascriptExecutor) driver).executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
        driver.manage().window().setSize(new Dimension(WIDTH, (int) Math.min(Math.max(height + 160, 900), 6000)));
        try {
            Files.createDirectories(screenshots);
            Path file = screenshots.resolve(name + ".png");
            Files.write(file, ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
