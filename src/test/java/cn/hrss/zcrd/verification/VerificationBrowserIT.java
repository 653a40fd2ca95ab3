package cn.hrss.zcrd.verification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.certificate.internal.CertificatePdfs;
import cn.hrss.zcrd.support.Browser;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.WithBrowser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A person scans the QR code of their certificate (the issued PDF rendered by poppler, the code read by ZXing) and
 * opens the address in Chromium: the page shows the certificate as 有效; the unit revokes it; the same address
 * then shows 已注销 with the reason. The file itself, uploaded on the page, is 真实有效 and then 已注销.
 */
@IntegrationTest
@WithBrowser
class VerificationBrowserIT {

    @Autowired
    VerificationFixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theQrCodeLeadsToTheCertificateWhichShowsAsRevokedOnceRevoked(WebDriver browser) throws Exception {
        VerificationFixtures.Issuer issuer = fixtures.issuer("扫码验证发证单位");
        VerificationFixtures.Issued issued = fixtures.issued(issuer, "孙扫码");
        String scanned = CertificatePdfs.scanQrCode(CertificatePdfs.render(issued.pdf(), 150));
        assertThat(scanned).isEqualTo(issued.address().toString());
        Path file = Files.createTempFile("certificate-", ".pdf");
        Files.write(file, issued.pdf());

        try {
            browser.get(scanned);
            assertThat(Browser.textOf(browser, "status")).isEqualTo("有效");
            assertThat(Browser.textOf(browser, "field-number")).isEqualTo(issued.number());
            assertThat(Browser.textOf(browser, "field-holder-name")).isEqualTo("孙扫码");
            assertThat(Browser.textOf(browser, "field-id-number"))
                    .isEqualTo(VerificationFixtures.masked(issued.idNumber()));
            assertThat(Browser.textOf(browser, "field-unit"))
                    .isEqualTo(issuer.unit().name());

            browser.findElement(By.id("file")).sendKeys(file.toString());
            Browser.submit(browser, By.id("check"));
            assertThat(Browser.textOf(browser, "verdict")).isEqualTo("真实有效");
            assertThat(Browser.textOf(browser, "field-signer"))
                    .isEqualTo(issuer.unit().name());

            fixtures.revoke(issuer, issued, "持证人申请注销");
            browser.get(scanned);
            assertThat(Browser.textOf(browser, "status")).isEqualTo("已注销");
            assertThat(Browser.textOf(browser, "field-revocation-reason")).isEqualTo("持证人申请注销");

            browser.findElement(By.id("file")).sendKeys(file.toString());
            Browser.submit(browser, By.id("check"));
            assertThat(Browser.textOf(browser, "verdict")).isEqualTo("已注销");

            browser.findElement(By.id("number")).sendKeys(issued.number());
            browser.findElement(By.id("name")).sendKeys("孙扫码");
            Browser.submit(browser, By.id("lookup"));
            assertThat(Browser.textOf(browser, "status")).isEqualTo("已注销");
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
