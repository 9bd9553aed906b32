package id.desadigital.system.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through ChromeDriver, both from Debian's packages: the paths are given, so Selenium
 * Manager never looks for (or downloads) a browser or driver. One per test class ({@link BrowserExtension}), with a
 * fresh profile in a temporary directory, against the running stack's gateway. Besides driving, it watches the
 * browser's console: a script error or a Content-Security-Policy refusal on any page fails the test that opened it.
 */
public final class Browser implements AutoCloseable {

    /** A common phone (iPhone 12 to 15) in CSS pixels, and a common laptop. */
    public static final Dimension PHONE = new Dimension(390, 844);
    public static final Dimension DESKTOP = new Dimension(1366, 900);

    static final String CHROMIUM_PROPERTY = "chromium.binary";
    static final String CHROMEDRIVER_PROPERTY = "chromium.driver";
    static final String SCREENSHOTS_PROPERTY = "screenshots.dir";
    private static final String DEFAULT_CHROMIUM = "/usr/bin/chromium";
    private static final String DEFAULT_CHROMEDRIVER = "/usr/bin/chromedriver";
    static final String INSTALL_HINT = "Headless Chromium not found: install it with `apt-get install chromium "
            + "chromium-driver` (Debian) to run the browser tests, or point -D" + CHROMIUM_PROPERTY + "= and -D"
            + CHROMEDRIVER_PROPERTY + "= at a Chromium and its ChromeDriver";
    /** Pages answer in well under a second; a loaded two-core machine building beside them needs more. */
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final Path profile;
    private final String baseUrl;
    private final WebDriverWait wait;

    private Browser(ChromeDriver driver, Path profile, String baseUrl) {
        this.driver = driver;
        this.profile = profile;
        this.baseUrl = baseUrl;
        this.wait = new WebDriverWait(driver, WAIT);
    }

    /** Why the browser tests cannot run here, or empty when Chromium and its driver are installed. */
    static Optional<String> unavailable() {
        boolean present = Files.isExecutable(chromium()) && Files.isExecutable(chromedriver());
        return present ? Optional.empty() : Optional.of(INSTALL_HINT + " (looked for " + chromium() + " and "
                + chromedriver() + ")");
    }

    private static Path chromium() {
        return Path.of(System.getProperty(CHROMIUM_PROPERTY, DEFAULT_CHROMIUM));
    }

    private static Path chromedriver() {
        return Path.of(System.getProperty(CHROMEDRIVER_PROPERTY, DEFAULT_CHROMEDRIVER));
    }

