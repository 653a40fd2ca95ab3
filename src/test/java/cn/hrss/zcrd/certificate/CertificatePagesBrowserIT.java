package cn.hrss.zcrd.certificate;

import static cn.hrss.zcrd.certificate.CertificatePageFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.review.PortalPages;
import cn.hrss.zcrd.review.ReviewFixtures;
import cn.hrss.zcrd.support.Browser;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.Pdfsig;
import cn.hrss.zcrd.support.UkeyGateway;
import cn.hrss.zcrd.support.UkeyGateways;
import cn.hrss.zcrd.support.WithBrowser;
import cn.hrss.zcrd.unit.Unit;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.signatures.SignatureUtil;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * From final approval to the applicant's certificate and its revocation, in Chromium: the issuing unit's operator,
 * signed in with a UKEY, finds the person in 证书库管理 → 职称认定, is told the 公布时间 is missing, enters it and runs
 * 职称认定人员证书入库, and watches the batch's progress bar reach 100% (still there after a reload); the applicant
 * sees the certificate on 我的证书 and downloads a PDF that pdfsig and iText verify, while the declaration says
 * 已发证; the operator asks to revoke it in 职称认定证书管理 (a reason is required), a second operator of the unit
 * approves in 双人复核 with their own UKEY, and the applicant then sees 已注销.
 *
 * <p>The operator's browser reaches the mutual-TLS port through {@link UkeyGateway} (which presents the UKEY).
 */
@IntegrationTest
@WithBrowser
class CertificatePagesBrowserIT extends CertificateServicesBase {

    @Autowired
    CertificateFixtures seeded;

    @Autowired
    ReviewFixtures review;

    @Autowired
    CertificatePageFixtures fixtures;

    WebDriver browser;
    UkeyGateways gateways;
    UkeyGateway gateway;

    @BeforeEach
    void open(WebDriver browser, UkeyGateways gateways) {
        this.browser = browser;
        this.gateways = gateways;
    }

