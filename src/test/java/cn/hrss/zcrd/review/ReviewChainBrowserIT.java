package cn.hrss.zcrd.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.declaration.DeclarationState;
import cn.hrss.zcrd.support.Browser;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.WithBrowser;
import cn.hrss.zcrd.unit.Unit;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A three-level chain in Chromium: the applicant's submission (and resubmission) through the services, everything a
 * unit does on its pages — 退回 with one module opinion, 通过, 数据上报, the department's 通过 and 数据上报, the
 * issuing unit's 终审通过 — and the history showing every step.
 */
@IntegrationTest
@WithBrowser
class ReviewChainBrowserIT extends PortalBrowserBase {

    @Test
    void employerReturnsThenApprovesAndReportsDepartmentReportsIssuingUnitGivesTheFinalApproval() {
        Unit employer = fixtures.unit("浏览器链用人单位");
        Unit department = fixtures.unit("浏览器链主管部门");
        Unit issuer = fixtures.unit("浏览器链发证单位");
        fixtures.effectivePath(employer, department);
        fixtures.effectivePath(department, issuer);
        fixtures.grantIssuingAuthority(issuer, "ZHULI");
        PortalUser person = fixtures.person("秦浏览");
        long id = fixtures.submitted(person, employer);

        // the employer rejects the work module and returns the declaration
        pages.logInAs(employer);
        pages.openFromQueue("秦浏览");
        assertThat(text("detail-state")).isEqualTo("已提交");
        assertThat(browser.findElements(By.cssSelector("a.review-attachment")))
                .singleElement()
                .satisfies(
                        a -> assertThat(a.getAttribute("href")).matches(".*/rsrc/declaration-files/attachments/\\d+"));
        WebElement work = browser.findElement(By.id("module-WORK"));
        work.findElement(By.xpath(".//button[contains(@id,':reject')]")).click();
        Browser.find(browser, By.xpath("//*[@id='module-WORK']//textarea[contains(@id,':moduleOpinion')]"))
                .sendKeys("请写明当前岗位");
        pages.submit(By.id("review:return"));
        assertThat(pages.messages("review")).contains("已退回申报人");
        assertThat(text("detail-state")).isEqualTo("已退回");

        // the applicant changes only that module and submits again (through the service)
        fixtures.workCorrectedAndResubmitted(id, person);

        // the employer approves and reports
        pages.openFromQueue("秦浏览");
        assertThat(browser.findElement(By.id("module-WORK")).getText())
                .contains("已修改")
                .contains("结构设计员");
        assertThat(browser.findElement(By.id("review:approve")).getText()).isEqualTo("通过");
        pages.submit(By.id("review:approve"));
        assertThat(pages.messages("review")).contains("审核通过");
        assertThat(text("detail-state")).isEqualTo("单位审核通过");
        assertThat(pages.report("秦浏览")).contains("已上报 1 份").contains(department.getName());
        pages.logOut();

        // the competent department approves and reports
        pages.logInAs(department);
        pages.openFromQueue("秦浏览");
        assertThat(text("detail-state")).isEqualTo("已上报");
        pages.submit(By.id("review:approve"));
        assertThat(pages.messages("review")).contains("审核通过");
        assertThat(pages.report("秦浏览")).contains("已上报 1 份").contains(issuer.getName());
        pages.logOut();

        // the issuing unit's approval is the final review
        pages.logInAs(issuer);
        pages.openFromQueue("秦浏览");
        assertThat(browser.findElement(By.id("review:approve")).getText()).isEqualTo("终审通过");
        browser.findElement(By.id("review:opinion")).sendKeys("同意发证");
        pages.submit(By.id("review:approve"));
        assertThat(pages.messages("review")).contains("终审通过");
        assertThat(text("detail-state")).isEqualTo("终审通过");
        assertThat(browser.findElements(By.id("review:approve"))).isEmpty();

        assertThat(pages.historyActions()).containsExactly("确定申报", "退回", "确定申报", "审核通过", "上报", "审核通过", "上报", "终审通过");
        String history = text("history");
        assertThat(history)
                .contains("工作经历：请写明当前岗位")
                .contains(employer.getName())
                .contains(department.getName())
                .contains(issuer.getName())
                .contains("同意发证");
        assertThat(declarations.details(id, person).state()).isEqualTo(DeclarationState.FINAL_APPROVED);
    }

    private String text(String id) {
        return Browser.textOf(browser, id);
    }
}
