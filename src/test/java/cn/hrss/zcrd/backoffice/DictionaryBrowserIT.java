package cn.hrss.zcrd.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.account.ApplicantDetails;
import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.catalog.Specialty;
import cn.hrss.zcrd.catalog.TitleCatalog;
import cn.hrss.zcrd.review.PortalPages;
import cn.hrss.zcrd.support.Browser;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.UkeyGateway;
import cn.hrss.zcrd.support.UkeyGateways;
import cn.hrss.zcrd.support.WithBrowser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 字典维护 in Chromium: the system admin (UKEY session — dictionary edits are UKEY-only) opens 系统管理 → 字典维护, is told at the field
 * when the name is missing or holds markup, adds a specialty to 工程; an applicant then finds it in the declaration
 * form's cascade (助理级 → 助理工程师 → 现从事专业) without a restart; the admin disables it and the applicant's new
 * form no longer offers it.
 */
@IntegrationTest
@WithBrowser
class DictionaryBrowserIT extends BackOfficeBrowserBase {

    static final String PERSON_PASSWORD = "Secret123";

    @Autowired
    TitleCatalog catalog;

    UkeyGateway gateway;

    @Test
    void anAddedSpecialtyIsOfferedInTheDeclarationFormUntilDisabled(UkeyGateways gateways) throws Exception {
        String username = "dictionary-browser-" + System.nanoTime() % 1_000_000;
        var admin = staff.accounts().create(username, "冯字典", BackOfficeRole.SYSTEM_ADMIN, null);
        gateway = gateways.to(staff.freshUkey(admin).tls());
        ApplicantDetails person = face.person("褚申报", PERSON_PASSWORD);
        String name = "智能制造工程" + System.nanoTime() % 100_000;

        adminLogin();
        submit(By.id("menu-dictionary"));
        assertThat(Browser.textOf(browser, "dictionary-title")).isEqualTo("字典维护");
        new Select(browser.findElement(By.id("chooser:series"))).selectByVisibleText("工程");
        submit(By.id("chooser:show"));
        assertThat(Browser.textOf(browser, "specialties")).contains("机械工程");

        submit(By.id("specialty:save"));
        assertThat(messageAt("specialty", "name")).isEqualTo("请填写名称。");
        browser.findElement(By.id("specialty:name")).sendKeys("<b>粗体</b>");
        submit(By.id("specialty:save"));
        assertThat(messageAt("specialty", "name")).startsWith("名称只能包含汉字");
        WebElement field = browser.findElement(By.id("specialty:name"));
        field.clear();
        field.sendKeys(name);
        submit(By.id("specialty:save"));
        assertThat(Browser.textOf(browser, "page-messages")).contains("已新增现从事专业“" + name + "”。");
        long id = catalog.allSpecialties("GONGCHENG").stream()
                .filter(s -> s.name().equals(name))
                .mapToLong(Specialty::id)
                .findFirst()
                .orElseThrow();
        assertThat(browser.findElement(By.cssSelector("#specialty-" + id + " .entry-status"))
                        .getText())
                .isEqualTo("启用");
        browser.manage().deleteAllCookies();

        // the applicant's declaration form offers it at once
        assertThat(specialtiesOffered(person)).contains(name, "机械工程");
        browser.manage().deleteAllCookies();

        // the admin disables it (it is never deleted)
        adminLogin();
        browser.get(gateway.base() + "/sdmanager/system/dictionary.xhtml?series=GONGCHENG");
        submit(By.cssSelector("#specialty-" + id + " .entry-toggle"));
        assertThat(Browser.textOf(browser, "page-messages")).contains("已停用，不再供新的申报选择");
        assertThat(browser.findElement(By.cssSelector("#specialty-" + id + " .entry-status"))
                        .getText())
                .isEqualTo("已停用");
        browser.manage().deleteAllCookies();

        assertThat(specialtiesOffered(person)).contains("机械工程").doesNotContain(name);
    }

    private List<String> specialtiesOffered(ApplicantDetails person) {
        new PortalPages(browser, base()).logInAsPerson(person.idNumber(), PERSON_PASSWORD, person.name());
        submit(By.id("menu-declarations"));
        submit(By.id("list:new"));
        new Select(browser.findElement(By.id("basic:levelCode"))).selectByVisibleText("助理级");
        waitUntil(d -> options("basic:titleId").contains("助理工程师"));
        new Select(browser.findElement(By.id("basic:titleId"))).selectByVisibleText("助理工程师");
        waitUntil(d -> options("basic:specialtyId").contains("机械工程"));
        return options("basic:specialtyId");
    }

    /** The admin's UKEY signs in through the gateway (which presents it, as the UKEY's middleware would). */
    private void adminLogin() {
        browser.get(gateway.base() + "/sdmanager/index.xhtml");
        waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("menu-dictionary")));
    }

    private List<String> options(String selectId) {
        return new Select(browser.findElement(By.id(selectId)))
                .getOptions().stream().map(WebElement::getText).toList();
    }
}
