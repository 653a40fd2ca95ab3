package cn.hrss.zcrd.audit;

import static cn.hrss.zcrd.support.TestIdentities.shortId;
import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.BrowserlessSession;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.web.ConnectorPorts;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** 审计日志 page: a system admin lists and filters the trail; nobody else may open it. */
@IntegrationTest
class AuditPageIT {

    static final String PASSWORD = "Audit-Page-Passw0rd";
    static final String PAGE = "/sdmanager/audit.xhtml";

    @Autowired
    BackOfficeStaff staff;

    @Autowired
    ConnectorPorts ports;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcTemplate jdbc;

    String tag;

    @BeforeEach
    void setUp() {
        account("audit-sysadmin", BackOfficeRole.SYSTEM_ADMIN);
        account("audit-reviewer", BackOfficeRole.BUREAU_REVIEWER);
        tag = "job-" + shortId();
        trail.record(AuditEntry.action("DECLARATION_FINAL_APPROVED")
                .by(AuditActor.system(tag + "-a"))
                .from("10.9.8.7")
                .target("DECLARATION", 4711)
                .detail("final approval by the test")
                .build());
        trail.record(AuditEntry.action("UNLABELLED_TEST_ACTION")
                .by(AuditActor.system(tag + "-b"))
                .from("10.9.8.8")
                .refused()
                .detail("refused by the test")
                .build());
    }

    @Test
    void aSystemAdminSeesTheTrailNewestFirstWithLabelsAndTheMenuLink() throws Exception {
        BrowserlessSession admin = signedIn("audit-sysadmin");

        assertThat(admin.get("/sdmanager/index.xhtml").body()).contains("id=\"menu-audit\"");
        HttpResponse<String> page = admin.get(PAGE);

        assertThat(page.statusCode()).isEqualTo(200);
        String rows = tableRows(page.body());
        assertThat(rows)
                .contains(
                        tag + "-a",
                        tag + "-b",
                        "DECLARATION 4711",
                        "final approval by the test",
                        "10.9.8.7",
                        "10.9.8.8");
        // labels from the bundle: kind, action, method, outcome; an action without a label shows its code
        assertThat(rows)
                .contains(
                        "系统",
                        "后台登录",
                        "查看审计日志",
                        "用户名密码",
                        "成功",
                        "失败/拒绝",
                        "UNLABELLED_TEST_ACTION",
                        "DECLARATION_FINAL_APPROVED");
        assertThat(rows.indexOf(tag + "-b")).as("newest first").isLessThan(rows.indexOf(tag + "-a"));
        // opening the page is itself on the trail
        assertThat(new StoredAuditRows(jdbc).of("AUDIT_VIEWED", "audit-sysadmin"))
                .isNotEmpty();
    }

    @Test
    void theFilterFromTheUrlNarrowsTheRowsInTheDatabase() throws Exception {
        BrowserlessSession admin = signedIn("audit-sysadmin");

        assertThat(tableRows(
                        admin.get(PAGE + "?actor=" + tag + "-b&outcome=REFUSED").body()))
                .contains(tag + "-b")
                .doesNotContain(tag + "-a");
        assertThat(tableRows(
                        admin.get(PAGE + "?actor=" + tag + "&outcome=SUCCESS").body()))
                .contains(tag + "-a")
                .doesNotContain(tag + "-b");
        assertThat(tableRows(admin.get(PAGE + "?address=10.9.8.8&actor=" + tag).body()))
                .contains(tag + "-b")
                .doesNotContain(tag + "-a");
        assertThat(tableRows(admin.get(PAGE + "?action=DECLARATION_FINAL_APPROVED&actor=" + tag)
                        .body()))
                .contains(tag + "-a")
                .doesNotContain(tag + "-b");
        assertThat(tableRows(admin.get(PAGE + "?actor=" + tag + "&method=UKEY").body()))
                .doesNotContain(tag)
                .contains("没有符合条件的审计记录");
    }

    @Test
    void theFilterFormSearchesInTheDatabase() throws Exception {
        BrowserlessSession admin = signedIn("audit-sysadmin");

        HttpResponse<String> refused =
                admin.submit(PAGE, PAGE, Map.of("audit:actor", tag, "audit:outcome", "REFUSED", "audit:search", ""));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(tableRows(refused.body())).contains(tag + "-b").doesNotContain(tag + "-a");

        HttpResponse<String> logins = admin.submit(
                PAGE,
                PAGE,
                Map.of(
                        "audit:action",
                        "BACKOFFICE_LOGIN",
                        "audit:actor",
                        "audit-sysadmin",
                        "audit:method",
                        "PASSWORD",
                        "audit:search",
                        ""));
        assertThat(tableRows(logins.body()))
                .contains("audit-sysadmin", "后台登录")
                .doesNotContain(tag)
                .doesNotContain("查看审计日志");
    }

