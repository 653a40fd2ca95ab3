package cn.hrss.zcrd.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.review.PortalBrowserBase;
import cn.hrss.zcrd.review.ReviewFixtures;
import cn.hrss.zcrd.seal.SealImages;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.support.Browser;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.Pdfsig;
import cn.hrss.zcrd.support.SignsOut;
import cn.hrss.zcrd.support.TestPhotos;
import cn.hrss.zcrd.support.UkeyGateway;
import cn.hrss.zcrd.support.UkeyGateways;
import cn.hrss.zcrd.support.WithBrowser;
import cn.hrss.zcrd.unit.Unit;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 外地调入确认 through the real pages, in Chromium (issue 16): the person declares a title obtained in 江苏 (the
 * series → level → title → specialty cascade, the unit picker) with a PDF scan of the original certificate and a
 * JPEG 调令 uploaded through the file inputs, and submits; the declaring unit rejects the 原职称证书 module and
 * returns it; the person sees the opinion, finds only that module editable, replaces the scan and submits again; the
 * unit approves and reports along a path applied for as 全日制职称认定 (the two businesses share paths); the issuing
 * unit gives 确认通过; its operator, with a UKEY, issues the 职称确认 certificate from 证书库管理; the person downloads it
 * from 我的证书 and uploads it on {@code /verify/}, which says 真实有效 and 证书类别 职称确认 with the original
 * certificate. Set-up that is not the subject (units, path, authority, seal, operator) goes through the fixtures.
 */
@IntegrationTest
@WithBrowser
@ExtendWith(SignsOut.class)
class TransferInBrowserIT extends PortalBrowserBase {

    static final String PERSON = "韩调入";

    @Autowired
    CertificatePageFixtures certificatePages;

