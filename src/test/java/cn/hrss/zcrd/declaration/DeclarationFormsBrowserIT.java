package cn.hrss.zcrd.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.support.Browser;
import cn.hrss.zcrd.support.Captchas;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.WithBrowser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Forms that say everything at once (issue 17 item 5), in Chromium: before 确定申报 every incomplete module and
 * missing field is listed, each a link that takes the applicant there; an empty form's problems appear at each field,
 * which carries the red required marker; 确定申报 and 撤回 ask first, naming what will happen, and 取消 changes
 * nothing; 撤回 of a draft deletes it and says so.
 */
@IntegrationTest
@WithBrowser
class DeclarationFormsBrowserIT extends DeclarationBrowserBase {

    private static final String REQUIRED = "此项为必填项。";

    @Test
    void everyMissingModuleIsListedWithALinkAndSubmittingAsksFirst() {
        PortalUser unit = fixtures.unit(DeclarationFixtures.unitName("表单申报单位"));
        PortalUser person = fixtures.person("甄完整");
        long id = fixtures.draft(person, fixtures.unitId(unit));
        login(person);
        openDeclaration(id);

        // four modules and the 证件照 are missing: all are named at once (performance by each of its two fields,
        // the photo last)
        assertThat(problemModules())
                .containsExactly("EDUCATION", "WORK", "PERFORMANCE", "PERFORMANCE", "ATTACHMENTS", "BASIC");
        assertThat(text("problems"))
                .contains(
                        "请至少填写一条学历学位信息。",
                        "请至少填写一条工作经历。",
                        "请填写专业技术工作业绩。",
                        "请选择见习期考核结果。",
                        "请在附件材料中上传毕业证书。",
                        "请在“基本信息”中上传本人证件照。");

        // 确定申报 anyway: asked first, then refused once on top, and the list still names every problem
        browser.findElement(By.id("actions:submit")).click();
        assertThat(Browser.confirmation(browser)).isEqualTo("确定申报后申报材料将被锁定并提交审核，在被退回之前不能再修改，是否继续？");
        WebElement page = browser.findElement(By.tagName("html"));
        Browser.answerConfirmation(browser, true);
        wait.until(Browser.replaced(page));
        assertThat(text("page-messages")).contains("尚不能确定申报");
        assertThat(problemModules()).hasSize(6);
        assertThat(text("state")).isEqualTo("草稿");

        // the links take the applicant to the module, or to the very field
        follow("module-ATTACHMENTS");
        follow("performance:probationResult");
        follow("module-EDUCATION");

        // complete: no list any more; 确定申报 asks, 取消 leaves the draft as it was, 确定 locks it
        fixtures.completeModules(id, person);
        openDeclaration(id);
        assertThat(browser.findElements(By.id("problems"))).isEmpty();
        browser.findElement(By.id("actions:submit")).click();
        assertThat(Browser.confirmation(browser)).contains("申报材料将被锁定");
        Browser.answerConfirmation(browser, false);
        assertThat(text("state")).isEqualTo("草稿");
        assertThat(state(id)).isEqualTo("DRAFT");

        Browser.submit(browser, By.id("actions:submit"));
        assertThat(text("page-messages")).contains("已确定申报");
        // said once: one messages component on the page, the message added once
        assertThat(Browser.timesShown(browser, "已确定申报，申报信息已提交至申报单位审核")).isOne();
        assertThat(text("state")).isEqualTo("已提交");
        assertThat(state(id)).isEqualTo("SUBMITTED");
        assertThat(browser.findElements(By.cssSelector("form#performance, #actions\\:submit, #actions\\:withdraw")))
                .isEmpty();
    }

    @Test
    void withdrawingADraftSaysThatItDeletesItAndDoes() {
        PortalUser unit = fixtures.unit(DeclarationFixtures.unitName("撤回申报单位"));
        PortalUser person = fixtures.person("甄撤回");
        long id = fixtures.draft(person, fixtures.unitId(unit));
        login(person);
        openDeclaration(id);

        browser.findElement(By.id("actions:withdraw")).click();
        assertThat(Browser.confirmation(browser)).contains("删除该申报", "不能恢复");
        Browser.answerConfirmation(browser, false);
        assertThat(count(id)).isOne();

        Browser.submit(browser, By.id("actions:withdraw"));
        assertThat(text("list-title")).isEqualTo("我的申报信息");
        assertThat(text("list:page-messages")).isEqualTo("草稿已删除，其中填写的信息和上传的附件均已删除。");
        assertThat(Browser.timesShown(browser, "草稿已删除")).isOne();
        assertThat(browser.findElements(By.id("declaration-" + id))).isEmpty();
        assertThat(count(id)).isZero();
        // the message came with the redirect (flash) and is not said again on the next request
        browser.navigate().refresh();
        assertThat(text("list-title")).isEqualTo("我的申报信息");
        assertThat(Browser.timesShown(browser, "草稿已删除")).isZero();
    }

