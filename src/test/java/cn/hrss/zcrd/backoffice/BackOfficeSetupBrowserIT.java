package cn.hrss.zcrd.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.account.NewBackOfficeAccount;
import cn.hrss.zcrd.support.BackOfficeLogins;
import cn.hrss.zcrd.support.Browser;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.WithBrowser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * 首次登录设置 (sdmanager/setup.xhtml) in Chromium: a new account signs in with its one-time password, is held on
 * the set-up page, sees the enrolment QR code (a real PNG the browser draws) and the secret; a wrong code and a
 * password equal to the one-time one are refused at their fields; the right code from the shown secret finishes the
 * set-up and opens the back office; afterwards password + a code from the same secret log in.
 */
@IntegrationTest
@WithBrowser
class BackOfficeSetupBrowserIT extends BackOfficeBrowserBase {

    static final String NEW_PASSWORD = "Setup-Browser-Passw0rd";

    @Test
    void aNewAccountEnrolsItsAuthenticatorFromTheQrPageAndThenLogsInWithIt() throws Exception {
        String username = "setup-browser-" + System.nanoTime() % 1_000_000;
        var created = staff.accounts()
                .create(new NewBackOfficeAccount(
                        username, "蒋设置", BackOfficeRole.BUREAU_REVIEWER, "370100", null, true));

        browser.get(base() + "/sdmanager/login.xhtml");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(created.oneTimePassword());
        submit(By.id("login-submit"));
        assertThat(Browser.textOf(browser, "setup-title")).isEqualTo("首次登录设置");
        assertThat(browser.findElements(By.id("menu-authority-review"))).isEmpty();
        // whatever the session asks, it stays on the set-up page
        browser.get(base() + "/sdmanager/authority/review.xhtml");
        assertThat(browser.getCurrentUrl()).endsWith("/sdmanager/setup.xhtml");

        // the QR code is a PNG the browser has drawn; the secret is shown for typing by hand
        WebElement qr = browser.findElement(By.id("totp-qr"));
        assertThat(((Number) ((JavascriptExecutor) browser)
                                .executeScript("return arguments[0].complete ? arguments[0].naturalWidth : -1", qr))
                        .intValue())
                .isGreaterThan(100);
        String src = qr.getAttribute("src");
        assertThat(src).startsWith("data:image/png;base64,");
        BufferedImage png =
                ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1))));
        assertThat(png.getWidth()).isEqualTo(png.getHeight()).isGreaterThan(100);
        String secret = Browser.textOf(browser, "totp-secret").replace(" ", "");
        assertThat(secret).matches("[A-Z2-7]{16,}");

        // a wrong code, and the one-time password kept: each refused at its field
        browser.findElement(By.id("setup:password")).sendKeys(created.oneTimePassword());
        browser.findElement(By.id("setup:passwordConfirmation")).sendKeys(created.oneTimePassword());
        browser.findElement(By.id("setup:code")).sendKeys(wrongCode(secret));
        submit(By.id("setup:complete"));
        assertThat(messageAt("setup", "password"))
                .as("the one-time password may not stay")
                .isNotBlank();
        assertThat(messageAt("setup", "code")).isEqualTo("动态口令不正确，请输入身份验证器上当前显示的6位数字。");
        assertThat(Browser.textOf(browser, "totp-secret").replace(" ", ""))
                .as("the same secret after a reload")
                .isEqualTo(secret);

        // the right code from the shown secret finishes the set-up
        browser.findElement(By.id("setup:password")).sendKeys(NEW_PASSWORD);
        browser.findElement(By.id("setup:passwordConfirmation")).sendKeys(NEW_PASSWORD);
        WebElement code = browser.findElement(By.id("setup:code"));
        code.clear();
        code.sendKeys(BackOfficeLogins.code(secret));
        submit(By.id("setup:complete"));
        waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("menu-authority-review")));
        assertThat(Browser.textOf(browser, "auth-method")).isEqualTo("登录方式：用户名密码（非UKEY）");
        submit(By.id("logout-submit"));

        // from now on: the new password and a code of the enrolled authenticator
        new BackOfficeLogins.Fallback(created.account(), username, NEW_PASSWORD, secret).signIn(browser, base());
        assertThat(Browser.textOf(browser, "welcome")).contains("蒋设置");
        submit(By.id("menu-authority-review"));
        assertThat(Browser.textOf(browser, "authority-review-title")).isEqualTo("职称认定证书发放权限审核");
    }

    /** A six-digit code that is none of the codes valid around now. */
    private static String wrongCode(String secret) {
        long step = BackOfficeLogins.currentStep();
        java.util.Set<String> valid = new java.util.HashSet<>();
        for (long s = step - 2; s <= step + 2; s++) {
            valid.add(BackOfficeLogins.codeAt(secret, s));
        }
        for (int i = 0; ; i++) {
            String candidate = String.format("%06d", (123456 + i * 7919) % 1_000_000);
            if (!valid.contains(candidate)) {
                return candidate;
            }
        }
    }
}