    @Test
    void declaredWithBothScansReturnedFixedReportedConfirmedIssuedDownloadedAndVerified(UkeyGateways gateways)
            throws Exception {
        Unit issuer = certificatePages.issuingUnit("调入浏览器发证单位");
        Unit declaring = fixtures.unit("调入浏览器申报单位");
        fixtures.effectivePath(declaring, issuer);
        PortalUser person = fixtures.person(PERSON);
        Path scan = file("original-certificate", ".pdf", ReviewFixtures.pdf("Original certificate JS2023-000188"));
        Path order = file("transfer-order", ".jpg", SealImages.jpegSeal(240));
        Path betterScan = file("original-certificate-rescanned", ".pdf", ReviewFixtures.pdf("Rescanned JS2023-000188"));
        LocalDate obtained = LocalDate.now(BusinessTime.DEFAULT_ZONE).minusYears(3);
        LocalDate transferred = LocalDate.now(BusinessTime.DEFAULT_ZONE).minusMonths(1);

        // the person: 外地调入确认 → 新增
        logInAsPerson(person);
        pages.submit(By.id("menu-new-transfer"));
        assertThat(text("applicant-name")).isEqualTo(PERSON);
        choose("transfer:seriesCode", "工程");
        choose("transfer:levelCode", "助理级");
        wait.until(d -> options("transfer:titleId").contains("助理工程师"));
        choose("transfer:titleId", "助理工程师");
        wait.until(d -> options("transfer:specialtyId").contains("机械工程"));
        choose("transfer:specialtyId", "机械工程");
        choose("transfer:obtainedBy", "评审");
        type("transfer:issuingAuthority", "江苏省人力资源和社会保障厅");
        type("transfer:authorityProvince", "江苏省");
        type("transfer:certificateNumber", "JS2023-000188");
        type("transfer:obtainedOn", obtained.toString());
        type("transfer:previousUnit", "南京精工机械有限公司");
        type("transfer:previousProvince", "江苏省");
        type("transfer:transferDate", transferred.toString());
        browser.findElement(By.id("transfer:declaringUnitId")).click();
        pickUnit(declaring.getName());
        pages.submit(By.id("transfer:save"));
        assertThat(text("list:saved-note")).startsWith("申报信息已保存为草稿");
        assertThat(text("list-title")).isEqualTo("我的外地调入信息");
        pages.submit(By.id("list:rows:0:details"));
        String details = browser.getCurrentUrl();
        assertThat(details).contains("id=");

        // its modules, each on its own: work, the original certificate (PDF), the transfer papers (JPEG)
        assertThat(text("details-title")).isEqualTo("外地调入信息详细");
        browser.findElement(By.id("work:add")).click();
        wait.until(d -> d.findElement(By.id("work:rows:0:startDate")))
                .sendKeys(obtained.minusYears(2).toString());
        type("work:rows:0:endDate", transferred.minusDays(1).toString());
        type("work:rows:0:unitName", "南京精工机械有限公司");
        type("work:rows:0:duty", "助理工程师");
        pages.submit(By.id("work:save"));
        assertThat(text("complete-WORK")).isEqualTo("已填写完整");
        assertThat(text("complete-ORIGINAL_CERTIFICATE")).isEqualTo("未填写完整");
        upload("original", "原职称证书扫描件", scan);
        assertThat(text("original-attachment-list"))
                .contains("原职称证书扫描件", scan.getFileName().toString());
        assertThat(text("complete-ORIGINAL_CERTIFICATE")).isEqualTo("已填写完整");
        upload("papers", "调令", order);
        assertThat(text("papers-attachment-list"))
                .contains("调令", order.getFileName().toString());
        assertThat(browser.findElements(By.cssSelector("[id$='attachment-list']")))
                .as("each module's file list has its own id")
                .hasSize(2);
        assertThat(text("complete-TRANSFER_PAPERS")).isEqualTo("已填写完整");
        browser.findElement(By.cssSelector("form#photo input[type=file]"))
                .sendKeys(TestPhotos.oneInchFile().toString());
        pages.submit(By.id("photo:uploadButton"));
        assertThat(text("page-messages")).contains("证件照已上传。");
        pages.submit(By.id("actions:submit"));
        assertThat(text("page-messages")).contains("已确定申报");
        assertThat(text("state")).isEqualTo("已提交");
        pages.logOut();

        // the declaring unit finds it under 外地调入确认 and returns the original certificate's module
        pages.logInAs(declaring);
        pages.openFromQueue(PERSON, "menu-transfer");
        assertThat(browser.findElements(By.cssSelector("a.review-attachment")))
                .extracting(a -> a.getText())
                .containsExactlyInAnyOrder(
                        scan.getFileName().toString(), order.getFileName().toString());
        browser.findElement(By.xpath("//*[@id='module-ORIGINAL_CERTIFICATE']//button[contains(@id,':reject')]"))
                .click();
        wait.until(d -> d.findElement(
                        By.xpath("//*[@id='module-ORIGINAL_CERTIFICATE']//textarea[contains(@id,':moduleOpinion')]")))
                .sendKeys("扫描件不清晰，请重新上传");
        pages.submit(By.id("review:return"));
        assertThat(pages.messages("review")).contains("已退回申报人");
        pages.logOut();

        // the person sees the opinion; only that module changes; a new scan, then 确定申报 again
        logInAsPerson(person);
        browser.get(details);
        assertThat(text("state")).isEqualTo("已退回");
        assertThat(text("opinion-ORIGINAL_CERTIFICATE")).isEqualTo("扫描件不清晰，请重新上传");
        assertThat(browser.findElements(By.id("work:save"))).isEmpty();
        assertThat(browser.findElements(By.id("papers:uploadButton"))).isEmpty();
        pages.submit(By.xpath("//form[@id='original']//a[contains(@id,':remove')]"));
        upload("original", "原职称证书扫描件", betterScan);
        assertThat(text("original-attachment-list"))
                .contains(betterScan.getFileName().toString())
                .doesNotContain(scan.getFileName().toString());
        pages.submit(By.id("actions:submit"));
        assertThat(text("state")).isEqualTo("已提交");
        pages.logOut();

        // the unit approves and reports along the path applied for as 全日制职称认定
        pages.logInAs(declaring);
        pages.openFromQueue(PERSON, "menu-transfer");
        pages.submit(By.id("review:approve"));
        assertThat(pages.messages("review")).contains("审核通过");
        assertThat(pages.report(PERSON)).contains("已上报 1 份").contains(issuer.getName());
        pages.logOut();

        // the issuing unit gives 确认通过
        pages.logInAs(issuer);
        pages.openFromQueue(PERSON, "menu-transfer");
        assertThat(browser.findElement(By.id("review:approve")).getText()).isEqualTo("确认通过");
        pages.submit(By.id("review:approve"));
        assertThat(pages.messages("review")).contains("确认通过，该外地调入确认已进入发证环节。");
        assertThat(text("detail-state")).isEqualTo("确认通过");
        assertThat(browser.findElements(By.id("review:approve"))).isEmpty();
        assertThat(pages.historyActions()).containsExactly("确定申报", "退回", "确定申报", "审核通过", "上报", "确认通过");
        pages.logOut();

        // its operator (UKEY) issues the 职称确认 certificate in 证书库管理
        CertificatePageFixtures.Operator operator = certificatePages.operator(issuer);
        UkeyGateway gateway = gateways.to(operator.ukey());
        browser.get(gateway.base() + "/sdmanager/index.xhtml");
        pages.submit(By.id("menu-certificate-intake"));
        browser.findElement(By.id("library:name")).sendKeys(PERSON);
        pages.submit(By.id("library:search"));
        By pick = By.xpath("//tr[.//span[contains(@class,'library-holder') and text()='" + PERSON
                + "']]//input[@type='checkbox']");
        assertThat(browser.findElement(By.xpath("//tr[.//span[contains(@class,'library-holder') and text()='" + PERSON
                                + "']]//span[contains(@class,'library-business')]"))
                        .getText())
                .isEqualTo("外地调入确认");
        browser.findElement(pick).click();
        browser.findElement(By.id("library:publishDate")).sendKeys("2026-07-01");
        pages.submit(By.id("library:issue"));
        assertThat(text("library:page-messages")).contains("已开始入库：1人");
        new WebDriverWait(browser, Duration.ofSeconds(180))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> "已完成"
                        .equals(d.findElement(By.id("progress:batch:0:state")).getText()));

