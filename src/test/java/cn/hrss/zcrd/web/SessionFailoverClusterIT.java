package cn.hrss.zcrd.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.hrss.zcrd.review.PortalPages;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.support.Browser;
import cn.hrss.zcrd.support.ClusterTopologyBase;
import cn.hrss.zcrd.support.DevPki;
import cn.hrss.zcrd.support.TlsClient;
import cn.hrss.zcrd.support.UkeyGateway;
import cn.hrss.zcrd.support.WithBrowser;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Sessions survive the death of the node that served them (issue #18): a person half-way through a declaration and a
 * UKEY user half-way through a query, each in Chromium through HAProxy, lose the node that served their last request
 * ({@code kill -9}, found by each node's Prometheus request count); the next click is answered by the other node from
 * the shared session — same session cookie, still signed in, the page's state and everything typed kept. Each test
 * starts the killed node again: the cluster tests share one topology.
 */
@Tag("cluster")
@WithBrowser
class SessionFailoverClusterIT extends ClusterTopologyBase {

    @Test
    void aPersonHalfWayThroughADeclarationLosesTheNodeAndGoesOn(WebDriver browser) throws Exception {
        String unitName = "集群会话单位" + ThreadLocalRandom.current().nextInt(1_000_000);
        rows.unit(unitName, "ENTERPRISE");
        String name = "集群会话" + (char) ('甲' + ThreadLocalRandom.current().nextInt(20));
        String idNumber = rows.person(name, "Secret123");
        WebDriverWait wait = Browser.waiting(browser);
        String base = cluster.publicFace().toString();

        new PortalPages(browser, base).logInAsPerson(idNumber, "Secret123", name);
        Browser.submit(browser, By.id("menu-declarations"));
        Browser.submit(browser, By.id("list:new"));
        new Select(browser.findElement(By.id("basic:levelCode"))).selectByVisibleText("助理级");
        wait.until(d -> options(d, "basic:titleId").contains("助理工程师"));
        browser.findElement(By.id("basic:graduationSchool")).sendKeys("山东大学");
        browser.findElement(By.id("basic:majorStudied")).sendKeys("机械设计制造及其自动化");
        String sessionBefore = cookie(browser, "ZCRD_PORTAL");

        // the title's choice asks the server for its specialties (AJAX on this view)
        int served = killTheNodeThatServedTheLastRequest(() -> {
            new Select(browser.findElement(By.id("basic:titleId"))).selectByVisibleText("助理工程师");
            wait.until(d -> options(d, "basic:specialtyId").contains("机械工程"));
        });
        try {
            // the next clicks: the declaring-unit picker (an AJAX dialog of this view), the rest of the form, 保存
            new Select(browser.findElement(By.id("basic:specialtyId"))).selectByVisibleText("机械工程");
            new Select(browser.findElement(By.id("basic:declarationMethodId"))).selectByVisibleText("全日制大学本科毕业见习期满一年");
            browser.findElement(By.id("basic:declaringUnitId")).click();
            WebElement search = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("basic:unitSearch")));
            search.sendKeys(unitName);
            browser.findElement(By.id("basic:unitFind")).click();
            By row = By.xpath("//table[@id='unitResults']//tr[td[1][text()='" + unitName + "']]");
            wait.until(ExpectedConditions.presenceOfElementLocated(row));
            browser.findElement(row).findElement(By.tagName("a")).click();
            wait.until(ExpectedConditions.attributeContains(row, "class", "zcrd-selected"));
            wait.until(ExpectedConditions.elementToBeClickable(By.id("basic:unitConfirm")))
                    .click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("basic:unitDialog")));
            LocalDate graduation = LocalDate.now(BusinessTime.DEFAULT_ZONE)
                    .minusYears(2)
                    .withMonth(7)
                    .withDayOfMonth(1);
            browser.findElement(By.id("basic:workStartDate"))
                    .sendKeys(graduation.plusDays(10).format(DateTimeFormatter.ISO_LOCAL_DATE));
            browser.findElement(By.id("basic:professionalWorkStartDate"))
                    .sendKeys(graduation.plusDays(10).format(DateTimeFormatter.ISO_LOCAL_DATE));
            browser.findElement(By.id("basic:graduationDate"))
                    .sendKeys(graduation.format(DateTimeFormatter.ISO_LOCAL_DATE));
            new Select(browser.findElement(By.id("basic:education"))).selectByVisibleText("大学本科");
            browser.findElement(By.id("basic:currentPosition")).sendKeys("助理设计师");
            Browser.submit(browser, By.id("basic:save"));

            assertThat(Browser.textOf(browser, "list:saved-note")).startsWith("申报信息已保存为草稿");
            browser.get(base + "/rsrc/index.xhtml");
            assertThat(Browser.textOf(browser, "portal-greeting"))
                    .as("still signed in")
                    .contains(name);
            assertThat(cookie(browser, "ZCRD_PORTAL")).as("the same session").isEqualTo(sessionBefore);
            assertThat(jdbc.queryForMap(
                            "SELECT d.graduation_school, d.major_studied, d.current_position FROM declaration d "
                                    + "JOIN applicant a ON a.account_id = d.applicant_account_id WHERE a.id_number = ?",
                            idNumber))
                    .as("what was typed before and after the node died, stored once")
                    .containsValues("山东大学", "机械设计制造及其自动化", "助理设计师");
        } finally {
            cluster.startApp(served);
        }
    }

    @Test
    void aUkeyUserHalfWayThroughANewAccountLosesTheNodeAndGoesOn(WebDriver browser) throws Exception {
        try (UkeyGateway gateway = UkeyGateway.to(
                cluster.ukeyFace(),
                TlsClient.sslContext(DevPki.pkcs12(DevPki.PKI.resolve("ukey-dev-admin.p12")), DevPki.pkiPassword()))) {
            String username = "cluster-" + ThreadLocalRandom.current().nextInt(1_000_000);
            browser.get(gateway.base() + "/sdmanager/index.xhtml");
            Browser.find(browser, By.id("menu-home"));
            String sessionBefore = cookie(browser, "ZCRD_UKEY");

            int served = killTheNodeThatServedTheLastRequest(() -> {
                browser.get(gateway.base() + "/sdmanager/system/account.xhtml");
                browser.findElement(By.id("account:username")).sendKeys(username);
                browser.findElement(By.id("account:displayName")).sendKeys("冯集群");
            });
            try {
                new Select(browser.findElement(By.id("account:role"))).selectByValue("BUREAU_REVIEWER");
                new Select(browser.findElement(By.id("account:region"))).selectByValue("370100");
                Browser.submit(browser, By.id("account:save"));

                assertThat(Browser.textOf(browser, "account:page-messages")).contains("后台用户已创建");
                assertThat(cookie(browser, "ZCRD_UKEY")).as("the same session").isEqualTo(sessionBefore);
                assertThat(jdbc.queryForObject(
                                "SELECT display_name FROM back_office_account WHERE username = ?",
                                String.class,
                                username))
                        .as("what was typed before the node died, stored")
                        .isEqualTo("冯集群");
            } finally {
                cluster.startApp(served);
            }
        }
    }

    /** Runs {@code step}, finds the node that answered it (its Prometheus request count rose) and kills it. */
    private static int killTheNodeThatServedTheLastRequest(Runnable step) {
        double before1 = requests(1);
        double before2 = requests(2);
        step.run();
        // a node counts a request once it has answered it: the browser may have the answer a moment before
        double[] rise = new double[2];
        await("the step reached a node").atMost(Duration.ofSeconds(10)).until(() -> {
            rise[0] = requests(1) - before1;
            rise[1] = requests(2) - before2;
            return rise[0] + rise[1] > 0;
        });
        int served = rise[0] >= rise[1] ? 1 : 2;
        cluster.killApp(served);
        return served;
    }

    /** Requests node {@code n} answered on its faces (its management server's own requests left out). */
    private static double requests(int n) {
        return cluster.metricSum(
                n, line -> line.startsWith("http_server_requests_seconds_count{") && !line.contains("uri=\"/actuator"));
    }

    private static String cookie(WebDriver browser, String name) {
        Cookie cookie = browser.manage().getCookieNamed(name);
        assertThat(cookie).as(name).isNotNull();
        return cookie.getValue();
    }

    private static java.util.List<String> options(WebDriver browser, String selectId) {
        return new Select(browser.findElement(By.id(selectId)))
                .getOptions().stream().map(WebElement::getText).toList();
    }
}
