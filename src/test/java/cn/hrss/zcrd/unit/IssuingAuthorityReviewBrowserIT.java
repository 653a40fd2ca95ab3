package cn.hrss.zcrd.unit;

import static cn.hrss.zcrd.review.ReviewFixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.approval.ApprovalFixtures;
import cn.hrss.zcrd.approval.Approvals;
import cn.hrss.zcrd.review.PortalBrowserBase;
import cn.hrss.zcrd.support.Browser;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.RegionalStaff;
import cn.hrss.zcrd.support.WithBrowser;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 职称认定证书发放权限, both faces in Chromium: the unit applies on the portal (button greyed, 待审核); the bureau
 * reviewer signed in by password + TOTP finds it first in 职称认定证书发放权限审核, opens it and presses 通过 — refused
 * with the reason (approving needs a UKEY session); the reviewer with a UKEY approves on the same page (client
 * certificate on the mutual-TLS port), which asks a second reviewer (four eyes); once the second approves, the
 * back-office list and the unit's portal show 已授权.
 */
@IntegrationTest
@WithBrowser
class IssuingAuthorityReviewBrowserIT extends PortalBrowserBase {

    static final String REVIEWER_PASSWORD = "Browser-Review-Passw0rd";

    @Autowired
    IssuingAuthorities authorities;

    @Autowired
    ReportingPaths paths;

    @Autowired
    Approvals approvals;

    @Autowired
    ApprovalFixtures fourEyes;

    @Test
    void theUnitAppliesTheBureauApprovesWithAUkeyAndThePortalShowsItGranted() throws Exception {
        Unit unit = fixtures.unit("浏览器发证审核单位");
        var reviewer = passwordBureauReviewer("authority-browser-", "钱审核", REVIEWER_PASSWORD);
        RegionalStaff ukeyReviewer = staff.regional(BackOfficeRole.BUREAU_REVIEWER, "370100", "孙审核");

        // the unit applies: 上报路径申请 → 职称认定证书发放申请
        pages.logInAs(unit);
        assertThat(pages.applyForAuthority("中级")).contains("申请已提交");
        assertThat(Browser.textOf(browser, "authority-status")).isEqualTo("待审核");
        assertThat(browser.findElement(By.id("authority:save")).isEnabled()).isFalse();
        pages.submit(By.id("menu-paths"));
        assertThat(browser.findElement(By.id("paths:authority")).isEnabled()).isFalse();
        long id = authorities.latest(signedIn(unit)).orElseThrow().id();
        pages.logOut();

        // the reviewer without a UKEY: sees it pending, first in the list, but may not approve it
        reviewer.signIn(browser, base());
        pages.submit(By.id("menu-authority-review"));
        assertThat(Browser.textOf(browser, "authority-review-title")).isEqualTo("职称认定证书发放权限审核");
        assertThat(browser.findElement(By.cssSelector("#applications tbody tr .application-status"))
                        .getText())
                .as("pending applications come first")
                .isEqualTo("待审核");
        assertThat(browser.findElement(By.cssSelector("#application-" + id + " .application-status"))
                        .getText())
                .isEqualTo("待审核");
        assertThat(browser.findElement(By.cssSelector("#application-" + id + " .application-unit"))
                        .getText())
                .isEqualTo(unit.getName());
        assertThat(browser.findElement(By.cssSelector("#application-" + id + " .application-levels"))
                        .getText())
                .isEqualTo("中级");
        pages.submit(By.id("open-" + id));
        assertThat(Browser.textOf(browser, "selected-unit")).isEqualTo(unit.getName());
        assertThat(Browser.textOf(browser, "ukey-note"))
                .contains("审批职称认定证书发放权限需插入UKEY后登录")
                .contains(Faces.ukeyBase(ports) + "/sdmanager/");
        // pressed anyway (a crafted post): the server refuses it with the reason and the UKEY address
        assertThat(decisionPressedWithoutUkey("review:opinion", "同意", "review:approve"))
                .contains("该操作需要使用UKEY登录后办理")
                .contains(Faces.ukeyBase(ports) + "/sdmanager/");
        assertThat(Browser.textOf(browser, "selected-status")).isEqualTo("待审核");

        // the reviewer with a UKEY approves it on the same page
        HttpResponse<String> approved = ukeyReviewer
                .session(Faces.ukeyBase(ports))
                .submit(
                        "/sdmanager/authority/review.xhtml?application=" + id,
                        "/sdmanager/authority/review.xhtml",
                        Map.of("review:opinion", "材料齐全，同意授权", "review:approve", ""));
        assertThat(approved.body()).contains(unit.getName() + "的发放权限授予申请已提交");
        assertThat(authorities.find(id).orElseThrow().status())
                .as("four eyes: not granted yet")
                .isEqualTo(IssuingAuthorityStatus.PENDING);

        // a second reviewer of the region approves the grant (双人复核): now it is granted
        RegionalStaff second = staff.regional(BackOfficeRole.BUREAU_REVIEWER, "370100", "周复核");
        fourEyes.approveAs(
                second.ukeyUser(), approvals.about("ISSUING_AUTHORITY", id).get(0));

        // the list shows it granted (filtered by status), with the opinion
        browser.get(base() + "/sdmanager/authority/review.xhtml?status=GRANTED&application=" + id);
        assertThat(browser.findElement(By.cssSelector("#application-" + id + " .application-status"))
                        .getText())
                .isEqualTo("已授权");
        assertThat(Browser.textOf(browser, "selected-opinion")).isEqualTo("材料齐全，同意授权");
        assertThat(Browser.textOf(browser, "selected-decided"))
                .as("decided by the approver")
                .startsWith("周复核");
        Browser.screenshot(browser, "authority-review.png");
        pages.submit(By.id("logout-submit"));

        // the unit sees 已授权; the button is enabled again: it may apply for further levels
        pages.logInAs(unit);
        pages.submit(By.id("menu-paths"));
        assertThat(Browser.textOf(browser, "paths:authority-status")).contains("已授权");
        assertThat(browser.findElement(By.id("paths:authority")).isEnabled())
                .as("after a grant the unit may apply for further levels")
                .isTrue();
        pages.submit(By.id("menu-authority"));
        assertThat(Browser.textOf(browser, "authority-status")).isEqualTo("已授权");
        assertThat(Browser.textOf(browser, "authority-opinion")).isEqualTo("材料齐全，同意授权");
        assertThat(browser.findElement(By.id("authority:save")).isEnabled())
                .as("after a grant the unit may apply for further levels")
                .isTrue();
    }
}