        // the person downloads it from 我的证书
        logInAsPerson(person);
        pages.submit(By.id("menu-certificates"));
        String row = Browser.settledText(browser, By.cssSelector("#certificates tbody tr"));
        assertThat(row).contains("助理工程师", issuer.getName(), "有效");
        String href = browser.findElement(By.cssSelector("#certificates tbody tr a[id^=download-]"))
                .getAttribute("href");
        HttpResponse<byte[]> pdf = Browser.download(browser, href);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(Pdfsig.validate(pdf.body())).contains("Signature is Valid").contains("Certificate is Trusted");
        assertThat(CertificateFixtures.verifiedByItext(pdf.body()).replace(" ", ""))
                .contains("专业技术职称确认证书", PERSON, "原发证机关", "江苏省人力资源和社会保障厅", "JS2023-000188");

        // the declaration says 已发证, its history 确认通过 and the certificate's number
        browser.get(details);
        assertThat(text("state")).isEqualTo("已发证");
        assertThat(text("history")).contains("确认通过", "发证");

        // and verifies it on /verify/ by uploading it: 真实有效, 证书类别 职称确认, the original certificate
        Path downloaded = file("confirmation", ".pdf", pdf.body());
        browser.get(base() + "/verify/");
        browser.findElement(By.id("file")).sendKeys(downloaded.toString());
        Browser.submit(browser, By.id("check"));
        assertThat(text("verdict")).isEqualTo("真实有效");
        assertThat(text("field-kind")).isEqualTo("职称确认");
        assertThat(text("field-holder-name")).isEqualTo(PERSON);
        assertThat(text("field-original-authority")).isEqualTo("江苏省人力资源和社会保障厅");
        assertThat(text("field-original-number")).isEqualTo("JS2023-000188");
    }

    private void logInAsPerson(PortalUser person) {
        pages.logInAsPerson(person.loginName(), CertificatePageFixtures.PERSON_PASSWORD, person.displayName());
    }

    /** Chooses a kind in the module's upload form, gives the file input the file and presses 上传. */
    private void upload(String form, String kind, Path file) {
        new Select(browser.findElement(By.id(form + ":kind"))).selectByVisibleText(kind);
        browser.findElement(By.cssSelector("form#" + form + " input[type=file]"))
                .sendKeys(file.toString());
        pages.submit(By.id(form + ":uploadButton"));
        assertThat(text("page-messages")).contains("附件已上传。");
    }

    /** The declaring unit picker: search a part of the name, choose the row, 确定. */
    private void pickUnit(String name) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("transfer:unitSearch")))
                .sendKeys(name.substring(2));
        browser.findElement(By.id("transfer:unitFind")).click();
        By row = By.xpath("//table[@id='unitResults']//tr[td[1][text()='" + name + "']]");
        wait.until(ExpectedConditions.presenceOfElementLocated(row));
        browser.findElement(By.xpath("//table[@id='unitResults']//tr[td[1][text()='" + name + "']]//a"))
                .click();
        wait.until(ExpectedConditions.attributeContains(row, "class", "zcrd-selected"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("transfer:unitConfirm")))
                .click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("transfer:unitDialog")));
        wait.until(d ->
                name.equals(d.findElement(By.id("transfer:declaringUnitId")).getAttribute("value")));
    }

    /** Chooses the option; a cascade's ajax update is waited out (PrimeFaces' queue empty again). */
    private void choose(String id, String label) {
        wait.until(d -> options(id).contains(label));
        new Select(browser.findElement(By.id(id))).selectByVisibleText(label);
        wait.until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return window.PrimeFaces === undefined || PrimeFaces.ajax.Queue.isEmpty();")));
    }

    private java.util.List<String> options(String id) {
        return new Select(browser.findElement(By.id(id)))
                .getOptions().stream().map(o -> o.getText()).toList();
    }

    private void type(String id, String value) {
        browser.findElement(By.id(id)).sendKeys(value);
    }

    private static Path file(String prefix, String suffix, byte[] content) throws Exception {
        Path file = Files.createTempFile(prefix, suffix);
        file.toFile().deleteOnExit();
        return Files.write(file, content);
    }

    private String text(String id) {
        return Browser.textOf(browser, id);
    }
}
