package cn.hrss.zcrd.seal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.Browser;
import cn.hrss.zcrd.support.BrowserlessSession;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.WithBrowser;
import cn.hrss.zcrd.unit.UnitVerifications;
import cn.hrss.zcrd.unit.Units;
import cn.hrss.zcrd.web.ConnectorPorts;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A unit in Chromium uploads its seal on the portal; a bureau reviewer with a UKEY (client certificate on the
 * mutual-TLS port) approves it in 印章印模审核; the unit's page then shows version 1 approved and in force, placed
 * on the certificate mock-up.
 */
@IntegrationTest
@WithBrowser
class SealImpressionBrowserIT {

    static final Pattern SEAL_ID = Pattern.compile("/rsrc/unit/seal/image/(\\d+)$");

    @Autowired
    BackOfficeStaff staff;

    @Autowired
    UnitVerifications unitVerifications;

    @Autowired
    ConnectorPorts ports;

    @Autowired
    Units units;

    WebDriver browser;
    Path sealFile;

    @BeforeEach
    void open(WebDriver browser) throws Exception {
        this.browser = browser;
        // the name says JPEG; the content is a transparent PNG, and only the content counts
        sealFile = Files.createTempFile("unit-seal", ".jpg");
        Files.write(sealFile, SealImages.transparentSeal(480));
    }

    @AfterEach
    void close() throws Exception {
        Files.deleteIfExists(sealFile);
    }

    @Test
    void aUnitUploadsItsSealTheBureauApprovesItAndTheUnitSeesItInForce() throws Exception {
        SealFixtures.SealUnit unit = SealFixtures.aUnit(units, unitVerifications, staff, "印模浏览器测试单位");
        SealFixtures.Reviewer reviewer = SealFixtures.aReviewer(staff, BackOfficeRole.BUREAU_REVIEWER);

        // the unit signs in and opens 印章管理 → 印章印模
        browser.get(base() + "/rsrc/login.xhtml?kind=unit");
        browser.findElement(By.id("username")).sendKeys(unit.creditCode());
        browser.findElement(By.id("password")).sendKeys(SealFixtures.UNIT_PASSWORD);
        Browser.submit(browser, By.id("login-submit"));
        Browser.submit(browser, By.id("menu-seal"));
        assertThat(text("seal-in-force")).isEqualTo("尚无审核通过的印模。审核通过后，该印模将用于本单位签发的电子证书。");

        browser.findElement(By.cssSelector("input[type=file]"))
                .sendKeys(sealFile.toAbsolutePath().toString());
        Browser.submit(browser, By.id("upload:submit"));

        assertThat(text("page-messages")).contains("第1版印模已上传，等待人社局审核。");
        assertThat(Browser.timesShown(browser, "第1版印模已上传，等待人社局审核。")).isOne();
        assertThat(text("versions:0:state")).isEqualTo("待审核");
        assertThat(text("preview-title")).isEqualTo("证书效果预览：第1版（待审核）");
        long impressionId = shownSealId();
        // the upload answered with a redirect: reloading the page uploads nothing again
        browser.navigate().refresh();
        assertThat(text("seal-requirements")).isNotBlank();
        assertThat(Browser.timesShown(browser, "印模已上传"))
                .as("the upload's message after a reload")
                .isZero();
        assertThat(((Number) ((JavascriptExecutor) browser)
                                .executeScript("return document.querySelectorAll('#versions tbody tr').length"))
                        .intValue())
                .isEqualTo(1);

        // the bureau reviewer, signed in with a UKEY, finds it in the queue and approves it
        BrowserlessSession bureau = new BrowserlessSession(Faces.ukeyBase(ports), reviewer.tls());
        HttpResponse<String> queue = bureau.get("/sdmanager/seals.xhtml");
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains(unit.name()).contains("id=\"open-" + impressionId + "\"");
        HttpResponse<String> decided = bureau.submit(
                "/sdmanager/seals.xhtml?impression=" + impressionId,
                "/sdmanager/seals.xhtml",
                Map.of("review:opinion", "印模清晰，同意启用", "review:approve", ""));
        String approved = unit.name() + "第1版印模已审核通过，即为该单位现行印模。";
        assertThat(decided.body().split(Pattern.quote(approved), -1))
                .as("the decision's message once")
                .hasSize(2);
        assertThat(bureau.get("/sdmanager/seals.xhtml").body()).doesNotContain(approved);

        // the unit sees version 1 approved, in force, with the opinion, on the certificate mock-up
        Browser.submit(browser, By.id("menu-seal"));
        assertThat(text("seal-in-force")).startsWith("第1版，").endsWith("审核通过。");
        assertThat(text("versions:0:state")).isEqualTo("已通过");
        assertThat(text("versions:0:in-force-mark")).isEqualTo("（现行）");
        assertThat(text("versions:0:opinion")).isEqualTo("印模清晰，同意启用");
        assertThat(text("preview-title")).isEqualTo("证书效果预览：第1版（已通过）");
        assertThat(shownSealId()).isEqualTo(impressionId);
        WebElement seal = browser.findElement(By.id("mockup-seal"));
        assertThat(seal.isDisplayed()).isTrue();
        assertThat(((Number) ((JavascriptExecutor) browser)
                                .executeScript("return arguments[0].complete ? arguments[0].naturalWidth : -1", seal))
                        .intValue())
                .isEqualTo(480);
        // placed as seal-templates/ says: x 360, y 120, 150 pt on a 595 × 842 pt page
        assertThat(seal.getAttribute("style"))
                .contains("left: 60.5%")
                .contains("bottom: 14.25%")
                .contains("width: 25.21%");
        assertThat(browser.findElement(By.id("preview-pdf")).getAttribute("href"))
                .endsWith("/rsrc/unit/seal/preview/" + impressionId);
        assertThat(text("seal-requirements")).contains("文件不超过512KB，宽和高在100至2000像素之间");
        // for a person to look at: target/screenshots/seal-in-force.png
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("preview-title")));
        Browser.screenshot(browser, "seal-in-force.png");
    }

    private long shownSealId() {
        Matcher id = SEAL_ID.matcher(browser.findElement(By.id("mockup-seal")).getAttribute("src"));
        assertThat(id.find()).as("the mock-up shows a stored seal").isTrue();
        return Long.parseLong(id.group(1));
    }

    private String text(String id) {
        return Browser.textOf(browser, id);
    }

    private String base() {
        return Faces.publicBase(ports);
    }
}
