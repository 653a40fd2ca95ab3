package cn.hrss.zcrd.review;

import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.support.BackOfficeLogins;
import cn.hrss.zcrd.support.Faces;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;

/**
 * What the review browser tests share: the review services and fixtures ({@link ReviewServicesBase}), Chromium
 * on the public face with its {@link PortalPages}. A subclass carries {@code @IntegrationTest} and {@code @WithBrowser}.
 */
public abstract class PortalBrowserBase extends ReviewServicesBase {

    protected WebDriver browser;
    protected PortalPages pages;

    @BeforeEach
    protected void openPortal(WebDriver browser) {
        this.browser = browser;
        pages = new PortalPages(browser, base());
    }

    /** The public face's address. */
    protected String base() {
        return Faces.publicBase(ports);
    }

    /** A bureau reviewer signing in by password + TOTP (no UKEY), under a fresh user name starting with the prefix. */
    protected BackOfficeLogins.Fallback passwordBureauReviewer(
            String usernamePrefix, String displayName, String password) {
        return staff.fallback(
                usernamePrefix + System.nanoTime() % 1_000_000, displayName, BackOfficeRole.BUREAU_REVIEWER, password);
    }
}
