package cn.hrss.zcrd.unit;

import static cn.hrss.zcrd.review.ReviewFixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.declaration.DeclarationState;
import cn.hrss.zcrd.review.PortalBrowserBase;
import cn.hrss.zcrd.support.Browser;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.WithBrowser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 上报路径申请 / 上报路径审核 and 职称认定证书发放申请 in Chromium: a path is applied for (superior found by fuzzy
 * search), is 未生效 until the superior approves it, a duplicate is refused; reporting is refused while the path is
 * not effective and when level or series do not match, and goes through once it is effective. The issuing-authority
 * button is greyed while the application is pending or granted.
 */
@IntegrationTest
@WithBrowser
class ReportingPathBrowserIT extends PortalBrowserBase {

    @Autowired
    IssuingAuthorities authorities;

    @Test
    void applyForAPathTheSuperiorApprovesItAndOnlyThenDeclarationsOfItsLevelAndSeriesGoUp() {
        Unit unit = fixtures.unit("浏览器路径用人单位");
        Unit superior = fixtures.unit("浏览器路径卫生健康委员会");
        fixtures.effectivePath(unit, superior, "ZHONGJI", "GONGCHENG");
        long id = fixtures.submitted(fixtures.person("尤路径"), unit);
        decisions.approve(id, signedIn(unit), null);

        pages.logInAs(unit);
        assertThat(pages.report("尤路径")).contains("没有与申报相符的已生效上报路径").contains("职称等级为“助理级”、职称系列为“工程”");

        pages.submit(By.id("menu-paths"));
        fillAssistantEngineeringPathTo(superior);
        new Select(browser.findElement(By.id("paths:businessType"))).selectByVisibleText("全日制职称认定");
        pages.submit(By.id("paths:save"));
        assertThat(pages.messages("paths")).contains("上报路径已提交");
        assertThat(browser.findElement(By.xpath("//tr[td[@class='path-level' and normalize-space(.)='助理级']]"
                                + "/td[contains(@class,'path-status')]"))
                        .getText())
                .isEqualTo("未生效");

        // the same path again is refused, nothing stored
        fillAssistantEngineeringPathTo(superior);
        pages.submit(By.id("paths:save"));
        assertThat(pages.messages("paths")).contains("不能重复申请");
        assertThat(paths.mine(signedIn(unit))).hasSize(2);

        assertThat(pages.report("尤路径")).contains("尚未生效").contains(superior.getName());
        pages.logOut();

        // the superior approves it in 上报路径审核
        pages.logInAs(superior);
        pages.submit(By.id("menu-path-review"));
        long pathId = paths.mine(signedIn(unit)).stream()
                .filter(p -> p.levelCode().equals("ZHULI"))
                .findFirst()
                .orElseThrow()
                .id();
        pages.submit(By.xpath("//tr[@id='path-" + pathId + "']//button[contains(@id,':approve')]"));
        assertThat(pages.messages("pathReview")).contains("已生效");
        assertThat(browser.findElement(By.xpath("//tr[@id='path-" + pathId + "']/td[contains(@class,'path-status')]"))
                        .getText())
                .isEqualTo("已生效");
        pages.logOut();

        pages.logInAs(unit);
        pages.submit(By.id("menu-paths"));
        assertThat(browser.findElement(By.xpath("//tr[@id='path-" + pathId + "']/td[contains(@class,'path-status')]"))
                        .getText())
                .isEqualTo("已生效");
        assertThat(pages.report("尤路径")).contains("已上报 1 份");
        assertThat(declarations.details(id, signedIn(superior)).state()).isEqualTo(DeclarationState.REPORTED);
    }

    @Test
    void theIssuingAuthorityButtonIsGreyedWhilePendingAndGrantedAndTheStatusIsShown() {
        Unit unit = fixtures.unit("浏览器发证权限单位");
        pages.logInAs(unit);
        pages.submit(By.id("menu-paths"));
        assertThat(browser.findElement(By.id("paths:authority")).isEnabled()).isTrue();
        pages.submit(By.id("paths:authority"));

        browser.findElement(By.xpath("//label[normalize-space(.)='助理级']")).click();
        browser.findElement(By.xpath("//label[normalize-space(.)='中级']")).click();
        assertThat(new Select(browser.findElement(By.id("authority:bureau")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("济南市人力资源和社会保障局");
        pages.submit(By.id("authority:save"));
        assertThat(pages.messages("authority")).contains("申请已提交");
        assertThat(Browser.textOf(browser, "authority-status")).isEqualTo("待审核");
        assertThat(Browser.textOf(browser, "authority-levels")).isEqualTo("助理级、中级");
        assertThat(browser.findElement(By.id("authority:save")).isEnabled()).isFalse();

        pages.submit(By.id("menu-paths"));
        assertThat(browser.findElement(By.id("paths:authority")).isEnabled()).isFalse();
        assertThat(Browser.textOf(browser, "paths:authority-status")).contains("待审核");

        long id = authorities.latest(signedIn(unit)).orElseThrow().id();
        authorities.decide(id, fixtures.bureauReviewer(), true, "同意");
        browser.navigate().refresh();
        assertThat(Browser.textOf(browser, "paths:authority-status")).contains("已授权");
        assertThat(browser.findElement(By.id("paths:authority")).isEnabled())
                .as("after a grant the unit may apply for further levels")
                .isTrue();
        pages.submit(By.id("menu-authority"));
        assertThat(Browser.textOf(browser, "authority-status")).isEqualTo("已授权");
        assertThat(browser.findElement(By.id("authority:save")).isEnabled())
                .as("after a grant the unit may apply for further levels")
                .isTrue();
    }

    /** 新增 → the superior found by part of its name and chosen → 助理级, 工程 (not saved yet). */
    private void fillAssistantEngineeringPathTo(Unit superior) {
        pages.submit(By.id("paths:add"));
        browser.findElement(By.id("paths:superiorSearch")).sendKeys("浏览器路径卫生健康");
        browser.findElement(By.id("paths:superiorFind")).click();
        pages.wait(20)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("paths:superior"), superior.getName()));
        browser.findElement(By.xpath("//a[contains(@id,':choose')]")).click();
        pages.waitForText("superior-chosen", superior.getName());
        new Select(browser.findElement(By.id("paths:level"))).selectByVisibleText("助理级");
        new Select(browser.findElement(By.id("paths:series"))).selectByVisibleText("工程");
    }
}
