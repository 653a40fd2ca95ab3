package cn.hrss.zcrd.account;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.support.Browser;
import cn.hrss.zcrd.support.Captchas;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.PublicFace;
import cn.hrss.zcrd.support.TestFonts;
import cn.hrss.zcrd.support.TestIdentities;
import cn.hrss.zcrd.support.WithBrowser;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** 个人注册 as a person does it in Chromium: mistakes answered at their field, then register, log in, log out. */
@IntegrationTest
@WithBrowser
class PersonRegistrationBrowserIT {

    @Autowired
    PublicFace face;

    @Autowired
    JdbcTemplate jdbc;

    WebDriver browser;

    @BeforeEach
    void open(WebDriver browser) {
        this.browser = browser;
    }

    @Test
    void registerConfirmLogInAndOut() {
        String idNumber = TestIdentities.idNumber();
        browser.get(base() + "/rsrc/");
        Browser.submit(browser, By.id("go-register-person"));
        assertThat(browser.getTitle()).isEqualTo("个人注册");

        fill(registration(
                "欧阳·明月", idNumber.toLowerCase(), "13812345678", "mingyue@example.cn", "Mingyue2026", "Mingyue2026"));
        Captchas.awaitSolved(browser);
        Browser.submit(browser, By.id("reg:review"));

        assertThat(text("confirm-name")).isEqualTo("欧阳·明月");
        assertThat(text("confirm-id-number")).isEqualTo(idNumber);
        assertThat(text("confirm-birth-date"))
                .isEqualTo(idNumber.substring(6, 10) + "-" + idNumber.substring(10, 12) + "-"
                        + idNumber.substring(12, 14));
        assertThat(text("confirm-sex")).isEqualTo((idNumber.charAt(16) - '0') % 2 == 1 ? "男" : "女");
        assertThat(accounts(idNumber)).as("nothing is stored before 确认注册").isZero();

        Browser.submit(browser, By.id("reg:confirm"));
        assertThat(text("registered")).isEqualTo("注册成功，请登录。");
        assertThat(accounts(idNumber)).isEqualTo(1);

        browser.findElement(By.id("username")).sendKeys(idNumber);
        browser.findElement(By.id("password")).sendKeys("Mingyue2026");
        Browser.submit(browser, By.id("login-submit"));
        assertThat(text("portal-greeting")).isEqualTo("您好，欧阳·明月");
        assertThat(text("menu-declarations")).isEqualTo("我的申报信息");
        Browser.submit(browser, By.id("menu-declarations"));
        assertThat(text("list-title")).isEqualTo("我的申报信息");

        Browser.submit(browser, By.id("logout-submit"));
        assertThat(text("logout-done")).isEqualTo("您已安全退出。");
        browser.get(base() + "/rsrc/person/profile.xhtml");
        assertThat(browser.getCurrentUrl()).endsWith("/rsrc/login.xhtml");
    }

