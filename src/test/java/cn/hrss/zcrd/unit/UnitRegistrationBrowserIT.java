package cn.hrss.zcrd.unit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.Browser;
import cn.hrss.zcrd.support.Captchas;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.TestIdentities;
import cn.hrss.zcrd.support.WithBrowser;
import cn.hrss.zcrd.web.ConnectorPorts;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** 单位注册 in Chromium: region cascade, competent department from the directory, confirmation, login. */
@IntegrationTest
@WithBrowser
class UnitRegistrationBrowserIT {

    @Autowired
    BackOfficeStaff staff;

    @Autowired
    UnitVerifications unitVerifications;

    @Autowired
    ConnectorPorts ports;

    @Autowired
    Units units;

    @Autowired
    JdbcTemplate jdbc;

    WebDriver browser;

    @BeforeEach
    void open(WebDriver browser) {
        this.browser = browser;
    }

    @Test
    void registerAUnitUnderItsCompetentDepartmentThenLogIn() {
        Unit competent =
                UnitFixtures.verified(unitVerifications, staff, units.register(UnitFixtures.aUnit("济南市浏览器测试卫生健康委员会")));
        String creditCode = TestIdentities.creditCode();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.get(base() + "/rsrc/register/unit.xhtml");

        browser.findElement(By.id("reg:name")).sendKeys("济南市历下区浏览器测试医院");
        browser.findElement(By.id("reg:creditCode")).sendKeys(creditCode);
        new Select(browser.findElement(By.id("reg:city"))).selectByVisibleText("济南市");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reg:district")));
        new Select(wait.until(d -> d.findElement(By.id("reg:district")))).selectByVisibleText("历下区");
        new Select(browser.findElement(By.id("reg:unitType"))).selectByVisibleText("事业单位");
        browser.findElement(By.id("reg:competentSearch")).sendKeys("浏览器测试卫生健康");
        browser.findElement(By.id("reg:competentFind")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reg:competent"), "济南市浏览器测试卫生健康委员会"));
        browser.findElement(By.xpath("//a[contains(@id,':choose')]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("competent-chosen"), "济南市浏览器测试卫生健康委员会"));
        browser.findElement(By.id("reg:contactPerson")).sendKeys("孙联系");
        browser.findElement(By.id("reg:phone")).sendKeys("0531-86001234");
        browser.findElement(By.id("reg:password")).sendKeys("Hospital2026");
        browser.findElement(By.id("reg:passwordConfirmation")).sendKeys("Hospital2026");
        Captchas.awaitSolved(browser);
        Browser.submit(browser, By.id("reg:review"));

        assertThat(text("confirm-region")).isEqualTo("山东省 / 济南市 / 历下区");
        assertThat(text("confirm-type")).isEqualTo("事业单位");
        assertThat(text("confirm-competent")).isEqualTo("济南市浏览器测试卫生健康委员会");
        Browser.submit(browser, By.id("reg:confirm"));
        assertThat(text("registered")).isEqualTo("注册成功，请登录。");
        assertThat(jdbc.queryForObject(
                        "select competent_unit_id from unit where credit_code = ?", Long.class, creditCode))
                .isEqualTo(competent.getId());

        assertThat(browser.findElement(By.id("tab-unit")).getAttribute("class")).contains("active");
        browser.findElement(By.id("username")).sendKeys(creditCode);
        browser.findElement(By.id("password")).sendKeys("Hospital2026");
        Browser.submit(browser, By.id("login-submit"));
        assertThat(text("portal-greeting")).isEqualTo("您好，济南市历下区浏览器测试医院");
        assertThat(text("menu-review")).isEqualTo("职称认定审核");
        Browser.submit(browser, By.id("menu-profile"));
        assertThat(text("profile-region")).isEqualTo("山东省 / 济南市 / 历下区");
        assertThat(text("profile-competent")).isEqualTo("济南市浏览器测试卫生健康委员会");
    }

    @Test
    void aWrongCheckCharacterAndAMissingRegionAreAnsweredAtTheirFields() {
        browser.get(base() + "/rsrc/register/unit.xhtml");
        browser.findElement(By.id("reg:name")).sendKeys("济南市校验测试有限公司");
        browser.findElement(By.id("reg:creditCode")).sendKeys("91350100M000100Y44");
        Captchas.awaitSolved(browser);
        Browser.submit(browser, By.id("reg:review"));

        assertThat(messageAt("creditCode")).isEqualTo("统一社会信用代码校验位不正确，请核对后重新输入。");
        assertThat(Browser.settledText(browser, By.xpath("//*[@id='reg:region']//*[contains(@class,'ui-message')]")))
                .isEqualTo("此项为必填项。");
        assertThat(jdbc.queryForObject("select count(*) from unit where name = '济南市校验测试有限公司'", Integer.class))
                .isZero();
    }

    private String messageAt(String field) {
        return Browser.settledText(
                browser, By.xpath("//*[@id='reg:" + field + "']/following-sibling::*[contains(@class,'ui-message')]"));
    }

    private String text(String id) {
        return Browser.textOf(browser, id);
    }

    private String base() {
        return Faces.publicBase(ports);
    }
}
