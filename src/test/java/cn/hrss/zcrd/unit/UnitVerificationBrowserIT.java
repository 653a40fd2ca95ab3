package cn.hrss.zcrd.unit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.review.PortalBrowserBase;
import cn.hrss.zcrd.support.Browser;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.RegionalStaff;
import cn.hrss.zcrd.support.UkeyGateway;
import cn.hrss.zcrd.support.UkeyGateways;
import cn.hrss.zcrd.support.WithBrowser;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 单位注册审核, both faces in Chromium: a new unit's 单位信息 says it waits for its bureau; the bureau reviewer
 * signed in by password + TOTP finds it in 单位注册审核, opens it and presses 驳回 — refused with the reason (deciding
 * needs a UKEY session); the reviewer with a UKEY rejects it with a reason; the list shows it 已驳回; the unit sees
 * the reason, corrects its name and resubmits; the bureau's list shows it pending again.
 */
@IntegrationTest
@WithBrowser
class UnitVerificationBrowserIT extends PortalBrowserBase {

    static final String REVIEWER_PASSWORD = "Browser-Verify-Passw0rd";
    static final String PAGE = "/sdmanager/units/verification.xhtml";

    @Autowired
    Units units;

    @Test
    void theBureauRejectsWithAReasonTheUnitCorrectsAndResubmits() throws Exception {
        Unit unit = fixtures.unverifiedUnit("浏览器单位审核测试单位");
        var reviewer = passwordBureauReviewer("verify-browser-", "周审核", REVIEWER_PASSWORD);
        RegionalStaff ukeyReviewer = staff.regional(BackOfficeRole.BUREAU_REVIEWER, "370100", "吴审核");

        // the unit's own page says it waits for the bureau
        pages.logInAs(unit);
        browser.get(base() + "/rsrc/unit/profile.xhtml");
        assertThat(Browser.textOf(browser, "verification-status")).isEqualTo("待审核");
        assertThat(Browser.textOf(browser, "verification-pending-note")).contains("审核通过前");
        pages.logOut();

        // the reviewer without a UKEY: sees it pending in the list, opens it, may not decide it
        reviewer.signIn(browser, base());
        pages.submit(By.id("menu-unit-verification"));
        assertThat(Browser.textOf(browser, "unit-verification-title")).isEqualTo("单位注册审核");
        assertThat(browser.findElement(By.cssSelector("#unit-" + unit.getId() + " .unit-status"))
                        .getText())
                .isEqualTo("待审核");
        assertThat(browser.findElement(By.cssSelector("#unit-" + unit.getId() + " .unit-name"))
                        .getText())
                .isEqualTo(unit.getName());
        assertThat(browser.findElement(By.cssSelector("#unit-" + unit.getId() + " .unit-region"))
                        .getText())
                .isEqualTo("山东省 / 济南市 / 历下区");
        pages.submit(By.id("open-" + unit.getId()));
        assertThat(Browser.textOf(browser, "selected-credit-code")).isEqualTo(unit.getCreditCode());
        assertThat(Browser.textOf(browser, "ukey-note"))
                .contains("审核单位注册需插入UKEY后登录")
                .contains(Faces.ukeyBase(ports) + "/sdmanager/");
        // pressed anyway (a crafted post): refused by the server with the reason
        assertThat(decisionPressedWithoutUkey("review:reason", "名称不符", "review:reject"))
                .contains("该操作需要使用UKEY登录后办理");
        assertThat(Browser.textOf(browser, "selected-status")).isEqualTo("待审核");

        // the reviewer with a UKEY rejects it on the same page: first without a reason (refused at the field)
        var ukeyPage = ukeyReviewer.session(Faces.ukeyBase(ports));
        HttpResponse<String> noReason =
                ukeyPage.submit(PAGE + "?unit=" + unit.getId(), PAGE, Map.of("review:reject", ""));
        assertThat(noReason.body()).contains("驳回时必须填写审核意见");
        HttpResponse<String> rejected = ukeyPage.submit(
                PAGE + "?unit=" + unit.getId(), PAGE, Map.of("review:reason", "单位名称与营业执照不一致，请更正", "review:reject", ""));
        assertThat(rejected.body()).contains(unit.getName() + "的注册信息已驳回。");

        // the password session's list shows it rejected, with the reason and who decided
        browser.get(base() + PAGE + "?status=REJECTED&unit=" + unit.getId());
        assertThat(browser.findElement(By.cssSelector("#unit-" + unit.getId() + " .unit-status"))
                        .getText())
                .isEqualTo("已驳回");
        assertThat(Browser.textOf(browser, "selected-reason")).isEqualTo("单位名称与营业执照不一致，请更正");
        assertThat(Browser.textOf(browser, "selected-decided")).startsWith("吴审核");
        Browser.screenshot(browser, "unit-verification.png");
        pages.submit(By.id("logout-submit"));

        // the unit sees the reason, corrects its name and resubmits
        pages.logInAs(unit);
        browser.get(base() + "/rsrc/unit/profile.xhtml");
        assertThat(Browser.textOf(browser, "verification-status")).isEqualTo("已驳回");
        assertThat(Browser.textOf(browser, "verification-reason")).isEqualTo("单位名称与营业执照不一致，请更正");
        String corrected = "浏览器已更正测试单位" + System.nanoTime() % 100_000;
        var name = browser.findElement(By.id("resubmit:name"));
        name.clear();
        name.sendKeys(corrected);
        pages.submit(By.id("resubmit:resubmit-button"));
        assertThat(pages.messages("profile")).contains("已重新提交");
        assertThat(Browser.textOf(browser, "verification-status")).isEqualTo("待审核");
        assertThat(Browser.textOf(browser, "profile-name")).isEqualTo(corrected);
        Browser.screenshot(browser, "unit-verification-resubmitted.png");

        // back with the bureau, pending
        assertThat(ukeyPage.get(PAGE).body())
                .contains("id=\"unit-" + unit.getId() + "\"")
                .contains(corrected);
    }

