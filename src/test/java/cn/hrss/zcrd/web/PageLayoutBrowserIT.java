package cn.hrss.zcrd.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.certificate.CertificatePageFixtures;
import cn.hrss.zcrd.certificate.TitleCertificate;
import cn.hrss.zcrd.review.PortalPages;
import cn.hrss.zcrd.review.ReviewFixtures;
import cn.hrss.zcrd.seal.SealFixtures;
import cn.hrss.zcrd.seal.SealImages;
import cn.hrss.zcrd.seal.internal.SealImpressionDesk;
import cn.hrss.zcrd.support.BackOfficeLogins;
import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.Browser;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.UkeyGateway;
import cn.hrss.zcrd.support.UkeyGateways;
import cn.hrss.zcrd.support.WithBrowser;
import cn.hrss.zcrd.unit.IssuingAuthorities;
import cn.hrss.zcrd.unit.Unit;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every page of every face, at the two screen sizes bureau staff and applicants use (1366×768 and 1920×1080), in
 * Chromium: the portal as a visitor, as a person and as a unit; the back office as a system administrator in a
 * password session, as a bureau reviewer and as an issuing unit's operator with their UKEYs; {@code /verify/}. The
 * pages show data (a certificate issued, declarations under review and in draft, applications and a seal waiting for
 * the bureau), so lists, tables and forms are filled as a user sees them. Each page is saved as
 * {@code target/screenshots/<size>/<page>.png}, and {@code page-layout-check.js} reports what looks broken: a short
 * Chinese label, button, header, menu entry or cell (at most 8 characters) that wraps over two lines; an ID number
 * or certificate number cut off or broken, a date or time broken; a select too narrow for its choice; a radio label apart from its button;
 * a blue button on the red theme, or buttons of different heights side by side. One login per face.
 */
@IntegrationTest
@WithBrowser
class PageLayoutBrowserIT {

    private static final List<Dimension> SIZES = List.of(new Dimension(1366, 768), new Dimension(1920, 1080));
    private static final String ADMIN_PASSWORD = "Layout-Passw0rd";

    @Autowired
    BackOfficeStaff staff;

    @Autowired
    ConnectorPorts ports;

    @Autowired
    CertificatePageFixtures pages;

    @Autowired
    ReviewFixtures review;

    @Autowired
    SealFixtures sealFixtures;

    @Autowired
    IssuingAuthorities authorities;

    @Autowired
    SealImpressionDesk seals;

    WebDriver browser;
    final Map<String, List<String>> problems = new LinkedHashMap<>();
    final List<String> seen = new ArrayList<>();
    String check;

    @BeforeEach
    void open(WebDriver browser) throws IOException {
        try (InputStream script = PageLayoutBrowserIT.class.getResourceAsStream("page-layout-check.js")) {
            check = new String(script.readAllBytes(), StandardCharsets.UTF_8);
        }
        this.browser = browser;
    }

    @Test
    void everyPageHoldsItsLayoutAtBothSizes(UkeyGateways gateways) throws Exception {
        // what the pages show: an issuing unit with a certificate issued, a person waiting to be put into the
        // library, a declaration waiting for the unit's review, a draft of each business, and for the bureau a
        // unit to verify, an issuing-authority application and a seal impression to decide
        Unit unit = pages.issuingUnit("版式测试发证单位");
        CertificatePageFixtures.Operator operator = pages.operator(unit);
        CertificatePageFixtures.Approved holder = pages.finallyApproved(unit, "顾版式");
        TitleCertificate certificate = pages.issue(operator, holder).get(0);
        pages.finallyApproved(unit, "钱待入库");
        long underReview = review.submitted(review.person("孙待审"), unit);
        long draft = review.completeDraft(holder.person(), unit);
        review.transferDraft(holder.person(), unit);
        Unit applicant = review.unit("版式测试申请单位");
        long application =
                authorities.apply(ReviewFixtures.signedIn(applicant), Set.of(ReviewFixtures.LEVEL), "HRSS370100");
        long impression = seals.upload(ReviewFixtures.signedIn(applicant), SealImages.transparentSeal(400))
                .getId();
        Unit unverified = review.unverifiedUnit("版式测试待核单位");
        String portal = Faces.publicBase(ports);

        // visitors
        look("portal-index", portal + "/rsrc/index.xhtml");
        look("portal-login-person", portal + "/rsrc/login.xhtml?kind=person");
        look("portal-login-unit", portal + "/rsrc/login.xhtml?kind=unit");
        look("register-person", portal + "/rsrc/register/person.xhtml");
        look("register-unit", portal + "/rsrc/register/unit.xhtml");
        look("not-found", portal + "/rsrc/no-such-page.xhtml");
        look("verify", portal + "/verify/");
        browser.findElement(By.id("number")).sendKeys(certificate.number());
        browser.findElement(By.id("name")).sendKeys(holder.name());
        Browser.submit(browser, By.id("lookup"));
        lookHere("verify-result");
        look("backoffice-login", portal + "/sdmanager/login.xhtml");
        assertIcon(portal);

        // the person
        PortalPages portalPages = new PortalPages(browser, portal);
        portalPages.logInAsPerson(holder.idNumber(), CertificatePageFixtures.PERSON_PASSWORD, holder.name());
        lookAtMenu("person");
        look("person-declaration-new", portal + "/rsrc/person/declaration-new.xhtml");
        look("person-declaration-draft", portal + "/rsrc/person/declaration.xhtml?id=" + draft);
        look("person-declaration-approved", portal + "/rsrc/person/declaration.xhtml?id=" + holder.declarationId());
        portalPages.logOut();

        // the unit
        portalPages.logInAs(unit);
        lookAtMenu("unit");
        look("unit-review-declaration", portal + "/rsrc/unit/review/declaration.xhtml?id=" + underReview);
        portalPages.logOut();

        // the back office: a system administrator in a password session
        BackOfficeLogins.Fallback admin =
                staff.fallback("layout-admin", "吴版式", BackOfficeRole.SYSTEM_ADMIN, ADMIN_PASSWORD);
        admin.signIn(browser, portal);
        lookAtMenu("admin");
        look(
                "admin-account",
                portal + "/sdmanager/system/account.xhtml?id=" + admin.account().getId());
        look(
                "admin-ukeys-of-account",
                portal + "/sdmanager/system/ukeys.xhtml?account="
                        + admin.account().getId());

        // a bureau reviewer with a UKEY
        SealFixtures.Reviewer reviewer = sealFixtures.aReviewer(BackOfficeRole.BUREAU_REVIEWER);
        UkeyGateway gateway = gateways.to(reviewer.tls());
        browser.get(gateway.base() + "/sdmanager/index.xhtml");
        assertIcon(gateway.base());
        lookAtMenu("reviewer");
        look(
                "reviewer-authority-application",
                gateway.base() + "/sdmanager/authority/review.xhtml?application=" + application);
        look("reviewer-seal-impression", gateway.base() + "/sdmanager/seals.xhtml?impression=" + impression);
        look("reviewer-unit", gateway.base() + "/sdmanager/units/verification.xhtml?unit=" + unverified.getId());

        // the issuing unit's operator with a UKEY (on the same host name: the reviewer's session cookie goes first)
        browser.manage().deleteAllCookies();
        gateway = gateways.to(operator.ukey());
        browser.get(gateway.base() + "/sdmanager/index.xhtml");
        lookAtMenu("operator");
        look(
                "operator-certificate",
                gateway.base() + "/sdmanager/certificates/manage.xhtml?certificate=" + certificate.id());

        assertThat(seen)
                .as("pages looked at")
                .contains(
                        "person-declarations",
                        "person-certificates",
                        "unit-review",
                        "unit-report",
                        "admin-accounts",
                        "admin-audit",
                        "reviewer-authority-review",
                        "operator-certificate-intake",
                        "operator-certificate-management");
        assertThat(problems)
                .as("layout problems, page by page (screenshots in target/screenshots/)")
                .isEmpty();
    }

