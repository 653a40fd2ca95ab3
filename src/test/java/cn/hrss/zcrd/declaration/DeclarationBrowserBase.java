package cn.hrss.zcrd.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.review.PortalPages;
import cn.hrss.zcrd.support.Browser;
import cn.hrss.zcrd.support.Faces;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the declaration browser tests add to {@link DeclarationServicesBase}: Chromium on the public face and an
 * applicant's login. A subclass carries {@code @IntegrationTest} and {@code @WithBrowser}.
 */
abstract class DeclarationBrowserBase extends DeclarationServicesBase {

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void open(WebDriver browser) {
        this.browser = browser;
        wait = Browser.waiting(browser);
    }

    /** 个人登录 of a person of {@link DeclarationFixtures} (password Secret123); the greeting names them. */
    void login(PortalUser person) {
        new PortalPages(browser, base()).logInAsPerson(person.loginName(), "Secret123", person.displayName());
        assertThat(text("portal-greeting")).contains(person.displayName());
    }

    String text(String id) {
        return Browser.textOf(browser, id);
    }

    String base() {
        return Faces.publicBase(ports);
    }
}