    @Test
    void theOperatorIssuesTheApplicantDownloadsTheOperatorRevokesTheApplicantSeesIt() throws Exception {
        Unit unit = fixtures.issuingUnit("证书浏览器测试发证单位");
        CertificatePageFixtures.Operator operator = fixtures.operator(unit);
        CertificatePageFixtures.Approved person = fixtures.finallyApproved(unit, "冯证书");
        gateway = gateways.to(operator.ukey());

        // the operator (UKEY) opens 证书库管理 → 职称认定 and finds the person
        browser.get(gateway.base() + "/sdmanager/index.xhtml");
        submit(By.id("menu-certificate-intake"));
        assertThat(text("library-unit")).contains(unit.getName());
        assertThat(browser.findElements(By.id("ukey-note"))).isEmpty();
        browser.findElement(By.id("library:name")).sendKeys(person.name());
        submit(By.id("library:search"));
        By pick = By.xpath("//tr[.//span[contains(@class,'library-holder') and text()='" + person.name()
                + "']]//input[@type='checkbox']");
        browser.findElement(pick).click();

        // without 公布时间: told at the field, nothing starts
        submit(By.id("library:issue"));
        assertThat(text("library:publishDate-message")).isEqualTo("请填写公布时间。");
        assertThat(text("progress:batches-none")).isEqualTo("本单位还没有入库批次。");

        browser.findElement(By.id("library:publishDate")).sendKeys("2026-07-01");
        if (!browser.findElement(pick).isSelected()) {
            browser.findElement(pick).click();
        }
        submit(By.id("library:issue"));
        assertThat(text("library:page-messages")).contains("已开始入库：1人");

        // the progress bar reaches 100% by polling, and is still there after a reload
        new WebDriverWait(browser, Duration.ofSeconds(180))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> "已完成"
                        .equals(d.findElement(By.id("progress:batch:0:state")).getText()));
        assertThat(progressLabel()).isEqualTo("100%");
        assertThat(text("progress:batch:0:count")).isEqualTo("1/1");
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("batches-title")));
        Browser.screenshot(browser, "certificate-library.png");
        browser.navigate().refresh();
        assertThat(text("progress:batch:0:state")).isEqualTo("已完成");
        assertThat(progressLabel()).isEqualTo("100%");
        assertThat(text("library:entries")).doesNotContain(person.name());

        // the applicant sees it on 我的证书 and downloads a PDF that verifies
        String portal = Faces.publicBase(ports);
        new PortalPages(browser, portal)
                .logInAsPerson(person.idNumber(), CertificatePageFixtures.PERSON_PASSWORD, person.name());
        submit(By.id("menu-certificates"));
        WebElement row = browser.findElement(By.cssSelector("#certificates tbody tr"));
        String number = row.findElement(By.className("certificate-number")).getText();
        assertThat(number).matches("ZC\\d{16}");
        assertThat(row.getText()).contains("助理工程师").contains("2026-07-01").contains(unit.getName());
        assertThat(row.findElement(By.className("certificate-status")).getText())
                .isEqualTo("有效");
        String href = row.findElement(By.cssSelector("a[id^=download-]")).getAttribute("href");
        HttpResponse<byte[]> pdf = Browser.download(browser, href);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(Pdfsig.validate(pdf.body())).contains("Signature is Valid").contains("Certificate is Trusted");
        try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf.body())))) {
            SignatureUtil signatures = new SignatureUtil(document);
            assertThat(signatures.getSignatureNames()).hasSize(1);
            String name = signatures.getSignatureNames().get(0);
            assertThat(signatures.getRevision(name))
                    .as("signed revision, then the DSS")
                    .isEqualTo(1);
            assertThat(signatures.getTotalRevisions()).isEqualTo(2);
            assertThat(signatures.readSignatureData(name).verifySignatureIntegrityAndAuthenticity())
                    .isTrue();
        }
        submit(By.id("menu-declarations"));
        assertThat(text("declaration-" + person.declarationId()))
                .contains("已发证")
                .contains("查看证书");

        // the operator revokes it: a reason is required
        browser.get(gateway.base() + "/sdmanager/index.xhtml");
        submit(By.id("menu-certificate-management"));
        browser.findElement(By.id("certificates:number")).sendKeys(number);
        submit(By.id("certificates:search"));
        assertThat(text("certificates:list:0:number")).isEqualTo(number);
        assertThat(text("certificates:list:0:status")).isEqualTo("有效");
        submit(By.id("certificates:list:0:open"));
        assertThat(text("selected-title")).contains(number).contains(person.name());
        confirmAndSubmit(By.id("revoke:confirm"));
        assertThat(text("revoke:reason-message")).startsWith("请填写注销原因");
        assertThat(text("selected-status")).isEqualTo("有效");
        browser.findElement(By.id("revoke:reason")).sendKeys("证书信息有误，需重新认定");
        confirmAndSubmit(By.id("revoke:confirm"));
        assertThat(text("page-messages")).contains("证书" + number + "的注销申请已提交");
        assertThat(text("selected-status"))
                .as("four eyes: nothing happened yet")
                .isEqualTo("有效");
        java.net.URI opened = java.net.URI.create(browser.getCurrentUrl());
        String certificatePage = opened.getRawPath() + "?" + opened.getRawQuery();
        assertThat(certificatePage).contains("certificate=");

        // a second operator of the unit (own UKEY) approves it in 双人复核: only now is it revoked
        CertificatePageFixtures.Operator second = fixtures.operator(unit);
        gateway = gateways.to(second.ukey());
        browser.get(gateway.base() + "/sdmanager/approvals.xhtml");
        By request = By.xpath("//tr[contains(@class,'approval-row')][.//td[contains(.,'" + number + "')]]");
        assertThat(browser.findElement(request).getText()).contains("注销职称证书").contains("证书信息有误，需重新认定");
        submit(By.xpath("//tr[contains(@class,'approval-row')][.//td[contains(.,'" + number
                + "')]]//button[contains(@id,'approve')]"));
        assertThat(text("page-messages")).contains("已批准并执行");
        browser.get(gateway.base() + certificatePage);
        assertThat(text("selected-status")).isEqualTo("已注销");
        assertThat(text("selected-reason")).isEqualTo("证书信息有误，需重新认定");
        assertThat(browser.findElements(By.id("revoke:reason"))).isEmpty();

        // the applicant sees 已注销
        browser.get(portal + "/rsrc/person/certificates.xhtml");
        assertThat(browser.findElement(By.cssSelector("#certificates tbody tr .certificate-status"))
                        .getText())
                .isEqualTo("已注销");
        // and the declaration: its list and its page say 证书已注销, its history names the revocation and the number
        submit(By.id("menu-declarations"));
        assertThat(text("declaration-" + person.declarationId())).contains("证书已注销");
        browser.get(portal + "/rsrc/person/declaration.xhtml?id=" + person.declarationId());
        assertThat(text("state")).isEqualTo("证书已注销");
        assertThat(text("history")).contains("证书注销", "证书信息有误，需重新认定", number);
    }

    @Test
    void everyoneMatchingGoesIntoOneBatchWhoseProgressSurvivesAReload() throws Exception {
        CertificateFixtures.IssuingUnit unit = seeded.issuingUnit("证书浏览器批量发证单位");
        int people = 300;
        seeded.seedEntries(unit, people);
        CertificatePageFixtures.Operator operator = fixtures.operator(unit.unit());
        gateway = gateways.to(operator.ukey());

        browser.get(gateway.base() + "/sdmanager/certificates/library.xhtml");
        assertThat(text("library:all-matching-label")).isEqualTo("全部符合查询条件的人员（" + people + "人）");
        browser.findElement(By.id("library:allMatching")).click();
        browser.findElement(By.id("library:publishDate")).sendKeys("2026-07-01");
        submit(By.id("library:issue"));
        assertThat(text("library:page-messages")).contains("已开始入库：" + people + "人");

        // a reload while it runs: the batch comes from the database, with its progress so far
        browser.navigate().refresh();
        assertThat(text("progress:batch:0:count")).matches("\\d+/" + people);
        new WebDriverWait(browser, Duration.ofSeconds(300))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> "已完成"
                        .equals(d.findElement(By.id("progress:batch:0:state")).getText()));
        assertThat(progressLabel()).isEqualTo("100%");
        assertThat(text("progress:batch:0:count")).isEqualTo(people + "/" + people);
        assertThat(text("library:all-matching-label")).isEqualTo("全部符合查询条件的人员（0人）");
        assertThat(as(operator.ukeyUser(), () -> certificates.count(CertificateQuery.all())))
                .isEqualTo(people);
    }

    private String progressLabel() {
        return browser.findElement(
                        By.xpath("//*[@id='progress:batch:0:bar']//*[contains(@class,'ui-progressbar-label')]"))
                .getText();
    }

    /** Clicks what submits the page and waits until the next page replaced it (confirming when asked). */
    private void submit(By by) {
        Browser.submit(browser, by);
    }

    /** A button that asks "are you sure?" first: checks that it asks, confirms and waits for the next page. */
    private void confirmAndSubmit(By by) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(by).click();
        assertThat(Browser.confirmation(browser)).contains("注销");
        Browser.answerConfirmation(browser, true);
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(Browser.replaced(page));
        Browser.loaded(browser);
    }

    private String text(String id) {
        return Browser.textOf(browser, id);
    }
}
