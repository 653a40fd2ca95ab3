package cn.hrss.zcrd.backoffice;

import static cn.hrss.zcrd.review.ReviewFixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.account.BackOfficeAccount;
import cn.hrss.zcrd.account.BackOfficeAccounts;
import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.account.UkeyLoginAddress;
import cn.hrss.zcrd.approval.ApprovalFixtures;
import cn.hrss.zcrd.approval.ApprovalRequest;
import cn.hrss.zcrd.review.ReviewFixtures;
import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.BrowserlessSession;
import cn.hrss.zcrd.support.DevPki;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.RegionalStaff;
import cn.hrss.zcrd.support.SignsOut;
import cn.hrss.zcrd.support.TlsClient;
import cn.hrss.zcrd.unit.IssuingAuthorities;
import cn.hrss.zcrd.unit.IssuingAuthorityStatus;
import cn.hrss.zcrd.unit.Unit;
import cn.hrss.zcrd.web.ConnectorPorts;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * An issuing unit onboarded into the back office (seed 2.2): the bureau's grant of issuing authority, once the second
 * reviewer approved it, opens the unit's operator account (UKEY only, bound to the unit, audited) and puts it on the
 * system admin's 待发放UKEY list; the unit's portal page names the UKEY address and says it waits for the UKEY (no
 * password anywhere); the admin issues the UKEY from the request made inside it — the task is gone, the portal says
 * issued, and the operator reaches the certificate library of its unit over mutual TLS. Password sessions are told
 * the UKEY address wherever they are refused.
 */
@IntegrationTest
@ExtendWith(SignsOut.class)
class UnitOnboardingIT {

    static final char[] KEY_PASSWORD = "test".toCharArray();

    @Autowired
    BackOfficeStaff staff;

    @Autowired
    ConnectorPorts ports;

    @Autowired
    IssuingAuthorities authorities;

    @Autowired
    BackOfficeAccounts accounts;

    @Autowired
    ApprovalFixtures fourEyes;

    @Autowired
    ReviewFixtures fixtures;

