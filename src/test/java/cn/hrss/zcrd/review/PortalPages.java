package cn.hrss.zcrd.review;

import cn.hrss.zcrd.support.Browser;
import cn.hrss.zcrd.unit.Unit;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
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
        browser.get(base + "/rsrc/login.xhtml?kind=unit");
        browser.findElement(By.id("username")).sendKeys(unit.getCreditCode());
        browser.findElement(By.id("password")).sendKeys(ReviewFixtures.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        waitForText("portal-greeting", unit.getName());
    }

    public void logOut() {
        browser.findElement(By.id("logout-submit")).click();
        wait(20).until(ExpectedConditions.presenceOfElementLocated(By.id("logout-done")));
    }

    /** 职称认定审核 → 查询 by name → 审核 on that row. */
    public void openFromQueue(String applicantName) {
        browser.findElement(By.id("menu-review")).click();
        WebElement name = browser.findElement(By.id("queue:name"));
        name.clear();
        name.sendKeys(applicantName);
        browser.findElement(By.id("queue:search")).click();
        browser.findElement(By.xpath("//tr[.//span[contains(@class,'review-applicant') and text()='" + applicantName
                + "']]//a[contains(@id,':open')]")).click();
        waitForText("detail-name", applicantName);
    }

    /** 职称认定上报: ticks the row of the applicant and presses 数据上报; returns the page messages. */
    public String report(String applicantName) {
        browser.findElement(By.id("menu-report")).click();
        browser.findElement(By.xpath("//tr[.//span[contains(@class,'review-applicant') and text()='" + applicantName
                + "']]//input[@type='checkbox']")).click();
        browser.findElement(By.id("report:submit")).click();
        return messages("report");
    }

    /** The text of the page messages of the form. */
    public String messages(String form) {
        return Browser.textOf(browser, form + ":page-messages");
    }

    /** The history table's action column, top to bottom. */
    public List<String> historyActions() {
        return browser.findElements(By.cssSelector("#history td.history-action")).stream().map(WebElement::getText)
                .toList();
    }

    public void waitForText(String id, String text) {
        wait(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    }

    public WebDriverWait wait(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }
}
