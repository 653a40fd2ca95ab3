package cn.hrss.zcrd.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.support.BackOfficeLogins;
import cn.hrss.zcrd.support.Browser;
import cn.hrss.zcrd.support.Faces;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the review browser tests share: the review services and fixtures ({@link ReviewServicesBase}), Chromium
 * on the public face with its waiting and its {@link PortalPages}. A subclass carries {@code @IntegrationTest} and {@code @WithBrowser}.
 */
public abstract class PortalBrowserBase extends ReviewServicesBase {

    protected WebDriver browser;
    protected WebDriverWait wait;
    protected PortalPages pages;

    @BeforeEach
    protected void openPortal(WebDriver browser) {
        this.browser = browser;
        wait = Browser.waiting(browser);
        pages = new PortalPages(browser, base());
    }

    /** The public face's address. */
    protected String base() {
        return Faces.publicBase(ports);
    }

    /**
     * On a back-office review page of a session without a UKEY: the decisions are disabled (not offered what would be
     * refused); the field is filled and the button pressed anyway; returns the page's messages that answer it.
     */
    protected String decisionPressedWithoutUkey(String field, String text, String button) {
        assertThat(browser.findElement(By.id("review:approve")).isEnabled()).isFalse();
        assertThat(browser.findElement(By.id("review:reject")).isEnabled()).isFalse();
        browser.findElement(By.id(field)).sendKeys(text);
        Browser.pressAlthoughDisabled(browser, By.id(button));
        return Browser.textOf(browser, "page-messages");
    }

    /** A bureau reviewer signing in by password + TOTP (no UKEY), under a fresh user name starting with the prefix. */
    protected BackOfficeLogins.Fallback passwordBureauReviewer(
            String usernamePrefix, String displayName, String password) {
        return staff.fallback(
                usernamePrefix + System.nanoTime() % 1_000_000, displayName, BackOfficeRole.BUREAU_REVIEWER, password);
    }
}
