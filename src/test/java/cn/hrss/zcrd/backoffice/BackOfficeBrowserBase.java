package cn.hrss.zcrd.backoffice;

import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.Browser;
import cn.hrss.zcrd.support.PublicFace;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the back-office browser tests share: the back-office staff, the public face, and Chromium with its waiting
 * and page helpers. A subclass carries {@code @IntegrationTest} and {@code @WithBrowser}.
 */
abstract class BackOfficeBrowserBase {

    @Autowired
    BackOfficeStaff staff;

    @Autowired
    PublicFace face;

    WebDriver browser;

    @BeforeEach
    void open(WebDriver browser) {
        this.browser = browser;
    }

    /** Waits until {@code condition} holds on the page (as long as {@link Browser#waiting} waits). */
    <T> T waitUntil(Function<WebDriver, T> condition) {
        return Browser.waiting(browser).until(condition);
    }

    /** Clicks a non-ajax submit and waits for the next page to replace this one. */
    void submit(By by) {
        Browser.submit(browser, by);
    }

    String messageAt(String form, String field) {
        return Browser.fieldMessage(browser, form, field);
    }

    /** The public face's address. */
    String base() {
        return face.base();
    }
}
