package cn.hrss.zcrd.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium and ChromeDriver, named explicitly so Selenium Manager never downloads anything. */
public final class Browser {

    private Browser() {}

    public static WebDriver start() {
        String binary = env("CHROME_BIN", "/usr/bin/chromium");
        String driver = env("CHROMEDRIVER", "/usr/bin/chromedriver");
        try {
            ChromeOptions options = new ChromeOptions()
                    .setBinary(binary)
                    .addArguments(
                            "--headless=new",
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-dev-shm-usage",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--no-first-run",
                            "--window-size=1280,900",
                            "--user-data-dir=" + Files.createTempDirectory("zcrd-chromium"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(driver))
                    .usingAnyFreePort()
                    .build();
            ChromeDriver browser = new ChromeDriver(service, options);
            // generous: on two busy cores a page after a redirect can take seconds; a present element returns at once
            browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(20));
            browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return browser;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The text of the element with {@code id}, once it shows some ({@link #settledText}: a page still loading after a
     * click, or being updated, is waited for up to 10 s); when there is no such element, says which page the browser
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
     * The text of what {@code locator} finds, once it shows some: waits up to 10 s while the page is still being
     * rendered or updated, and finds the element anew when an update replaced it (never a stale reference).
     */
    public static String settledText(WebDriver browser, By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> {
                    String text = driver.findElement(locator).getText();
                    return text.isBlank() ? null : text;
                });
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
