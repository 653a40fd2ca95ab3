package cn.hrss.zcrd.review;

import cn.hrss.zcrd.support.Browser;
import cn.hrss.zcrd.unit.Unit;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a unit's reviewer does on the portal pages, step by step, for the browser tests. */
public final class PortalPages {

    private final WebDriver browser;
    private final String base;

    public PortalPages(WebDriver browser, String base) {
        this.browser = browser;
        this.base = base;
    }

    public void logInAs(Unit unit) {
        logInAsUnit(unit.getCreditCode(), ReviewFixtures.PASSWORD, unit.getName());
    }

    /** 单位登录 with the credit code and password; waits for the greeting naming the unit. */
    public void logInAsUnit(String creditCode, String password, String unitName) {
        browser.get(base + "/rsrc/login.xhtml?kind=unit");
        browser.findElement(By.id("username")).sendKeys(creditCode);
        browser.findElement(By.id("password")).sendKeys(password);
        submit(By.id("login-submit"));
        waitForText("portal-greeting", unitName);
    }

    /** 个人登录 with the login name (the ID number) and password; waits for the greeting naming the person. */
    public void logInAsPerson(String loginName, String password, String displayName) {
        browser.get(base + "/rsrc/login.xhtml?kind=person");
        browser.findElement(By.id("username")).sendKeys(loginName);
        browser.findElement(By.id("password")).sendKeys(password);
        submit(By.id("login-submit"));
        waitForText("portal-greeting", displayName);
    }

    public void logOut() {
        submit(By.id("logout-submit"));
        wait(20).until(ExpectedConditions.presenceOfElementLocated(By.id("logout-done")));
    }

    /** 上报路径申请 → 职称认定证书发放申请: ticks the level and submits; returns the form's messages. */
    public String applyForAuthority(String levelName) {
        submit(By.id("menu-paths"));
        submit(By.id("paths:authority"));
        browser.findElement(By.xpath("//label[normalize-space(.)='" + levelName + "']"))
                .click();
        submit(By.id("authority:save"));
        return messages("authority");
    }

    /** 职称认定审核 → 查询 by name → 审核 on that row. */
    public void openFromQueue(String applicantName) {
        openFromQueue(applicantName, "menu-review");
    }

    /** The queue of the menu entry (职称认定审核, 外地调入确认) → 查询 by name → 审核 on that row. */
    public void openFromQueue(String applicantName, String menu) {
        submit(By.id(menu));
        WebElement name = browser.findElement(By.id("queue:name"));
        name.clear();
        name.sendKeys(applicantName);
        submit(By.id("queue:search"));
        submit(By.xpath("//tr[.//span[contains(@class,'review-applicant') and text()='" + applicantName
                + "']]//a[contains(@id,':open')]"));
        waitForText("detail-name", applicantName);
    }

    /** 职称认定上报: ticks the row of the applicant and presses 数据上报; returns the page messages. */
    public String report(String applicantName) {
        submit(By.id("menu-report"));
        browser.findElement(By.xpath("//tr[.//span[contains(@class,'review-applicant') and text()='" + applicantName
                        + "']]//input[@type='checkbox']"))
                .click();
        submit(By.id("report:submit"));
        return messages("report");
    }

    /**
     * Clicks what submits the page (a non-ajax button or a link) and waits until the next page replaced it (an
     * irreversible action's confirmation answered with 确定).
     */
    public void submit(By by) {
        Browser.submit(browser, by);
    }

    /** The text of the page messages of the form (waits for some to appear). */
    public String messages(String form) {
        return wait(30).ignoring(StaleElementReferenceException.class).until(d -> {
            String text = d.findElement(By.id(form + ":page-messages")).getText();
            return text.isBlank() ? null : text;
        });
    }

    /** The history table's action column, top to bottom. */
    public List<String> historyActions() {
        return browser.findElements(By.cssSelector("#history td.history-action")).stream()
                .map(WebElement::getText)
                .toList();
    }

    public void waitForText(String id, String text) {
        wait(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    }

    public WebDriverWait wait(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }
}
