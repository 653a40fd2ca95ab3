package cn.hrss.zcrd.verification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.support.Browser;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.WithBrowser;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
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
        String scanned = scanQrCode(render(issued.pdf(), 150));
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

    /** The first page rendered by poppler's pdftoppm. */
    static BufferedImage render(byte[] pdf, int dpi) throws Exception {
        Path dir = Files.createTempDirectory("zcrd-verify-");
        Path in = dir.resolve("c.pdf");
        Files.write(in, pdf);
        Process p = new ProcessBuilder(List.of(
                        "pdftoppm",
                        "-r",
                        Integer.toString(dpi),
                        "-png",
                        "-singlefile",
                        in.toString(),
                        dir.resolve("page").toString()))
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
        BufferedImage image = ImageIO.read(dir.resolve("page.png").toFile());
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
        return image;
    }

    static String scanQrCode(BufferedImage page) throws Exception {
        int w = page.getWidth();
        int h = page.getHeight();
        int[] pixels = page.getRGB(0, 0, w, h, null, 0, w);
        return new QRCodeReader()
                .decode(
                        new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels))),
                        Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                .getText();
    }
}
