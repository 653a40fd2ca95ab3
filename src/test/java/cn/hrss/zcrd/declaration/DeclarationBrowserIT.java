package cn.hrss.zcrd.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.support.Browser;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.TestPhotos;
import cn.hrss.zcrd.support.WithBrowser;
import cn.hrss.zcrd.unit.Units;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 全日制职称认定申报 in Chromium, as an applicant walks it: log in, 我的申报信息 → 新增申报信息 with the level → title →
 * specialty cascade and both unit pickers (fuzzy search, paging, 确定), 保存; 详细: every information module including
 * an uploaded diploma; 确定申报; the recognition form downloaded and read.
 */
@IntegrationTest
@WithBrowser
class DeclarationBrowserIT extends DeclarationBrowserBase {

    @Autowired
    Units units;

    @Test
    void anApplicantDeclaresFillsEveryModuleSubmitsAndDownloadsTheRecognitionForm() throws Exception {
        String token = "浏览器申报" + System.nanoTime() % 100_000;
        PortalUser declaringUnit = fixtures.unit(token + "重工集团有限公司");
        // twelve units share a second token: the work unit sits on the picker's second page
        for (int i = 1; i <= 12; i++) {
            fixtures.unit(String.format("%s设计研究院第%02d分院", token, i));
        }
        String workUnit = token + "设计研究院第12分院";
        PortalUser person = fixtures.person("欧阳浏览");
        LocalDate graduation = LocalDate.now(BusinessTime.DEFAULT_ZONE)
                .minusYears(2)
                .withMonth(7)
                .withDayOfMonth(1);

        login(person);
        submitWith("menu-declarations");
        assertThat(text("list-title")).isEqualTo("我的申报信息");
        submitWith("list:new");
        assertThat(text("applicant-name")).isEqualTo("欧阳浏览");

        // cascade: level → title (grouped by series) → specialty; methods fit the level
        new Select(browser.findElement(By.id("basic:levelCode"))).selectByVisibleText("助理级");
        wait.until(d -> options("basic:titleId").contains("助理工程师"));
        assertThat(options("basic:declarationMethodId"))
                .contains("全日制大学本科毕业见习期满一年", "硕士研究生毕业")
                .doesNotContain("博士研究生毕业", "全日制大专毕业从事专业技术工作满一年");
        new Select(browser.findElement(By.id("basic:titleId"))).selectByVisibleText("助理工程师");
        wait.until(d -> options("basic:specialtyId").contains("机械工程"));
        assertThat(text("seriesName")).isEqualTo("工程");
        new Select(browser.findElement(By.id("basic:specialtyId"))).selectByVisibleText("机械工程");
        new Select(browser.findElement(By.id("basic:declarationMethodId"))).selectByVisibleText("全日制大学本科毕业见习期满一年");

        // 申报单位: click the field, search a middle part of the name, choose, 确定
        browser.findElement(By.id("basic:declaringUnitId")).click();
        pickUnit(token.substring(2) + "重工", declaringUnit.displayName(), false);
        wait.until(d -> d.findElement(By.id("basic:declaringUnitId"))
                .getAttribute("value")
                .equals(declaringUnit.displayName()));

        // 是否是工作单位 = 否: 工作单位 becomes required; saving without it is refused at the field
        browser.findElement(By.xpath("//input[@name='basic:declaringUnitIsWorkUnit' and @value='false']"))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("basic:workUnitId")));
        fillDates(graduation);
        browser.findElement(By.id("basic:graduationSchool")).sendKeys("山东大学");
        new Select(browser.findElement(By.id("basic:education"))).selectByVisibleText("大学本科");
        browser.findElement(By.id("basic:majorStudied")).sendKeys("机械设计制造及其自动化");
        browser.findElement(By.id("basic:currentPosition")).sendKeys("助理设计师");
        submitWith("basic:save");
        assertThat(messageAt("basic", "workUnitId")).isEqualTo("申报单位不是工作单位时，请选择工作单位。");
        assertThat(count("select count(*) from declaration where applicant_account_id = ?", person.accountId()))
                .isZero();

        browser.findElement(By.id("basic:workUnitPick")).click();
        pickUnit(token + "设计研究院", workUnit, true);
        wait.until(d ->
                d.findElement(By.id("basic:workUnitId")).getAttribute("value").equals(workUnit));
        submitWith("basic:save");

        assertThat(text("list:saved-note")).startsWith("申报信息已保存为草稿");
        List<WebElement> rows = browser.findElements(By.cssSelector("#declarations tbody tr"));
        assertThat(rows)
                .singleElement()
                .satisfies(r -> assertThat(r.getText())
                        .contains(
                                String.valueOf(
                                        LocalDate.now(BusinessTime.DEFAULT_ZONE).getYear()),
                                "助理级",
                                "助理工程师",
                                "机械工程",
                                "草稿"));
        submitWith("list:rows:0:details");

        // 详细: every module on its own
        assertThat(text("complete-BASIC")).isEqualTo("已填写完整");
        assertThat(text("complete-EDUCATION")).isEqualTo("未填写完整");
        assertThat(text("problems")).contains("请至少填写一条学历学位信息。");

        browser.findElement(By.id("education:add")).click();
        WebElement school = wait.until(d -> d.findElement(By.id("education:rows:0:school")));
        school.sendKeys("山东大学");
        browser.findElement(By.id("education:rows:0:major")).sendKeys("机械设计制造及其自动化");
        new Select(browser.findElement(By.id("education:rows:0:level"))).selectByVisibleText("大学本科");
        new Select(browser.findElement(By.id("education:rows:0:degree"))).selectByVisibleText("学士");
        browser.findElement(By.id("education:rows:0:startDate"))
                .sendKeys(graduation.minusYears(4).plusMonths(2).toString());
        browser.findElement(By.id("education:rows:0:endDate")).sendKeys(graduation.toString());
        browser.findElement(By.id("education:rows:0:diplomaNumber")).sendKeys("104221202305001234");
        submitWith("education:save");
        assertThat(pageMessages()).contains("“学历学位”已保存。");
        assertThat(text("complete-EDUCATION")).isEqualTo("已填写完整");

        browser.findElement(By.id("work:add")).click();
        wait.until(d -> d.findElement(By.id("work:rows:0:startDate")))
                .sendKeys(graduation.plusDays(10).toString());
        browser.findElement(By.id("work:rows:0:unitName")).sendKeys(workUnit);
        browser.findElement(By.id("work:rows:0:duty")).sendKeys("助理设计师");
        submitWith("work:save");
        assertThat(text("complete-WORK")).isEqualTo("已填写完整");

        browser.findElement(By.id("performance:achievements")).sendKeys("参与减速器箱体结构设计与强度校核，完成图纸二十余张。");
        new Select(browser.findElement(By.id("performance:probationResult"))).selectByVisibleText("合格");
        submitWith("performance:save");
        assertThat(text("complete-PERFORMANCE")).isEqualTo("已填写完整");

        // 证件照: a one-inch JPEG, shown once taken; until then 确定申报 names it as missing
        assertThat(text("problems")).contains("请在“基本信息”中上传本人证件照。");
        browser.findElement(By.cssSelector("form#photo input[type=file]"))
                .sendKeys(TestPhotos.oneInchFile().toString());
        submitWith("photo:uploadButton");
        assertThat(pageMessages()).contains("证件照已上传。");
        assertThat(browser.findElement(By.id("photo-image")).getAttribute("naturalWidth"))
                .isEqualTo("295");

        Path diploma = Files.createTempFile("diploma", ".pdf");
        Files.write(diploma, DeclarationFixtures.pdf("Diploma of " + person.loginName()));
        new Select(browser.findElement(By.id("attachments:kind"))).selectByVisibleText("毕业证书");
        browser.findElement(By.cssSelector("#attachments input[type=file]")).sendKeys(diploma.toString());
        submitWith("attachments:uploadButton");
        assertThat(pageMessages()).contains("附件已上传。");
        assertThat(text("attachment-list"))
                .contains("毕业证书", diploma.getFileName().toString());
        assertThat(text("complete-ATTACHMENTS")).isEqualTo("已填写完整");
        assertAbsent(By.id("problems"));

        // 确定申报: sent to the declaring unit, nothing editable any more
        submitWith("actions:submit");
        assertThat(pageMessages()).contains("已确定申报");
        assertThat(text("state")).isEqualTo("已提交");
        assertThat(text("summary-current-unit")).isEqualTo(declaringUnit.displayName());
        assertAbsent(By.cssSelector("form#basic, form#education, form#work, form#performance"));
        assertAbsent(By.id("attachments:uploadButton"));
        assertAbsent(By.id("actions:submit"));
        assertThat(text("module-BASIC")).contains(workUnit, "助理设计师");

        // 认定表预览: the PDF holds the applicant's data
        String formUrl = browser.findElement(By.id("actions:form")).getAttribute("href");
        HttpResponse<byte[]> pdf = fetch(formUrl);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;");
        String text = pdfText(pdf.body());
        assertThat(text)
                .contains(
                        "全日制职称认定表",
                        "欧阳浏览",
                        person.loginName(),
                        "助理工程师",
                        "机械工程",
                        "全日制大学本科毕业见习期满一年",
                        declaringUnit.displayName(),
                        workUnit,
                        "山东大学",
                        "104221202305001234",
                        "参与减速器箱体结构设计",
                        "毕业证书",
                        "确定申报");

        submitWith("actions:back");
        assertThat(browser.findElement(By.cssSelector("#declarations tbody tr")).getText())
                .contains("已提交");
        assertAbsent(By.id("list:rows:0:submit"));
        assertThat(browser.findElement(By.id("list:rows:0:form")).getAttribute("href"))
                .isEqualTo(formUrl);
    }

    /** Asserts that the page (already loaded) has no such element. */
    private void assertAbsent(By locator) {
        assertThat(browser.findElements(locator)).as(locator.toString()).isEmpty();
    }

    /**
     * Clicks a button that submits the page (non-ajax) and waits until the next page has replaced it (confirming an
     * irreversible action such as 确定申报).
     */
    private void submitWith(String id) {
        Browser.submit(browser, By.id(id));
    }

    private void pickUnit(String search, String name, boolean secondPage) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("basic:unitSearch")));
        field.sendKeys(search);
        browser.findElement(By.id("basic:unitFind")).click();
        if (secondPage) {
            wait.until(
                    ExpectedConditions.textToBePresentInElementLocated(By.id("basic:unitTotal"), "共 12 个单位，第 1/2 页"));
            assertThat(text("unitResults")).doesNotContain(name);
            browser.findElement(By.id("basic:unitNext")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("basic:unitTotal"), "第 2/2 页"));
        }
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("unitResults"), name));
        browser.findElement(By.xpath("//table[@id='unitResults']//tr[td[1][text()='" + name + "']]//a"))
                .click();
        wait.until(ExpectedConditions.attributeContains(
                By.xpath("//table[@id='unitResults']//tr[td[1][text()='" + name + "']]"), "class", "zcrd-selected"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("basic:unitConfirm")))
                .click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("basic:unitDialog")));
    }

    private void fillDates(LocalDate graduation) {
        browser.findElement(By.id("basic:workStartDate"))
                .sendKeys(graduation.plusDays(10).toString());
        browser.findElement(By.id("basic:professionalWorkStartDate"))
                .sendKeys(graduation.plusDays(10).toString());
        browser.findElement(By.id("basic:graduationDate")).sendKeys(graduation.toString());
    }

    private List<String> options(String selectId) {
        return new Select(browser.findElement(By.id(selectId)))
                .getOptions().stream().map(WebElement::getText).toList();
    }

    private String messageAt(String form, String field) {
        return Browser.fieldMessage(browser, form, field);
    }

    private String pageMessages() {
        return text("page-messages");
    }

    private HttpResponse<byte[]> fetch(String url) throws Exception {
        Cookie session = browser.manage().getCookieNamed("ZCRD_PORTAL");
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Cookie", "ZCRD_PORTAL=" + session.getValue())
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static String pdfText(byte[] pdf) throws Exception {
        StringBuilder text = new StringBuilder();
        try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                text.append(PdfTextExtractor.getTextFromPage(doc.getPage(i))).append('\n');
            }
        }
        return text.toString();
    }

    /** Every font of the first page as "BaseFont embedded|not-embedded". */
    static List<String> fonts(byte[] pdf) throws Exception {
        try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            PdfDictionary fonts = doc.getFirstPage().getResources().getResource(PdfName.Font);
            List<String> result = new java.util.ArrayList<>();
            for (PdfName name : fonts.keySet()) {
                PdfDictionary font = fonts.getAsDictionary(name);
                PdfDictionary descriptor = font.getAsArray(PdfName.DescendantFonts) == null
                        ? font.getAsDictionary(PdfName.FontDescriptor)
                        : font.getAsArray(PdfName.DescendantFonts)
                                .getAsDictionary(0)
                                .getAsDictionary(PdfName.FontDescriptor);
                boolean embedded = descriptor != null
                        && (descriptor.containsKey(PdfName.FontFile2)
                                || descriptor.containsKey(PdfName.FontFile3)
                                || descriptor.containsKey(PdfName.FontFile));
                result.add(font.getAsName(PdfName.BaseFont).getValue() + (embedded ? " embedded" : " not-embedded"));
            }
            return result;
        }
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }
}
