package io.verbund.acd.node;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's real Chromium ({@code /usr/bin/chromium}), headless, driven through Debian's
 * chromedriver ({@code /usr/bin/chromedriver}): a fresh browser with its own empty profile for
 * every test. Nothing is downloaded: with the driver given to the service, Selenium Manager is
 * never run. Use it as an extension field:
 *
 * <pre>
 * &#64;RegisterExtension
 * final HeadlessChromium browser = new HeadlessChromium();
 * </pre>
 *
 * Screenshots go to {@code deploy/target/screenshots}; a failed test leaves
 * {@code failure-<test>.png} and {@code failure-<test>-console.log} (the page's console) there.
 * {@code -Dverbund.chromium=…} and {@code -Dverbund.chromedriver=…} point elsewhere.
 */
final class HeadlessChromium implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

    static final String CHROMIUM = System.getProperty("verbund.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("verbund.chromedriver", "/usr/bin/chromedriver");
    /** How long a UI state may take to appear by default. */
    static final Duration WAIT = Duration.ofSeconds(15);
    /**
     * Selenium looks for CDP bindings of this Chromium's version (selenium-devtools-v156, not on the
     * class path: nothing here uses CDP) and warns at every start; kept quiet. Held here, as
     * java.util.logging keeps loggers only weakly.
     */
    private static final java.util.logging.Logger CDP_VERSION_FINDER = quiet("org.openqa.selenium.devtools.CdpVersionFinder");

    private Path profile;
    private ChromeDriverService service;
    private ChromeDriver driver;
    private OutputStream driverLog;

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    /** Where screenshots are saved: deploy/target/screenshots, created when needed. */
    static Path screenshotFolder() {
        Path folder = TestNodes.nodeDir().getParent().resolve("screenshots");
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code data-testid} selector. */
    static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        start();
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent() && driver != null) {
            saveFailure(context.getRequiredTestMethod().getName());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        quit();
    }

    /** Starts the browser; the JUnit callbacks do it for a test, a benchmark's main calls it itself. */
    void start() throws IOException {
        for (String file : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(Path.of(file))) {
                throw new IllegalStateException(file + " is missing: apt-get install chromium chromium-driver (.ci/run does it)");
            }
        }
        profile = Files.createTempDirectory("verbund-chromium-");
        driverLog = new FileOutputStream(screenshotFolder().getParent().resolve("chromedriver.log").toFile(), true);
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .withLogOutput(driverLog)
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1440,900", "--user-data-dir=" + profile, "--lang=en-US", "--password-store=basic");
        // Fake audio devices for the softphone: the microphone plays a tone (fakeMicrophone), and WebRTC may
        // use loopback, where the softphone edge listens. The microphone is allowed below, as a user's site
        // setting, not with --use-fake-ui-for-media-stream, which would also ignore a refusal a test sets.
        options.addArguments("--use-fake-device-for-media-stream",
                "--use-file-for-fake-audio-capture=" + fakeMicrophone(profile), "--allow-loopback-in-peer-connection",
                "--autoplay-policy=no-user-gesture-required");
        // The app follows the browser's language unless the user chose one: English, as a fresh CI box.
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        try {
            driver = new ChromeDriver(service, options);
            driver.executeCdpCommand("Browser.setPermission", Map.of("permission", Map.of("name", "microphone"), "setting", "granted"));
        } catch (RuntimeException e) {
            quit();
            throw e;
        }
    }

    /** The tone the fake microphone plays, in loop: 440 Hz at half scale, 16-bit mono 48 kHz WAV. */
    static final int MICROPHONE_HZ = 440;

    private static Path fakeMicrophone(Path folder) throws IOException {
        int rate = 48_000;
        int samples = rate * 2;
        java.nio.ByteBuffer wav = java.nio.ByteBuffer.allocate(44 + samples * 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2).put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            wav.putShort((short) Math.round(16_000 * Math.sin(2 * Math.PI * MICROPHONE_HZ * i / rate)));
        }
        return Files.write(folder.resolve("microphone.wav"), wav.array());
    }

    void quit() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            if (service != null) {
                service.stop();
                service = null;
            }
            if (driverLog != null) {
                try {
                    driverLog.close();
                } catch (IOException ignored) {
                    // only the driver's own log
                }
                driverLog = null;
            }
            deleteProfile();
        }
    }

    private void deleteProfile() {
        if (profile == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // A temp folder left behind is no test failure.
        }
        profile = null;
    }

    WebDriver driver() {
        if (driver == null) {
            throw new IllegalStateException("no browser: register HeadlessChromium with @RegisterExtension");
        }
        return driver;
    }

    /**
     * Sets a browser permission for an origin through the DevTools protocol, as a user's choice in
     * the site settings would: e.g. {@code microphone} {@code denied}, then {@code granted} (every
     * browser here starts with the microphone allowed everywhere).
     */
    void setPermission(String origin, String permission, String setting) {
        ((ChromeDriver) driver()).executeCdpCommand("Browser.setPermission",
                Map.of("permission", Map.of("name", permission), "setting", setting, "origin", origin));
    }

    /** Loads a page (a real navigation). */
    void open(String url) {
        driver().get(url);
    }

    String currentPath() {
        return java.net.URI.create(driver().getCurrentUrl()).getPath();
    }

    /** Waits up to {@code timeout} until {@code condition} gives a non-null, non-false value; the message names what was awaited. */
    <T> T await(String what, Duration timeout, Function<WebDriver, T> condition) {
        WebDriverWait wait = new WebDriverWait(driver(), timeout, Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class).withMessage(what);
        return wait.until(condition);
    }

    <T> T await(String what, Function<WebDriver, T> condition) {
        return await(what, WAIT, condition);
    }

    /** The element with this test id once it is displayed. */
    WebElement visible(String testId) {
        return await("[data-testid=" + testId + "] visible", browser -> {
            WebElement element = browser.findElement(testId(testId));
            return element.isDisplayed() ? element : null;
        });
    }

    /**
     * Clicks the element with this test id once it is displayed and enabled, scrolled to the middle
     * of the window first: at the top edge the app's sticky navigation would take the click.
     */
    void click(String testId) {
        WebElement element = await("[data-testid=" + testId + "] clickable", browser -> {
            WebElement found = browser.findElement(testId(testId));
            return found.isDisplayed() && found.isEnabled() ? found : null;
        });
        script("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /** Waits until the element with this test id has {@code attribute} equal to one of {@code values}; returns that value. */
    String awaitAttribute(String testId, String attribute, Duration timeout, String... values) {
        return await("[data-testid=" + testId + "] " + attribute + " in " + List.of(values), timeout, browser -> {
            String value = browser.findElement(testId(testId)).getDomAttribute(attribute);
            return List.of(values).contains(value) ? value : null;
        });
    }

    /** The element's text as in the DOM (not as CSS shows it: MUI buttons upper-case their labels). */
    String text(WebElement element) {
        String text = element.getDomProperty("textContent");
        return text == null ? "" : text.strip();
    }

    Object script(String javaScript, Object... arguments) {
        return ((JavascriptExecutor) driver()).executeScript(javaScript, arguments);
    }

    /**
     * Marks the current document; {@link #isSameDocument} tells later whether the page is still that
     * document (no reload, no full navigation): the app's own routing keeps it, a reload loses it.
     */
    String markDocument() {
        String marker = UUID.randomUUID().toString();
        script("window.__verbundTestMarker = arguments[0];", marker);
        return marker;
    }

    boolean isSameDocument(String marker) {
        return marker.equals(script("return window.__verbundTestMarker || null;"));
    }

    /** Saves a screenshot of the viewport as {@code <name>.png} in the screenshot folder and prints its path. */
    Path screenshot(String name) {
        Path file = screenshotFolder().resolve(name + ".png");
        try {
            Files.write(file, ((org.openqa.selenium.TakesScreenshot) driver()).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("Screenshot: " + file.toAbsolutePath());
        return file;
    }

    /** The page's console so far (each read drains what chromedriver collected). */
    List<String> console() {
        List<String> lines = new ArrayList<>();
        for (LogEntry entry : driver().manage().logs().get(LogType.BROWSER)) {
            lines.add(java.time.Instant.ofEpochMilli(entry.getTimestamp()) + " " + entry.getLevel() + " " + entry.getMessage());
        }
        return lines;
    }

    /** After a failed test: the screenshot, the console, and where the browser was. */
    void saveFailure(String test) {
        try {
            screenshot("failure-" + test);
        } catch (RuntimeException e) {
            System.out.println("No failure screenshot of " + test + ": " + e);
        }
        try {
            List<String> lines = new ArrayList<>();
            lines.add("URL: " + driver().getCurrentUrl());
            lines.addAll(console());
            Path log = screenshotFolder().resolve("failure-" + test + "-console.log");
            Files.writeString(log, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            System.out.println("Browser console: " + log.toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            System.out.println("No console log of " + test + ": " + e);
        }
    }
}