    @Test
    void theTablePagesInTheDatabaseThroughPrimeFacesAjax() throws Exception {
        String many = "many-" + tag;
        for (int i = 1; i <= 25; i++) {
            trail.record(AuditEntry.action("SEAL_APPROVED")
                    .by(AuditActor.system(many))
                    .detail(String.format("row-%02d", i))
                    .build());
        }
        BrowserlessSession admin = signedIn("audit-sysadmin");
        String filtered = PAGE + "?actor=" + many;

        String first = tableRows(admin.get(filtered).body());
        assertThat(first).contains("row-25", "row-06").doesNotContain("row-05");

        // what the paginator sends: an ajax postback of the table, with the form's CSRF token and view state
        Map<String, String> nextPage = new LinkedHashMap<>();
        nextPage.put("jakarta.faces.partial.ajax", "true");
        nextPage.put("jakarta.faces.source", "audit:records");
        nextPage.put("jakarta.faces.partial.execute", "audit:records");
        nextPage.put("jakarta.faces.partial.render", "audit:records");
        nextPage.put("audit:records_pagination", "true");
        nextPage.put("audit:records_first", "20");
        nextPage.put("audit:records_rows", "20");
        nextPage.put("audit:records_skipChildren", "true");
        nextPage.put("audit:records_encodeFeature", "true");
        HttpResponse<String> second = admin.submit(filtered, PAGE, nextPage);

        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("row-05", "row-01").doesNotContain("row-06");
    }

    @Test
    void aBureauReviewerIsRefusedThePageAndTheMenuLinkAndTheRefusalIsRecorded() throws Exception {
        BrowserlessSession reviewer = signedIn("audit-reviewer");

        assertThat(reviewer.get("/sdmanager/index.xhtml").body()).doesNotContain("menu-audit");
        HttpResponse<String> page = reviewer.get(PAGE + "?actor=" + URLEncoder.encode(tag, StandardCharsets.UTF_8));

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).doesNotContain(tag);
        assertThat(new StoredAuditRows(jdbc).of("ACCESS_DENIED", "audit-reviewer"))
                .isNotEmpty()
                .allSatisfy(row ->
                        assertThat(row).containsEntry("outcome", "REFUSED").containsEntry("detail", "GET " + PAGE));
    }

    @Test
    void anAnonymousVisitorIsSentToTheLoginPage() throws Exception {
        BrowserlessSession anonymous = Faces.publicSession(ports);

        HttpResponse<String> page = anonymous.get(PAGE);

        assertThat(page.uri().getPath()).isEqualTo("/sdmanager/login.xhtml");
        assertThat(page.body()).doesNotContain(tag);
    }

    /** The rows of the audit table, without the filter form (whose drop-downs list every label). */
    private static String tableRows(String page) {
        int start = page.indexOf("id=\"audit:records_data\"");
        assertThat(start).as("the audit table is on the page").isPositive();
        return page.substring(start, page.indexOf("</tbody>", start));
    }

    @Test
    void theIntegrityPageRecomputesTheChainAndSaysItIsIntact() throws Exception {
        BrowserlessSession admin = signedIn("audit-sysadmin");
        String integrity = "/sdmanager/system/audit-integrity.xhtml";

        assertThat(admin.get(PAGE).body()).contains("id=\"chain-status\"", "哈希链：链头序号");
        assertThat(admin.get("/sdmanager/index.xhtml").body()).contains("id=\"menu-audit-integrity\"");
        HttpResponse<String> verified = admin.submit(integrity, integrity, Map.of("integrity:verify", ""));

        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(verified.body()).contains("审计日志完整：哈希链直至序号").doesNotContain("审计日志已被篡改");
        assertThat(new StoredAuditRows(jdbc).of("AUDIT_CHAIN_VERIFIED", "audit-sysadmin"))
                .isNotEmpty();
    }

    private BrowserlessSession signedIn(String username) throws Exception {
        BrowserlessSession session = Faces.publicSession(ports);
        HttpResponse<String> home = staff.fallback(
                        username,
                        "审计页面",
                        username.endsWith("sysadmin") ? BackOfficeRole.SYSTEM_ADMIN : BackOfficeRole.BUREAU_REVIEWER,
                        PASSWORD)
                .login(session);
        assertThat(home.uri().getPath()).isEqualTo("/sdmanager/index.xhtml");
        return session;
    }

    private void account(String username, BackOfficeRole role) {
        staff.fallback(username, "审计页面", role, PASSWORD);
    }
}
