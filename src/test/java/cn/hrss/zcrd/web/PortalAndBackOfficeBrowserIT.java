package cn.hrss.zcrd.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.support.BackOfficeLogins;
import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.Browser;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.WithBrowser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

/** A person in headless Chromium: the portal, then the back office through the password fallback. */
@IntegrationTest
@WithBrowser
class PortalAndBackOfficeBrowserIT {

    @Autowired
    BackOfficeStaff staff;

    @Autowired
    ConnectorPorts ports;

    WebDriver browser;
    BackOfficeLogins.Fallback user;

    @BeforeEach
    void open(WebDriver browser) {
        user = staff.fallback("browser-user", "周浏览", BackOfficeRole.BUREAU_REVIEWER, "Browser-Passw0rd");
        this.browser = browser;
    }

    @Test
    void aVisitorOpensThePortalThenSignsIntoTheBackOfficeWithAPassword() {
        String base = Faces.publicBase(ports);
        browser.get(base + "/rsrc/");
        assertThat(browser.getTitle()).isEqualTo("门户首页");
        assertThat(browser.findElement(By.id("portal-welcome")).getText()).isEqualTo("欢迎使用职称认定与电子证书系统");

        Browser.submit(browser, By.linkText("管理后台（人社局及发证单位）"));
        assertThat(browser.getCurrentUrl()).endsWith("/sdmanager/login.xhtml");

        browser.findElement(By.id("username")).sendKeys("browser-user");
        browser.findElement(By.id("password")).sendKeys("wrong-password");
        Browser.submit(browser, By.id("login-submit"));
        assertThat(browser.findElement(By.id("login-error")).getText()).isEqualTo("用户名、密码或动态口令错误，请重新输入。");

        browser.findElement(By.id("username")).sendKeys("browser-user");
        browser.findElement(By.id("password")).sendKeys("Browser-Passw0rd");
        browser.findElement(By.id("totp")).sendKeys(BackOfficeLogins.code(user.secret()));
        Browser.submit(browser, By.id("login-submit"));

        assertThat(browser.findElement(By.id("welcome")).getText()).isEqualTo("欢迎，周浏览（browser-user）");
        assertThat(browser.findElement(By.id("auth-method")).getText()).isEqualTo("登录方式：用户名密码（非UKEY）");

        Browser.submit(browser, By.id("logout-submit"));
        assertThat(browser.findElement(By.id("logout-done")).getText()).isEqualTo("您已安全退出。");
    }
}
