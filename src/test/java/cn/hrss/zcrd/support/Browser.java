package cn.hrss.zcrd.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium and ChromeDriver, named explicitly so Selenium Manager never downloads anything.
 *
 * <p>The browser trusts the dev root of {@code ops/dev-setup} as a bureau's browser trusts the bureau's root: its
 * own NSS database (in a private {@code HOME}) holds the root as a trust anchor, so the public HTTPS face is reached
 * without switching certificate checks off. It keeps its console log: {@link BrowserExtension}, which owns the one
 * Chromium of a test JVM, fails a test whose pages reported a script error, a Content-Security-Policy violation or a
 * resource that did not load ({@link #consoleProblems}).
 *
 * <p>No implicit wait: {@code findElement} answers at once, so a test looks for what a loaded page holds. What comes
 * later is waited for on its condition: {@link #submit} waits until the next page is loaded, {@link #find} until an
 * element (e.g. drawn by an ajax update) is there, {@link #settledText} until it shows text.
 */
public final class Browser {

    private static Path home;

    private Browser() {}

    private static final Duration PAGE = Duration.ofSeconds(60);
    private static final Duration UPDATE = Duration.ofSeconds(30);
    private static final Dimension WINDOW = new Dimension(1280, 900);

    /** A new Chromium; tests get the shared one from {@link BrowserExtension}. */
    static WebDriver start() {
        String binary = env("CHROME_BIN", "/usr/bin/chromium");
        String driver = env("CHROMEDRIVER", "/usr/bin/chromedriver");
        try {
            ChromeOptions options = new ChromeOptions();
            LoggingPreferences logging = new LoggingPreferences();
            logging.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logging);
            options.setBinary(binary)
                    .addArguments(
                            "--headless=new",
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-dev-shm-usage",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--no-first-run",
                            "--window-size=" + WINDOW.width + "," + WINDOW.height,
                            "--user-data-dir=" + Files.createTempDirectory("zcrd-chromium"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(driver))
                    .usingAnyFreePort()
                    .withEnvironment(Map.of("HOME", trustingHome().toString()))
                    .build();
            ChromeDriver browser = new ChromeDriver(service, options);
            browser.manage().timeouts().pageLoadTimeout(PAGE);
            return browser;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The text of the element with {@code id}, once it shows some ({@link #settledText}: a page still loading after a
     * click, or being updated, is waited for up to 30 s); when there is no such element, says which page the browser
     * is on instead.
     */
    public static String textOf(WebDriver browser, String id) {
        try {
            return settledText(browser, By.id(id));
        } catch (org.openqa.selenium.TimeoutException e) {
            // present but blank for the whole wait, or never there
            try {
                return browser.findElement(By.id(id)).getText();
            } catch (org.openqa.selenium.NoSuchElementException missing) {
                throw new AssertionError(
                        "no #" + id + " on " + browser.getCurrentUrl() + " (" + browser.getTitle() + "): "
                                + browser.findElement(By.tagName("body"))
                                        .getText()
                                        .replace('\n', ' '),
                        missing);
            }
        }
    }

    /**
     * What a crafted post does with a button the page disabled for this session: enables it in the page (as anyone
     * can in the browser's developer tools) and clicks it. The server must refuse the action on its own.
     */
    public static void pressAlthoughDisabled(WebDriver browser, By button) {
        WebElement element = browser.findElement(button);
        if (element.isEnabled()) {
            throw new AssertionError(button + " is enabled: expected the page to disable it");
        }
        WebElement page = browser.findElement(By.tagName("html"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].disabled = false", element);
        element.click();
        // an irreversible action asks first: the crafted post is what follows 确定
        nextPage(browser, page);
    }

    /**
     * Clicks what submits the page (a non-ajax button or a link) and waits until the next page replaced it; a button
     * that asks for confirmation first (p:confirm, answered in the templates' one dialog) is confirmed with 确定.
     * Tests of the confirmation itself use {@link #confirmation} and {@link #answerConfirmation} instead.
     */
    public static void submit(WebDriver browser, By by) {
        WebElement page = browser.findElement(By.tagName("html"));
        find(browser, by).click();
        nextPage(browser, page);
    }

    /** Waits until the next page replaced {@code page} and is loaded, answering a confirmation with 确定 on the way. */
    private static void nextPage(WebDriver browser, WebElement page) {
        WebDriverWait wait = new WebDriverWait(browser, PAGE);
        wait.until(driver -> replaced(page).apply(driver) || confirmationShown(driver));
        if (!replaced(page).apply(browser)) {
            answerConfirmation(browser, true);
            wait.until(replaced(page));
        }
        loaded(browser);
    }

    /** Waits until the page the browser shows is loaded ({@code document.readyState} complete). */
    public static void loaded(WebDriver browser) {
        new WebDriverWait(browser, PAGE)
                .ignoring(WebDriverException.class)
                .until(driver ->
                        "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
    }

    /**
     * What {@code locator} finds, once it is there (up to 30 s): an element an ajax update or a script draws, or one on
     * a page still loading after a plain click.
     */
    public static WebElement find(WebDriver browser, By locator) {
        return new WebDriverWait(browser, UPDATE).until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    /**
     * A wait of up to 30 s for a test's own conditions, finding elements anew when an ajax update replaced the ones a
     * condition looked at (no stale reference).
     */
    public static WebDriverWait waiting(WebDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, UPDATE);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Saves what the browser shows as {@code target/screenshots/NAME} (a PNG; NAME may hold a folder). */
    public static void screenshot(WebDriver browser, String name) {
        Path shot = Path.of("target", "screenshots", name);
        try {
            Files.createDirectories(shot.getParent());
            // PNG as WebDriver's screenshot, compressed for speed (PageLayoutBrowserIT takes a hundred and more)
            Map<String, Object> png = ((ChromeDriver) browser)
                    .executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "optimizeForSpeed", true));
            Files.write(shot, Base64.getDecoder().decode((String) png.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The question of the confirmation dialog, once it shows and can be read (waits up to 30 s: on a busy machine the
     * dialog may be open a moment before its text is drawn, and Selenium reads only what is visible).
     */
    public static String confirmation(WebDriver browser) {
        new WebDriverWait(browser, UPDATE).until(Browser::confirmationShown);
        return settledText(browser, By.cssSelector("#confirm-dialog .ui-confirm-dialog-message"));
    }

    /** Answers the confirmation dialog that shows: 确定 ({@code true}) or 取消; waits until it is gone. */
    public static void answerConfirmation(WebDriver browser, boolean yes) {
        confirmation(browser);
        browser.findElement(By.cssSelector(
                        yes ? "#confirm-dialog .ui-confirmdialog-yes" : "#confirm-dialog .ui-confirmdialog-no"))
                .click();
        if (!yes) {
            // the dialog and its modal mask are gone: the page takes clicks again
            new WebDriverWait(browser, UPDATE)
                    .until(driver -> !confirmationShown(driver)
                            && Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) driver)
                                    .executeScript("var m = document.getElementById('confirm-dialog_modal');"
                                            + " return !m || getComputedStyle(m).display === 'none';")));
        }
    }

    /** Whether the confirmation dialog is open (asked by script: a page being replaced answers false). */
    public static boolean confirmationShown(WebDriver browser) {
        try {
            Object shown = ((org.openqa.selenium.JavascriptExecutor) browser)
                    .executeScript(
                            "var e = document.getElementById('confirm-dialog'); if (!e) return false;"
                                    + " var s = getComputedStyle(e);"
                                    + " return s.display !== 'none' && s.visibility !== 'hidden' && e.getClientRects().length > 0;");
            return Boolean.TRUE.equals(shown);
        } catch (WebDriverException navigating) {
            return false;
        }
    }

    /**
     * The text of what {@code locator} finds, once it shows some: waits up to 30 s while the page is still being
     * rendered or updated, and finds the element anew when an update replaced it (never a stale reference).
     */
    public static String settledText(WebDriver browser, By locator) {
        return new WebDriverWait(browser, UPDATE)
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> {
                    String text = driver.findElement(locator).getText();
                    return text.isBlank() ? null : text;
                });
    }

    /** The message at a form's field ({@code form:field}, in its {@code zcrd-field} box), once it shows. */
    public static String fieldMessage(WebDriver browser, String form, String field) {
        return settledText(
                browser,
                By.xpath("//*[@id='" + form + ":" + field + "']/ancestor::*[contains("
                        + "@class,'zcrd-field')][1]//*[contains(@class,'ui-message')]"));
    }

    /**
     * How many times {@code text} shows on the page (in the body's rendered text): a message the page says once is
     * there once, not also in a second messages component or again from the action before a redirect.
     */
    public static int timesShown(WebDriver browser, String text) {
        String body = browser.findElement(By.tagName("body")).getText();
        return body.split(java.util.regex.Pattern.quote(text), -1).length - 1;
    }

    /** A GET with the browser's cookies (what clicking a download link sends), answered as bytes. */
    public static java.net.http.HttpResponse<byte[]> download(WebDriver browser, String url) {
        String cookies = browser.manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        try {
            return java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                                    .header("Cookie", cookies)
                                    .GET()
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A home directory whose NSS database ({@code .pki/nssdb}, where Chromium on Linux looks for the user's trust
     * anchors) trusts the dev root for TLS servers; made once per test run.
     */
    private static synchronized Path trustingHome() throws IOException {
        if (home == null) {
            Path dir = Files.createTempDirectory("zcrd-chromium-home");
            Path nssdb = Files.createDirectories(dir.resolve(".pki/nssdb"));
            run("certutil", "-d", "sql:" + nssdb, "-N", "--empty-password");
            run(
                    "certutil",
                    "-d",
                    "sql:" + nssdb,
                    "-A",
                    "-t",
                    "C,,",
                    "-n",
                    "zcrd-dev-root",
                    "-i",
                    DevPki.PKI.resolve("root-ca.pem").toAbsolutePath().toString());
            home = dir;
        }
        return home;
    }

    private static void run(String... command) throws IOException {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output =
                    new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /**
     * What the console reported that a user of the page would suffer from: script errors, CSP violations, resources
     * that did not load. A page's own status (a refusal page answered 403 or 404 on purpose) is not such an error.
     */
    static List<String> problems(List<LogEntry> entries) {
        List<String> problems = new ArrayList<>();
        for (LogEntry entry : entries) {
            String message = entry.getMessage();
            boolean severe = entry.getLevel().intValue() >= Level.SEVERE.intValue();
            boolean csp = message.contains("Content Security Policy") || message.contains("Content-Security-Policy");
            if ((severe || csp) && !pageStatus(message)) {
                problems.add(entry.getLevel() + " " + message);
            }
        }
        return problems;
    }

    /** "https://…/rsrc/unit/x.xhtml - Failed to load resource: the server responded with a status of 403 ()". */
    private static boolean pageStatus(String message) {
        int dash = message.indexOf(" - Failed to load resource: the server responded with a status of 4");
        if (dash < 0) {
            return false;
        }
        String url = message.substring(0, dash);
        return !url.contains("jakarta.faces.resource") && !url.matches(".*\\.(js|css|png|jpg|svg|woff2?)(\\?.*)?$");
    }

    /** What the console reported since the last look (reading it empties it), as {@link #problems} sorts it. */
    static List<String> consoleProblems(WebDriver browser) {
        return problems(browser.manage().logs().get(LogType.BROWSER).getAll());
    }

    /** Whether the browser still answers. */
    static boolean alive(WebDriver browser) {
        try {
            return !browser.getWindowHandles().isEmpty();
        } catch (WebDriverException dead) {
            return false;
        }
    }

    /**
     * Back to a browser that knows nothing of the last test: one window, showing {@code about:blank}, at the start
     * size, without a cookie of any site (CDP: Selenium's {@code deleteAllCookies} reaches only the current site).
     */
    static void forget(WebDriver browser) {
        List<String> windows = new ArrayList<>(browser.getWindowHandles());
        for (String window : windows.subList(1, windows.size())) {
            browser.switchTo().window(window).close();
        }
        browser.switchTo().window(windows.get(0));
        try {
            browser.switchTo().alert().dismiss();
        } catch (NoAlertPresentException none) {
            // the usual case
        }
        browser.get("about:blank");
        ((ChromeDriver) browser).executeCdpCommand("Network.clearBrowserCookies", Map.of());
        browser.manage().window().setSize(WINDOW);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /**
     * Waits-for condition: {@code element} has left the page (the next page replaced it). Like Selenium's
     * {@code stalenessOf}, but Chromium sometimes answers a navigation in progress with "Node with given id does not
     * belong to the document" instead of a stale-element error: that also means the element is gone.
     */
    public static ExpectedCondition<Boolean> replaced(WebElement element) {
        return driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            } catch (WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        };
    }
}