    static Browser start(String baseUrl) {
        try {
            Path profile = Files.createTempDirectory("chromium-profile-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium().toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    // This machine's network is closed: without these, Chromium tries Google's hosts at start and
                    // many connections are refused.
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                    "--user-data-dir=" + profile,
                    "--window-size=" + DESKTOP.width + "," + DESKTOP.height,
                    // The pages' language comes from their own switch, never from the machine's.
                    "--lang=en-US");
            // Files the pages save (a CSV through <a download>) land here, without a prompt, for downloaded().
            Path downloads = Files.createDirectories(profile.resolve("downloads"));
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false, "download.directory_upgrade", true,
                    "safebrowsing.enabled", false));
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver().toFile())
                    .usingAnyFreePort()
                    .withLogOutput(java.io.OutputStream.nullOutputStream())
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
            // Headless Chromium honours the preference only once told so through the DevTools protocol.
            driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                    "downloadPath", downloads.toString()));
            Browser browser = new Browser(driver, profile, baseUrl);
            browser.resize(DESKTOP);
            return browser;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /**
     * Opens a page of the site and waits until its module has drawn it ({@code body.is-ready}, set by layout.js), or
     * until it went on to another page (a console sends a visitor without a session to the sign-in page).
     */
    public void open(String path) {
        driver.get(baseUrl + path);
        awaitReady();
    }

    /** Waits until the page now shown has been drawn. */
    public void awaitReady() {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body.is-ready")));
    }

    /** Waits until the address is this path of the site (query ignored) and that page is drawn. */
    public void awaitPage(String path) {
        wait.until(d -> path().equals(path));
        awaitReady();
    }

    /** The path of the page shown, without query. */
    public String path() {
        String url = driver.getCurrentUrl();
        String path = url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    public WebElement find(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits until the element's text contains the given text, and returns the element. */
    public WebElement awaitText(By by, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        return driver.findElement(by);
    }

    public void until(java.util.function.Function<WebDriver, Boolean> condition) {
        wait.until(condition);
    }

    @SuppressWarnings("unchecked")
    public <T> T script(String script, Object... arguments) {
        return (T) ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    @SuppressWarnings("unchecked")
    public <T> T asyncScript(String script, Object... arguments) {
        return (T) ((JavascriptExecutor) driver).executeAsyncScript(script, arguments);
    }

    /**
     * Waits for a file the page saved (through {@code <a download>}) whose name ends with {@code suffix}, completely
     * written, and returns its path; files already there before are ignored when listed in {@code before}.
     */
    public Path downloaded(String suffix, List<Path> before) {
        Path directory = profile.resolve("downloads");
        List<Path> found = new ArrayList<>();
        wait.until(d -> {
            try (Stream<Path> files = Files.list(directory)) {
                List<Path> done = files.filter(f -> f.getFileName().toString().endsWith(suffix))
                        .filter(f -> !before.contains(f)).toList();
                found.clear();
                found.addAll(done);
                return !done.isEmpty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return found.get(0);
    }

    /** The files in the download directory now, to tell a new download from earlier ones. */
    public List<Path> downloads() {
        try (Stream<Path> files = Files.list(profile.resolve("downloads"))) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page's {@code <html lang>}, which the language switch keeps right. */
    public String documentLanguage() {
        return script("return document.documentElement.lang;");
    }

    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /**
     * Sets the viewport (not the window, whose frame differs between Chromium versions) to a size in CSS pixels.
     */
    public void resize(Dimension viewport) {
        driver.manage().window().setSize(viewport);
        Map<String, Long> inner = script("return {w: window.innerWidth, h: window.innerHeight};");
        int width = viewport.width + (viewport.width - inner.get("w").intValue());
        int height = viewport.height + (viewport.height - inner.get("h").intValue());
        if (width != viewport.width || height != viewport.height) {
            driver.manage().window().setSize(new Dimension(width, height));
        }
    }

    /** Whether the page fits the viewport's width (nothing scrolls sideways), as a phone needs. */
    public boolean fitsWidth() {
        Boolean fits = script("return document.documentElement.scrollWidth <= window.innerWidth;");
        return fits;
    }

    /** Forgets the session and the chosen language, as a new visitor would arrive. */
    public void forgetEverything() {
        if (driver.getCurrentUrl().startsWith(baseUrl)) {
            script("sessionStorage.clear(); localStorage.clear();");
        }
    }

    /**
     * The errors the browser's console showed since the last call: script errors, refused resources (the
     * Content-Security-Policy's refusals are among them) and failed requests. A page that is meant to show a
     * refusal (a wrong password is a 401) is read with {@link #consoleErrorsExcept}.
     */
    public List<String> consoleErrors() {
        return consoleErrorsExcept(List.of());
    }

    public List<String> consoleErrorsExcept(List<String> expected) {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()
                    && expected.stream().noneMatch(entry.getMessage()::contains)) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    /** Whether this run takes screenshots ({@code -Dscreenshots.dir=...}). */
    public static boolean takesScreenshots() {
        String directory = System.getProperty(SCREENSHOTS_PROPERTY);
        return directory != null && !directory.isBlank();
    }

    /**
     * With {@code -Dscreenshots.dir=...}, saves the whole page at phone and at desktop width as
     * {@code <name>-phone.png} and {@code <name>-desktop.png}; without it, does nothing. The window is put back as
     * it was.
     */
    public void screenshots(String name) {
        if (!takesScreenshots()) {
            return;
        }
        String directory = System.getProperty(SCREENSHOTS_PROPERTY);
        Map<String, Long> before = script("return {w: window.innerWidth, h: window.innerHeight};");
        try {
            Path target = Files.createDirectories(Path.of(directory));
            screenshot(PHONE, target.resolve(name + "-phone.png"));
            screenshot(DESKTOP, target.resolve(name + "-desktop.png"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            resize(new Dimension(before.get("w").intValue(), before.get("h").intValue()));
        }
    }

    private void screenshot(Dimension width, Path file) throws IOException {
        resize(width);
        // Charts and bars draw after a resize; give them a frame or two, then take the page at its full height.
        script("return new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 600)));");
        Long height = script("return Math.max(document.documentElement.scrollHeight, window.innerHeight);");
        resize(new Dimension(width.width, height.intValue()));
        script("return new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 300)));");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // A temporary directory; the next reboot clears what is left.
        }
    }
}