    @Autowired
    UkeyLoginAddress ukeyAddress;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aGrantApprovedOpensTheOperatorAccountWhichWorksOnceItsUkeyIsIssued() throws Exception {
        String address = ukeyAddress.url();
        assertThat(address).isEqualTo(staff.ukeyBase() + "/sdmanager/");
        Unit unit = fixtures.unit("入驻发证单位");
        long application = authorities.apply(signedIn(unit), Set.of("ZHONGJI"), "HRSS370100");
        RegionalStaff asking = staff.regional(BackOfficeRole.BUREAU_REVIEWER, "370100", "甲审核");
        RegionalStaff approving = staff.regional(BackOfficeRole.BUREAU_REVIEWER, "370100", "乙复核");

        // the request alone grants nothing and opens no account
        asking.signIn();
        ApprovalRequest request =
                authorities.review(application, true, "材料齐全，同意授权").orElseThrow();
        SecurityContextHolder.clearContext();
        assertThat(accounts.operatorsOf(unit.getId())).isEmpty();

        // the second reviewer approves: granted, and the unit's operator account exists
        fourEyes.approveAs(approving.ukeyUser(), request);
        assertThat(authorities.find(application).orElseThrow().status()).isEqualTo(IssuingAuthorityStatus.GRANTED);
        BackOfficeAccount operator = accounts.operatorsOf(unit.getId()).stream()
                .reduce((a, b) -> {
                    throw new AssertionError("one operator account expected");
                })
                .orElseThrow();
        assertThat(operator.getRole()).isEqualTo(BackOfficeRole.UNIT_OPERATOR);
        assertThat(operator.getUsername()).isEqualTo(unit.getCreditCode());
        assertThat(operator.getUnitId()).isEqualTo(unit.getId());
        assertThat(operator.getRegionCode()).isEqualTo(unit.getRegionCode());
        assertThat(operator.hasPassword())
                .as("UKEY only: no password to hand over")
                .isFalse();
        assertThat(jdbc.queryForList(
                        "select detail from audit_record where action_code = 'BACKOFFICE_ACCOUNT_CREATED'"
                                + " and target_type = 'BACKOFFICE_ACCOUNT' and target_id = ?",
                        String.class,
                        String.valueOf(operator.getId())))
                .singleElement()
                .asString()
                .contains("role=UNIT_OPERATOR")
                .contains("unit=" + unit.getId())
                .contains("via=ISSUING_AUTHORITY " + application);

        // the unit's portal: the UKEY address, waiting for the UKEY, what to do; never a password
        BrowserlessSession portal = Faces.publicSession(ports);
        portal.portalLogin("unit", unit.getCreditCode(), ReviewFixtures.PASSWORD);
        String profile = portal.get("/rsrc/unit/profile.xhtml").body();
        assertThat(profile)
                .contains("后台发证账号与UKEY")
                .contains("href=\"" + address + "\"")
                .contains("等待发放UKEY")
                .contains("后台发证账号 " + unit.getCreditCode() + " 已开通")
                .doesNotContain("一次性密码");

        // the system admin's 待发放UKEY lists it, with the way to issue it
        RegionalStaff admin = staff.regional(BackOfficeRole.SYSTEM_ADMIN, "370000", "丙管理");
        BrowserlessSession adminPage = admin.session(staff.ukeyBase());
        String tasks = adminPage.get("/sdmanager/system/ukeys.xhtml").body();
        assertThat(tasks).contains("待发放UKEY").contains("id=\"ukey-task-" + operator.getId() + "\"");
        assertThat(taskRow(tasks, operator.getId()))
                .contains(unit.getCreditCode())
                .contains("发证单位操作员")
                .contains(unit.getName())
                .contains("ukeys.xhtml?account=" + operator.getId());

        // issued from the request made inside the UKEY
        CertificateRequests.Request csr = CertificateRequests.rsa2048WithKey();
        String page = "/sdmanager/system/ukeys.xhtml?account=" + operator.getId();
        HttpResponse<String> issued =
                adminPage.submit(page, page, Map.of("ukeys:csr", csr.pem(), "ukeys:issue-csr", ""));
        assertThat(issued.body()).contains("UKEY证书已签发并绑定到该账号");
        X509Certificate certificate = certificateOf(issued.body());

        // the task is gone; the portal says issued, with the validity and the address
        assertThat(adminPage.get("/sdmanager/system/ukeys.xhtml").body())
                .doesNotContain("id=\"ukey-task-" + operator.getId() + "\"");
        assertThat(portal.get("/rsrc/unit/profile.xhtml").body())
                .contains("已发放，有效期至")
                .contains("请插入UKEY，访问后台UKEY登录地址 " + address + " 登录");

        // the operator plugs the UKEY in and reaches its unit's certificate library over mutual TLS
        KeyStore ukey = KeyStore.getInstance("PKCS12");
        ukey.load(null, null);
        ukey.setKeyEntry("ukey", csr.key().getPrivate(), KEY_PASSWORD, new Certificate[] {
            certificate, DevPki.certificate("ukey-ca.pem")
        });
        BrowserlessSession operatorSession =
                TlsClient.withKeyStore(ukey, KEY_PASSWORD).session(staff.ukeyBase());
        HttpResponse<String> home = operatorSession.get("/sdmanager/index.xhtml");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("证书库管理").contains("UKEY数字证书");
        HttpResponse<String> library = operatorSession.get("/sdmanager/certificates/library.xhtml");
        assertThat(library.statusCode()).isEqualTo(200);
        assertThat(library.body()).contains("发证单位：" + unit.getName()).doesNotContain("id=\"ukey-note\"");
    }

    @Test
    void passwordSessionsAreToldTheUkeyAddress() throws Exception {
        String address = ukeyAddress.url();
        BrowserlessSession anonymous = Faces.publicSession(ports);
        assertThat(anonymous.get("/sdmanager/login.xhtml").body())
                .contains("id=\"ukey-login-link\" href=\"" + address + "\"");

        var fallback =
                staff.fallback("onboard-fallback-admin", "丁管理", BackOfficeRole.SYSTEM_ADMIN, "Onboard-Fallback-1");
        BrowserlessSession admin = Faces.publicSession(ports);
        fallback.login(admin);
        BackOfficeAccount other = accounts.create("onboard-other", "戊其他", BackOfficeRole.BUREAU_REVIEWER, null);
        String ukeys = admin.get("/sdmanager/system/ukeys.xhtml?account=" + other.getId())
                .body();
        assertThat(ukeys)
                .contains("该操作需要使用UKEY登录后办理")
                .contains("通过UKEY登录地址 " + address + " 重新登录")
                .containsPattern("id=\"ukeys:issue-csr\"[^>]*disabled");
        // the list of accounts waiting for a UKEY may be looked at without one
        assertThat(admin.get("/sdmanager/system/ukeys.xhtml").body())
                .contains("id=\"ukey-task-" + other.getId() + "\"");
    }

    private static String taskRow(String page, long accountId) {
        int start = page.indexOf("id=\"ukey-task-" + accountId + "\"");
        return page.substring(start, page.indexOf("</tr>", start));
    }

    private static X509Certificate certificateOf(String page) throws Exception {
        Matcher matcher = Pattern.compile("<pre id=\"issued-certificate\">([^<]+)</pre>", Pattern.DOTALL)
                .matcher(page);
        assertThat(matcher.find()).as("the issued certificate on the page").isTrue();
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(
                        new ByteArrayInputStream(matcher.group(1).strip().getBytes(StandardCharsets.US_ASCII)));
    }
}