    @Test
    void anEmptyFormShowsEachProblemAtItsMarkedField() {
        // 个人注册, sent empty
        browser.get(base() + "/rsrc/register/person.xhtml");
        Captchas.awaitSolved(browser);
        Browser.submit(browser, By.id("reg:review"));
        assertThat(fieldsWithProblems("reg"))
                .contains("reg:name", "reg:idNumber", "reg:mobile", "reg:email", "reg:password");
        assertEachProblemAtAMarkedField("reg");

        // 新增申报信息, sent empty: 最高学历 too is refused at its field, not on the page
        PortalUser person = fixtures.person("甄空表");
        login(person);
        browser.get(base() + "/rsrc/person/declaration-new.xhtml");
        Browser.submit(browser, By.id("basic:save"));
        assertThat(fieldsWithProblems("basic"))
                .contains(
                        "basic:levelCode",
                        "basic:titleId",
                        "basic:declaringUnitId",
                        "basic:workStartDate",
                        "basic:graduationSchool",
                        "basic:education",
                        "basic:majorStudied");
        assertEachProblemAtAMarkedField("basic");
    }

    /** Every field message on the form sits in a field whose label carries the red marker; none is on the page. */
    private void assertEachProblemAtAMarkedField(String form) {
        List<WebElement> fields = browser.findElements(By.xpath("//form[@id='" + form + "']//*[contains(@class,"
                + "'zcrd-field')][.//*[contains(@class,'ui-message-error') and normalize-space(.)!='']]"));
        assertThat(fields).isNotEmpty().allSatisfy(f -> {
            assertThat(f.findElements(By.cssSelector(".zcrd-required")))
                    .as(f.getText())
                    .singleElement()
                    .satisfies(marker -> {
                        assertThat(marker.getText()).isEqualTo("*");
                        assertThat(marker.getCssValue("color")).isEqualTo("rgba(183, 28, 28, 1)");
                    });
        });
        assertThat(browser.findElements(By.cssSelector("[id$='page-messages']")))
                .allSatisfy(m -> assertThat(m.getText()).doesNotContain(REQUIRED));
    }

    /** The ids of the inputs whose field shows 此项为必填项。 */
    private List<String> fieldsWithProblems(String form) {
        return browser
                .findElements(By.xpath("//form[@id='" + form + "']//*[contains(@class,'zcrd-field')][.//*[contains("
                        + "@class,'ui-message-error') and normalize-space(.)='" + REQUIRED + "']]"
                        + "//*[@id and (self::input or self::select or self::textarea or self::table)]"))
                .stream()
                .map(e -> e.getAttribute("id"))
                .toList();
    }

    /** Clicks the problem link to {@code target} and checks that the address and the view went there. */
    private void follow(String target) {
        WebElement link =
                browser.findElement(By.cssSelector("#problems a[href='#" + target.replace(":", "\\:") + "']"));
        link.click();
        wait.until(d ->
                ((JavascriptExecutor) d).executeScript("return location.hash").equals("#" + target));
        Object inView = ((JavascriptExecutor) browser)
                .executeScript(
                        "var r = document.getElementById(arguments[0]).getBoundingClientRect();"
                                + " return r.top >= 0 && r.top < window.innerHeight;",
                        target);
        assertThat(inView).as(target + " scrolled into view").isEqualTo(Boolean.TRUE);
    }

    private List<String> problemModules() {
        return browser.findElements(By.cssSelector("#problems a.zcrd-problem")).stream()
                .map(a -> a.getAttribute("data-module"))
                .toList();
    }

    private void openDeclaration(long id) {
        browser.get(base() + "/rsrc/person/declaration.xhtml?id=" + id);
        assertThat(text("details-title")).isNotBlank();
    }

    private String state(long id) {
        return jdbc.queryForObject("select state from declaration where id = ?", String.class, id);
    }

    private int count(long id) {
        return jdbc.queryForObject("select count(*) from declaration where id = ?", Integer.class, id);
    }
}
