package io.rapport.it.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's packages ({@code chromium}, {@code chromium-driver}), driven through
 * {@code /usr/bin/chromedriver} with a fresh profile. A test using it is skipped (an assumption, not a
 * failure) only when those packages are not installed; {@code .ci/run} installs them.
 * Also: axe-core (the copy packaged in {@code com.deque.html.axe-core:selenium}) run in the page, full-page
 * screenshots under {@code target/screenshots/}, and the network switched off and on.
 */
public final class Browser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A phone: 360 × 780 CSS pixels at 2× (Android-sized). */
    public static Browser phone() {
        return start(options -> options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                Map.of("width", 360, "height", 780, "pixelRatio", 2.0, "touch", true))));
    }

    /** A desktop window, as a CRM screen that frames the score card. */
    public static Browser desktop() {
        return start(options -> options.addArguments("--window-size=1280,1000"));
    }

    private static Browser start(Function<ChromeOptions, ?> device) {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "Browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        try {
            Path profile = Files.createTempDirectory("rapport-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            // Without these the browser reaches for the network (which this machine does not have) and stalls.
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + profile);
            device.apply(options);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            return new Browser(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits (up to 30 s, polling) until the condition holds; the test's assertions come after. */
    public <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition);
    }

    public WebElement awaitVisible(String css) {
        return await(d -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst()
                .orElse(null));
    }

    public Object script(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** A script that answers through its last argument, the callback (for promises). */
    public Object asyncScript(String script, Object... args) {
        return driver.executeAsyncScript(script, args);
    }

    /** The browser's own notion of the network: offline (requests fail, navigator.onLine false) or back. */
    public void network(boolean online) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", !online, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** Bytes transferred for the current page so far (document and every resource), except URLs containing {@code except}. */
    public long transferredBytes(String except) {
        Object total = script("""
                var skip = arguments[0];
                return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
                  .filter(function (e) { return e.name.indexOf(skip) < 0; })
                  .reduce(function (sum, e) { return sum + e.transferSize; }, 0);""", except);
        return ((Number) total).longValue();
    }

    /** Every URL the page has fetched (document and resources). */
    @SuppressWarnings("unchecked")
    public List<String> requestedUrls() {
        return (List<String>) script("""
                return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
                  .map(function (e) { return e.name; });""");
    }

    /** A full-page PNG under target/screenshots/; returns its path. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true));
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the screen shows now (no scrolling), as a PNG under target/screenshots/. */
    public Path screenshotOfView(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs axe-core (WCAG 2.0/2.1 A and AA rules) in the page; returns the violations as "impact rule: help (n nodes)". */
    public List<String> axeViolations() {
        script(axeSource());
        String json = (String) driver.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                  .then(function (r) { done(JSON.stringify(r.violations)); }, function (e) { done('error: ' + e); });""");
        assertThat(json).doesNotStartWith("error:");
        try {
            List<String> violations = new ArrayList<>();
            for (JsonNode v : JSON.readTree(json)) {
                violations.add(v.path("impact").asText() + " " + v.path("id").asText() + ": " + v.path("help").asText()
                        + " (" + v.path("nodes").size() + " nodes, e.g. " + v.path("nodes").path(0).path("target") + ")");
            }
            return violations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails on any serious or critical violation; returns all of them (minor and moderate included) to report. */
    public List<String> assertNoSeriousAxeViolations() {
        List<String> violations = axeViolations();
        assertThat(violations).as("axe-core serious or critical violations")
                .noneMatch(v -> v.startsWith("serious ") || v.startsWith("critical "));
        return violations;
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            assertThat(in).as("axe.min.js (com.deque.html.axe-core:selenium) on the test classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
