package cn.hrss.zcrd.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.certificate.CertificateStatus;
import cn.hrss.zcrd.declaration.DeclarationState;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.statistics.StatisticsFixtures.Declared;
import cn.hrss.zcrd.statistics.StatisticsFixtures.Issued;
import cn.hrss.zcrd.statistics.StatisticsFixtures.Unit;
import cn.hrss.zcrd.statistics.StatisticsReport.Dimension;
import cn.hrss.zcrd.statistics.StatisticsReport.Row;
import cn.hrss.zcrd.support.Browser;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.RegionalStaff;
import cn.hrss.zcrd.support.UkeyGateway;
import cn.hrss.zcrd.support.UkeyGateways;
import cn.hrss.zcrd.support.WithBrowser;
import cn.hrss.zcrd.unit.BusinessType;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * 统计分析 in Chromium: a city's reviewer opens it from the menu, asks for a year and sees six charts drawn by
 * Chart.js under the page's Content-Security-Policy (the browser's console stays free of CSP violations and script
 * errors: {@link Browser} fails the test on them), each chart holding the figures of its table and of the service.
 */
@IntegrationTest
@WithBrowser
class StatisticsBrowserIT extends StatisticsServicesBase {

    /** Not StatisticsIT's year: its exact counts stay its own. */
    static final int YEAR = YearMonth.now(BusinessTime.DEFAULT_ZONE).getYear() - 9;

    WebDriver browser;

    @Test
    void aCitysReviewerSeesEveryChartWithTheFiguresOfItsTable(WebDriver browser, UkeyGateways gateways)
            throws Exception {
        this.browser = browser;
        seed();
        RegionalStaff reviewer = staff.regional(BackOfficeRole.BUREAU_REVIEWER, "370100", "统计页面审核员");
        UkeyGateway gateway = gateways.to(reviewer.tls());

        browser.get(gateway.base() + "/sdmanager/index.xhtml");
        Browser.submit(browser, By.id("menu-statistics"));
        assertThat(Browser.textOf(browser, "statistics-title")).isEqualTo("统计分析");
        assertThat(Browser.textOf(browser, "scope")).contains("山东省 / 济南市");
        new Select(browser.findElement(By.id("filter:from"))).selectByValue(YEAR + "-01");
        new Select(browser.findElement(By.id("filter:to"))).selectByValue(YEAR + "-12");
        Browser.submit(browser, By.id("filter:search"));

        reviewer.signIn();
        StatisticsReport report =
                statistics.report(new StatisticsQuery(YearMonth.of(YEAR, 1), YearMonth.of(YEAR, 12), null, null, null));
        assertThat(report.declarations()).isPositive();
        assertThat(report.certificates()).isPositive();
        assertThat(Browser.textOf(browser, "totals"))
                .isEqualTo(YEAR + "-01 至 " + YEAR + "-12：申报 " + report.declarations() + " 件，发证 " + report.certificates()
                        + " 本。");
        ResourceBundle bundle = ResourceBundle.getBundle("messages.messages", Locale.SIMPLIFIED_CHINESE);
        for (Dimension dimension : Dimension.values()) {
            String id = dimension.name().toLowerCase(Locale.ROOT);
            List<Row> rows = report.rows(dimension);
            List<String> labels =
                    rows.stream().map(r -> r.label().text(bundle::getString)).toList();
            assertThat(chart(id, "labels")).as(id + " chart labels").isEqualTo(labels);
            List<List<Long>> expected = new ArrayList<>();
            if (dimension != Dimension.STATUS) {
                expected.add(rows.stream().map(Row::declarations).toList());
            }
            if (dimension != Dimension.STATE) {
                expected.add(rows.stream().map(Row::certificates).toList());
            }
            assertThat(chart(id, "data")).as(id + " chart data").isEqualTo(expected);
            // the table beside it: the first row's label and figures
            String firstRow = browser.findElement(By.cssSelector("#" + id + "-table tbody tr"))
                    .getText();
            assertThat(firstRow).startsWith(labels.get(0));
        }
        assertThat(browser.findElement(By.id("region-table")).getText())
                .contains("历下区")
                .doesNotContain("青岛市");
    }

    /** What Chart.js holds for the chart: its labels, or each dataset's numbers. */
    @SuppressWarnings("unchecked")
    private List<Object> chart(String id, String what) {
        Object value = ((JavascriptExecutor) browser)
                .executeScript(
                        "var c = Chart.getChart(document.getElementById(arguments[0] + '-chart_canvas'));"
                                + "return arguments[1] === 'labels' ? c.data.labels"
                                + " : c.data.datasets.map(function (d) { return d.data; });",
                        id,
                        what);
        return (List<Object>) value;
    }

    private void seed() {
        StatisticsFixtures fixtures = new StatisticsFixtures(jdbc);
        List<Unit> units = fixtures.units(List.of("370102", "370202"));
        long id = fixtures.ids("declaration", 20);
        List<Declared> declared = new ArrayList<>();
        Instant june = YearMonth.of(YEAR, 6)
                .atDay(15)
                .atStartOfDay(BusinessTime.DEFAULT_ZONE)
                .toInstant();
        for (int i = 0; i < 12; i++) {
            declared.add(new Declared(
                    id++,
                    units.get(i % 2),
                    i % 4 == 0 ? BusinessType.TRANSFER_IN : BusinessType.FULL_TIME_RECOGNITION,
                    i % 3 == 0 ? "GONGCHENG" : "KUAIJI",
                    i % 2 == 0 ? "ZHULI" : "ZHONGJI",
                    i < 6 ? DeclarationState.CERTIFIED : DeclarationState.SUBMITTED,
                    june.plus(Duration.ofDays(i * 9L))));
        }
        fixtures.declarations(declared);
        long certificate = fixtures.ids("certificate_batch_item", 10);
        List<Issued> issued = new ArrayList<>();
        for (Declared d : declared.subList(0, 6)) {
            issued.add(new Issued(
                    certificate++,
                    d,
                    d.id() % 3 == 0 ? CertificateStatus.REVOKED : CertificateStatus.VALID,
                    d.firstSubmittedAt().plus(Duration.ofDays(20)),
                    null));
        }
        fixtures.certificates(issued);
    }
}