    @Test
    void theBureauCorrectsRegionAndCompetentDepartmentByPickingThemAsRegistrationDoes(UkeyGateways gateways)
            throws Exception {
        Unit unit = fixtures.unit("浏览器地区更正单位");
        Unit competent = fixtures.unit("浏览器更正主管部门");
        RegionalStaff jinan = staff.regional(BackOfficeRole.BUREAU_REVIEWER, "370100", "郑更正");
        RegionalStaff qingdao = staff.regional(BackOfficeRole.BUREAU_REVIEWER, "370200", "王青岛");
        try (UkeyGateway gateway = gateways.to(jinan.tls())) {
            browser.get(gateway.base() + PAGE + "?status=&unit=" + unit.getId());

            // the form starts from the unit's region (济南市 → 历下区) and no competent department
            assertThat(selected("data:city")).isEqualTo("济南市");
            assertThat(selected("data:district")).isEqualTo("历下区");
            assertThat(browser.findElements(By.id("competent-chosen"))).isEmpty();

            // within 济南: 市中区, and a competent department found in the directory by part of its name
            new Select(browser.findElement(By.id("data:district"))).selectByVisibleText("市中区");
            browser.findElement(By.id("data:competentSearch"))
                    .sendKeys(competent.getName().substring(4));
            browser.findElement(By.id("data:competentFind")).click();
            By choose = By.xpath("//*[@id='data:competentResults']//tr[td[1][text()='" + competent.getName()
                    + "']]//a[contains(@id,':choose')]");
            wait.until(ExpectedConditions.elementToBeClickable(choose)).click();
            wait.until(
                    ExpectedConditions.textToBePresentInElementLocated(By.id("competent-chosen"), competent.getName()));
            browser.findElement(By.id("data:reason")).sendKeys("单位迁至市中区，主管部门变更");
            pages.submit(By.id("data:correct"));
            assertThat(Browser.textOf(browser, "page-messages")).contains("所在地区和主管部门已更正");
            assertThat(Browser.textOf(browser, "selected-region")).isEqualTo("山东省 / 济南市 / 市中区");
            assertThat(Browser.textOf(browser, "data-history"))
                    .contains("历下区", "市中区", competent.getName(), "单位迁至市中区，主管部门变更", "郑更正");
            assertThat(selected("data:district")).isEqualTo("市中区");
            assertThat(Browser.textOf(browser, "competent-chosen")).isEqualTo(competent.getName());

            // to 青岛市 → 市南区 (the county list follows the city); the competent department cleared: none
            new Select(browser.findElement(By.id("data:city"))).selectByVisibleText("青岛市");
            wait.until(d -> new Select(d.findElement(By.id("data:district")))
                    .getOptions().stream().anyMatch(o -> o.getText().equals("市南区")));
            new Select(browser.findElement(By.id("data:district"))).selectByVisibleText("市南区");
            browser.findElement(By.id("data:competentClear")).click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("competent-chosen")));
            browser.findElement(By.id("data:reason")).sendKeys("单位迁至青岛市市南区");
            pages.submit(By.id("data:correct"));

            // the unit has left 济南's scope: back to the list, told where it went (not a refusal page)
            assertThat(Browser.textOf(browser, "page-messages"))
                    .contains("所在地区和主管部门已更正")
                    .contains("青岛市");
            assertThat(browser.findElements(By.id("unit-" + unit.getId()))).isEmpty();
        }
        assertThat(qingdao.session(Faces.ukeyBase(ports))
                        .get(PAGE + "?status=&unit=" + unit.getId())
                        .body())
                .contains("单位迁至青岛市市南区", "山东省 / 青岛市 / 市南区");
    }

    private String selected(String id) {
        return new Select(browser.findElement(By.id(id)))
                .getFirstSelectedOption()
                .getText();
    }
}
