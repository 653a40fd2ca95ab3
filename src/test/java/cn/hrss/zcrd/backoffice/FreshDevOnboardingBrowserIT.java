package cn.hrss.zcrd.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.account.BackOfficeAccount;
import cn.hrss.zcrd.account.BackOfficeAccounts;
import cn.hrss.zcrd.review.PortalPages;
import cn.hrss.zcrd.review.ReviewFixtures;
import cn.hrss.zcrd.support.Browser;
import cn.hrss.zcrd.support.DevPki;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.TlsClient;
import cn.hrss.zcrd.support.UkeyGateway;
import cn.hrss.zcrd.support.UkeyGateways;
import cn.hrss.zcrd.support.WithBrowser;
import cn.hrss.zcrd.unit.Unit;
import cn.hrss.zcrd.web.ConnectorPorts;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 16, "from a fresh dev start, the bureau grants authority and the unit's operator reaches 证书库管理 with its
 * UKEY without any account made by hand": the application runs with the dev profile as {@code ops/run} starts it
 * (the dev bootstrap makes {@code admin}, {@code reviewer1} and {@code reviewer2} bound to the dev UKEYs of
 * {@code ops/dev-setup}; their PKCS#12 copies in var/pki are what a developer imports into a browser). Every
 * back-office step is taken in Chromium through {@link UkeyGateway} with one of those dev UKEYs: reviewer1 verifies
 * the newly registered unit; the unit applies for issuing authority on the portal; reviewer1 approves (a four-eyes
 * request), reviewer2 approves it on 双人复核; the admin finds the unit's operator in 待发放UKEY and issues its UKEY
 * from the PKCS#10 request made inside the "UKEY" (a key made here); the unit's portal page shows the UKEY address
 * and 已发放; the operator, with that UKEY, opens the back office and reaches 证书库管理 of its unit. The test makes
 * no back-office account itself; the unit registers through the registration service (the portal's registration
 * page has its own browser test).
 */
@IntegrationTest
@WithBrowser
@ActiveProfiles({"mysql", "dev"}) // what ops/run starts: the dev bootstrap of admin and the two reviewers on
@Tag("own-jvm") // the dev bootstrap needs a context (and database) of its own, which must not share the JVM (pom.xml)
class FreshDevOnboardingBrowserIT {

    static final char[] KEY_PASSWORD = "test".toCharArray();

    @Autowired
    ConnectorPorts ports;

    @Autowired
    ReviewFixtures fixtures;

    @Autowired
    BackOfficeAccounts accounts;

    WebDriver browser;
    UkeyGateways gateways;
    PortalPages portal;

    @BeforeEach
    void open(WebDriver browser, UkeyGateways gateways) {
        this.browser = browser;
        this.gateways = gateways;
        portal = new PortalPages(browser, Faces.publicBase(ports));
    }

    @Test
    void theBureauGrantsAuthorityAndTheUnitsOperatorReachesTheLibraryWithItsUkey() throws Exception {
        String ukeyAddress = Faces.ukeyBase(ports) + "/sdmanager/";
        Unit unit = fixtures.unverifiedUnit("开发入驻发证单位");

        // reviewer1 (dev UKEY) verifies the newly registered unit on 单位注册审核
        asDevUkey("reviewer1");
        portal.submit(By.id("menu-unit-verification"));
        portal.submit(By.id("open-" + unit.getId()));
        assertThat(text("selected-title")).contains(unit.getName());
        assertThat(browser.findElements(By.id("ukey-note")))
                .as("a UKEY session")
                .isEmpty();
        portal.submit(By.id("review:approve"));
        assertThat(text("page-messages")).contains(unit.getName() + "已审核通过");
        leaveBackOffice();

        // the unit applies for issuing authority (中级) on the portal
        portal.logInAs(unit);
        assertThat(portal.applyForAuthority("中级")).contains("申请已提交");
        assertThat(text("authority-status")).isEqualTo("待审核");
        portal.logOut();

        // reviewer1 approves it: a request for a second reviewer (four eyes)
        asDevUkey("reviewer1");
        portal.submit(By.id("menu-authority-review"));
        WebElement row = browser.findElement(
                By.xpath("//tr[.//td[contains(@class,'application-unit') and text()='" + unit.getName() + "']]"));
        assertThat(row.findElement(By.className("application-status")).getText())
                .isEqualTo("待审核");
        portal.submit(By.xpath("//tr[.//td[contains(@class,'application-unit') and text()='" + unit.getName()
                + "']]//a[starts-with(@id,'open-')]"));
        browser.findElement(By.id("review:opinion")).sendKeys("材料齐全，同意授权");
        portal.submit(By.id("review:approve"));
        assertThat(text("page-messages")).contains(unit.getName() + "的发放权限授予申请已提交");
        assertThat(browser.findElement(By.xpath("//tr[.//td[contains(@class,'application-unit') and text()='"
                                + unit.getName() + "']]//td[contains(@class,'application-status')]"))
                        .getText())
                .as("four eyes: not granted yet")
                .isEqualTo("待审核");
        leaveBackOffice();

        // reviewer2 (the other dev UKEY) approves it on 双人复核: granted
        asDevUkey("reviewer2");
        portal.submit(By.id("menu-approvals"));
        By request = By.xpath("//tr[contains(@class,'approval-row')][.//td[contains(.,'" + unit.getName() + "')]]");
        assertThat(browser.findElement(request).getText()).contains("材料齐全，同意授权");
        portal.submit(By.xpath("//tr[contains(@class,'approval-row')][.//td[contains(.,'" + unit.getName()
                + "')]]//button[contains(@id,'approve')]"));
        assertThat(text("page-messages")).contains("已批准并执行");
        leaveBackOffice();

        // the portal: authority granted, the back-office account opened, waiting for its UKEY
        portal.logInAs(unit);
        portal.submit(By.id("menu-profile"));
        assertThat(browser.findElement(By.id("operator-ukey-address")).getAttribute("href"))
                .isEqualTo(ukeyAddress);
        assertThat(text("operator-ukey-username")).isEqualTo(unit.getCreditCode());
        assertThat(text("operator-ukey-status")).isEqualTo("等待发放UKEY");
        portal.logOut();

        // the admin (dev UKEY) finds the operator in 待发放UKEY and issues its UKEY from the request made inside it
        asDevUkey("admin");
        portal.submit(By.id("menu-ukeys"));
        BackOfficeAccount operator =
                accounts.operatorsOf(unit.getId()).stream().findFirst().orElseThrow();
        WebElement task = browser.findElement(By.id("ukey-task-" + operator.getId()));
        assertThat(task.getText())
                .contains(unit.getCreditCode())
                .contains(unit.getName())
                .contains("发证单位操作员");
        portal.submit(By.cssSelector("#ukey-task-" + operator.getId() + " a"));
        assertThat(text("ukey-account")).contains(unit.getCreditCode());
        CertificateRequests.Request csr = CertificateRequests.rsa2048WithKey();
        browser.findElement(By.id("ukeys:csr")).sendKeys(csr.pem());
        portal.submit(By.id("ukeys:issue-csr"));
        assertThat(text("ukeys:page-messages")).contains("UKEY证书已签发并绑定到该账号");
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(
                        text("issued-certificate").strip().getBytes(StandardCharsets.US_ASCII)));
        portal.submit(By.id("menu-ukeys"));
        assertThat(browser.findElements(By.id("ukey-task-" + operator.getId())))
                .as("the task is done")
                .isEmpty();
        leaveBackOffice();

        // the portal: issued, with the address to use it at
        portal.logInAs(unit);
        portal.submit(By.id("menu-profile"));
        assertThat(text("operator-ukey-status")).startsWith("已发放，有效期至");
        assertThat(text("operator-ukey-next")).contains(ukeyAddress);
        portal.logOut();

        // the operator plugs the UKEY in (its key and the issued certificate) and reaches 证书库管理 of its unit
        KeyStore ukey = KeyStore.getInstance("PKCS12");
        ukey.load(null, null);
        ukey.setKeyEntry("ukey", csr.key().getPrivate(), KEY_PASSWORD, new Certificate[] {
            certificate, DevPki.certificate("ukey-ca.pem")
        });
        throughGateway(TlsClient.sslContext(ukey, KEY_PASSWORD));
        assertThat(browser.findElement(By.id("menu-certificate-intake")).getText())
                .isEqualTo("职称认定");
        portal.submit(By.id("menu-certificate-intake"));
        assertThat(text("library-unit")).contains(unit.getName());
        assertThat(browser.findElements(By.id("ukey-note")))
                .as("a UKEY session")
                .isEmpty();
        assertThat(browser.findElement(By.id("library:issue")).isEnabled()).isTrue();
        Browser.screenshot(browser, "fresh-dev-onboarding-library.png");
    }

    /** Opens the back office through a gateway presenting the dev UKEY {@code name} (var/pki/ukey-dev-NAME.p12). */
    private void asDevUkey(String name) throws Exception {
        KeyStore key = DevPki.pkcs12(DevPki.PKI.resolve("ukey-dev-" + name + ".p12"));
        throughGateway(TlsClient.sslContext(key, DevPki.pkiPassword()));
    }

    private void throughGateway(SSLContext ukey) throws Exception {
        browser.get(gateways.to(ukey).base() + "/sdmanager/index.xhtml");
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("menu-home")));
    }

    /** Ends the back-office session (its cookie belongs to every gateway on localhost). */
    private void leaveBackOffice() {
        browser.manage().deleteAllCookies();
    }

    private String text(String id) {
        return Browser.textOf(browser, id);
    }
}
