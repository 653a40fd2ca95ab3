package cn.hrss.zcrd.review;

import static cn.hrss.zcrd.review.ReviewFixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.WithBrowser;
import cn.hrss.zcrd.unit.Unit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * 数据上报's 全选本页 in Chromium (issue 17 item 4): the header checkbox ticks every row of the page, follows a row
 * ticked off, and what it ticked is reported.
 */
@IntegrationTest
@WithBrowser
class ReportSelectAllBrowserIT extends PortalBrowserBase {

    @Test
    void selectThisPageTicksEveryRowAndTheTickedOnesAreReported() {
        Unit unit = fixtures.unit("浏览器全选单位");
        Unit superior = fixtures.unit("浏览器全选主管");
        fixtures.effectivePath(unit, superior);
        for (String name : List.of("全选浏览甲", "全选浏览乙", "全选浏览丙")) {
            decisions.approve(fixtures.submitted(fixtures.person(name), unit), signedIn(unit), null);
        }

        pages.logInAs(unit);
        pages.submit(By.id("menu-report"));
        WebElement selectPage = browser.findElement(By.id("report-select-page"));
        assertThat(selectPage.isSelected()).isFalse();
        selectPage.click();
        pages.wait(10).until(d -> picks().stream().allMatch(WebElement::isSelected));
        assertThat(picks()).hasSize(3);

        // one row ticked off: the page is no longer wholly selected; ticked again: it is
        picks().get(0).click();
        pages.wait(10).until(d -> !d.findElement(By.id("report-select-page")).isSelected());
        picks().get(0).click();
        pages.wait(10).until(d -> d.findElement(By.id("report-select-page")).isSelected());

        pages.submit(By.id("report:submit"));
        assertThat(pages.messages("report")).contains("已上报 3 份").contains(superior.getName());
    }

    private List<WebElement> picks() {
        return browser.findElements(By.cssSelector("input.report-pick"));
    }
}