    /** {@code /favicon.ico} is an icon, served without a login (browsers ask for it on every page). */
    private void assertIcon(String base) {
        HttpResponse<byte[]> icon = Browser.download(browser, base + "/favicon.ico");
        assertThat(icon.statusCode()).as(base + "/favicon.ico").isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("icon"));
        assertThat(icon.body()).startsWith(0, 0, 1, 0);
    }

    /** Every page the face's left menu leads to, named {@code face-entry} after the entry's id. */
    private void lookAtMenu(String face) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (WebElement link : browser.findElements(By.cssSelector("nav.zcrd-menu a[id^='menu-']"))) {
            String href = link.getAttribute("href");
            if (href != null && !entries.containsValue(href)) {
                entries.put(face + "-" + link.getAttribute("id").substring("menu-".length()), href);
            }
        }
        assertThat(entries).as(face + "'s menu").isNotEmpty();
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            look(entry.getKey(), entry.getValue());
        }
    }

    private void look(String name, String url) {
        browser.get(url);
        lookHere(name);
    }

    /** The page shown, at each size: settled (fonts too), saved as a screenshot, checked. */
    private void lookHere(String name) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        // the size the window already has first: one resize a page, not two
        List<Dimension> sizes = new ArrayList<>(SIZES);
        if (viewport().equals(sizes.get(1))) {
            Collections.reverse(sizes);
        }
        for (Dimension size : sizes) {
            fit(size);
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(d -> Boolean.TRUE.equals(js.executeScript(
                            "return document.readyState === 'complete' && document.fonts.status === 'loaded'")));
            Browser.screenshot(browser, size.width + "x" + size.height + "/" + name + ".png");
            @SuppressWarnings("unchecked")
            List<String> found = (List<String>) js.executeScript(check);
            if (!found.isEmpty()) {
                problems.put(
                        name + " @" + size.width + "x" + size.height + " (" + browser.getCurrentUrl() + ")", found);
            }
        }
        seen.add(name);
    }

    /** The size of the page's viewport. */
    private Dimension viewport() {
        @SuppressWarnings("unchecked")
        List<Long> size = (List<Long>)
                ((JavascriptExecutor) browser).executeScript("return [window.innerWidth, window.innerHeight]");
        return new Dimension(size.get(0).intValue(), size.get(1).intValue());
    }

    /** Resizes the window so the page's viewport has {@code size}, and waits until the page was laid out anew. */
    private void fit(Dimension size) {
        if (viewport().equals(size)) {
            return;
        }
        JavascriptExecutor js = (JavascriptExecutor) browser;
        browser.manage().window().setSize(size);
        long width = (Long) js.executeScript("return window.innerWidth");
        long height = (Long) js.executeScript("return window.innerHeight");
        if (width != size.width || height != size.height) {
            browser.manage()
                    .window()
                    .setSize(new Dimension(2 * size.width - (int) width, 2 * size.height - (int) height));
        }
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> Long.valueOf(size.width).equals(js.executeScript("return window.innerWidth")));
    }
}