    @Test
    void eachBadInputIsAnsweredAtItsFieldAndNothingIsStored() {
        String taken = face.person("已注册", "Taken123").idNumber();
        String idNumber = TestIdentities.idNumber();
        String wrongCheckDigit = idNumber.substring(0, 17) + (idNumber.charAt(17) == '1' ? '2' : '1');
        browser.get(base() + "/rsrc/register/person.xhtml");

        Captchas.awaitSolved(browser);
        Browser.submit(browser, By.id("reg:review"));
        assertThat(messageAt("name")).isEqualTo("此项为必填项。");
        assertThat(messageAt("idNumber")).isEqualTo("此项为必填项。");
        assertThat(messageAt("mobile")).isEqualTo("此项为必填项。");
        assertThat(messageAt("email")).isEqualTo("此项为必填项。");
        assertThat(messageAt("password")).isEqualTo("此项为必填项。");

        fill(registration(
                "<script>alert(1)</script>", wrongCheckDigit, "1381234", "not-an-email", "onlyletters", "onlyletters"));
        Captchas.awaitSolved(browser);
        Browser.submit(browser, By.id("reg:review"));
        assertThat(messageAt("name")).startsWith("姓名应为2至30个汉字或字母");
        assertThat(messageAt("idNumber")).isEqualTo("身份证号校验位不正确，请核对后重新输入。");
        assertThat(messageAt("mobile")).isEqualTo("请输入11位手机号码。");
        assertThat(messageAt("email")).isEqualTo("请输入有效的电子邮箱地址。");
        assertThat(messageAt("password")).isEqualTo("密码应为8至64位，并同时包含字母和数字。");
        assertThat(browser.getPageSource()).doesNotContain("<script>alert(1)</script>");

        ((JavascriptExecutor) browser)
                .executeScript("document.getElementById('reg:name').removeAttribute('maxlength')");
        fill(registration("张".repeat(2000), taken, "13812345678", "ok@example.cn", "Passw0rd1", "Passw0rd2"));
        Captchas.awaitSolved(browser);
        Browser.submit(browser, By.id("reg:review"));
        assertThat(messageAt("name")).startsWith("姓名应为2至30个汉字或字母");
        assertThat(messageAt("idNumber"))
                .isEqualTo("该身份证号已注册，请直接登录。如非本人注册或无法登录，请携带本人居民身份证原件到所在地人社局职称业务窗口，核实身份后由工作人员办理。");
        assertThat(messageAt("passwordConfirmation")).isEqualTo("两次输入的密码不一致。");

        // 𰁁 U+30041 (CJK Extension G): a Han character, but no configured font can print it on a certificate
        String rare = TestIdentities.idNumber();
        fill(validRegistration("张" + TestFonts.NO_FONT, rare));
        Captchas.awaitSolved(browser);
        Browser.submit(browser, By.id("reg:review"));
        assertThat(messageAt("name"))
                .isEqualTo("字符“" + TestFonts.NO_FONT + "”（U+30041）是字库中没有的生僻字，无法打印在证书上，请改用规范汉字书写（如确需使用，请联系经办机构）。");
        assertThat(accounts(rare)).isZero();

        // characters of CJK Extensions B–G and a compatibility ideograph that a fallback font prints are accepted,
        // shown and stored as typed
        fill(validRegistration(TestFonts.RARE_NAME, rare));
        Captchas.awaitSolved(browser);
        Browser.submit(browser, By.id("reg:review"));
        assertThat(text("confirm-name")).isEqualTo(TestFonts.RARE_NAME);
        Browser.submit(browser, By.id("reg:confirm"));
        assertThat(text("registered")).isEqualTo("注册成功，请登录。");
        assertThat(jdbc.queryForObject("select name from applicant where id_number = ?", String.class, rare))
                .isEqualTo(TestFonts.RARE_NAME);

        assertThat(accounts(wrongCheckDigit)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from applicant where id_number = ?", Integer.class, taken))
                .isEqualTo(1);
    }

    private static Map<String, String> validRegistration(String name, String idNumber) {
        return registration(name, idNumber, "13812345678", "ok@example.cn", "Passw0rd1", "Passw0rd1");
    }

    /** The registration form's fields, as {@link #fill} types them. */
    private static Map<String, String> registration(
            String name, String idNumber, String mobile, String email, String password, String confirmation) {
        return Map.of(
                "name",
                name,
                "idNumber",
                idNumber,
                "mobile",
                mobile,
                "email",
                email,
                "password",
                password,
                "passwordConfirmation",
                confirmation);
    }

    private void fill(Map<String, String> fields) {
        fields.forEach((field, value) -> {
            WebElement input = browser.findElement(By.id("reg:" + field));
            input.clear();
            ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", input, value);
        });
    }

    private String messageAt(String field) {
        return Browser.settledText(
                browser, By.xpath("//*[@id='reg:" + field + "']/following-sibling::*[contains(@class,'ui-message')]"));
    }

    private String text(String id) {
        return Browser.textOf(browser, id);
    }

    private int accounts(String idNumber) {
        return jdbc.queryForObject(
                "select count(*) from portal_account where login_name = ?", Integer.class, idNumber.toUpperCase());
    }

    private String base() {
        return face.base();
    }
}
