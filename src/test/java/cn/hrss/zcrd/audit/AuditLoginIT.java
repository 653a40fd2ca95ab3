package cn.hrss.zcrd.audit;

import static cn.hrss.zcrd.support.TestIdentities.shortId;
import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.account.BackOfficeAccount;
import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.account.CertificateIdentity;
import cn.hrss.zcrd.support.BackOfficeLogins;
import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.BrowserlessSession;
import cn.hrss.zcrd.support.Captchas;
import cn.hrss.zcrd.support.DevPki;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.PublicFace;
import cn.hrss.zcrd.support.TestUkey;
import cn.hrss.zcrd.support.TlsClient;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every way into the application leaves its row: UKEY and password logins of the back office, failed logins, a
 * UKEY bound to no account, portal logins, failures and lockouts — with method, actor, address and outcome.
 */
@IntegrationTest
class AuditLoginIT {

    static final String PASSWORD = "Audit-Passw0rd";

    @Autowired
    BackOfficeStaff staff;

    @Autowired
    PublicFace face;

    @Autowired
    JdbcTemplate jdbc;

    StoredAuditRows rows;
    BrowserlessSession http;

    @BeforeEach
    void setUp() {
        rows = new StoredAuditRows(jdbc);
        http = face.session();
        staff.devAdminHoldsTheDevUkey();
    }

    @Test
    void aUkeyLoginIsRecordedWithItsAccountAndCertificate() throws Exception {
        long before = rows.lastId();
        TlsClient ukey = TlsClient.withDevAdminUkey();

        assertThat(ukey.get(staff.ukeyBase() + "/sdmanager/").statusCode()).isEqualTo(200);

        X509Certificate certificate = DevPki.certificate("ukey-dev-admin.pem");
        String username = jdbc.queryForObject(
                "select username from back_office_account where id = ?", String.class, boundAccountId(certificate));
        List<Map<String, Object>> logins = rows.since(before, "BACKOFFICE_LOGIN");
        assertThat(logins).hasSize(1);
        Map<String, Object> row = logins.get(0);
        assertThat(row)
                .containsEntry("authenticated_by", "UKEY")
                .containsEntry("actor_kind", "BACK_OFFICE")
                .containsEntry("actor_login", username)
                .containsEntry("client_address", "127.0.0.1")
                .containsEntry("outcome", "SUCCESS");
        assertThat(((Number) row.get("actor_account_id")).longValue()).isEqualTo(boundAccountId(certificate));
        assertThat((String) row.get("detail"))
                .contains("role=SYSTEM_ADMIN")
                .contains("subject=" + certificate.getSubjectX500Principal().getName())
                .contains("serial=" + certificate.getSerialNumber().toString(16));
    }

    @Test
    void aValidUkeyBoundToNoAccountIsOneRefusedRowNamingTheCertificate() throws Exception {
        String commonName = "audit-unbound-" + shortId();
        TestUkey unbound = TestUkey.fresh(commonName);

        HttpResponse<String> page = unbound.client().get(staff.ukeyBase() + "/sdmanager/");

        assertThat(page.statusCode()).isEqualTo(403);
        List<Map<String, Object>> failures = rows.of("BACKOFFICE_LOGIN_FAILED", commonName);
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0))
                .containsEntry("authenticated_by", "UKEY")
                .containsEntry("outcome", "REFUSED")
                .containsEntry("client_address", "127.0.0.1")
                .containsEntry("actor_account_id", null);
        assertThat((String) failures.get(0).get("detail"))
                .startsWith("reason=ukey-not-bound")
                .containsPattern("subject=[^;]*CN=" + commonName)
                .contains("serial=");
    }

    @Test
    void aPasswordLoginAndItsLogoutAreRecorded() throws Exception {
        var fallback = staff.fallback("audit-login-" + shortId(), "审计测试", BackOfficeRole.BUREAU_REVIEWER, PASSWORD);
        BackOfficeAccount account = fallback.account();

        HttpResponse<String> home = fallback.login(http);
        assertThat(home.uri().getPath()).isEqualTo("/sdmanager/index.xhtml");
        http.submit("/sdmanager/index.xhtml", "/sdmanager/logout", Map.of());

        List<Map<String, Object>> logins = rows.of("BACKOFFICE_LOGIN", account.getUsername());
        assertThat(logins).hasSize(1);
        assertThat(logins.get(0))
                .containsEntry("authenticated_by", "PASSWORD")
                .containsEntry("outcome", "SUCCESS")
                .containsEntry("client_address", "127.0.0.1")
                .containsEntry("detail", "role=BUREAU_REVIEWER");
        assertThat(((Number) logins.get(0).get("actor_account_id")).longValue()).isEqualTo(account.getId());
        assertThat(rows.of("BACKOFFICE_LOGOUT", account.getUsername()))
                .singleElement()
                .satisfies(row -> assertThat(row).containsEntry("authenticated_by", "PASSWORD"));
    }

    @Test
    void aFailedPasswordLoginRecordsTheUsernameTriedButNeverThePassword() throws Exception {
        String username = "audit-wrong-" + shortId();
        backOfficeAccount(username, BackOfficeRole.BUREAU_REVIEWER);
        String wrongPassword = "Not-The-Passw0rd-" + shortId();

        BackOfficeLogins.logIn(http, username, wrongPassword);
        BackOfficeLogins.logIn(http, username + "-nobody", wrongPassword);

        assertThat(rows.of("BACKOFFICE_LOGIN_FAILED", username))
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .containsEntry("authenticated_by", "PASSWORD")
                        .containsEntry("outcome", "REFUSED")
                        .containsEntry("client_address", "127.0.0.1")
                        .containsEntry("actor_account_id", null)
                        .containsEntry("detail", "reason=bad-credentials"));
        // a name without an account is summed up per address and minute (LOGIN_FAILURES_SUMMARY), not one row each
        assertThat(rows.of("BACKOFFICE_LOGIN_FAILED", username + "-nobody")).isEmpty();
        assertThat(rows.mentioning(wrongPassword)).isZero();
    }

    @Test
    void aFailedPortalLoginIsRecordedWithTheIdNumberMasked() throws Exception {
        String idNumber = registeredPerson("审计错");
        String masked = masked(idNumber);

        http.portalLogin("person", idNumber, "Wrong-Passw0rd");

        assertThat(rows.of("PORTAL_LOGIN_FAILED", masked))
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .containsEntry("actor_kind", "PORTAL_PERSON")
                        .containsEntry("authenticated_by", "PASSWORD")
                        .containsEntry("outcome", "REFUSED")
                        .containsEntry("client_address", "127.0.0.1")
                        .containsEntry("detail", "kind=PERSON; reason=bad-credentials"));
        assertThat(rows.mentioning(idNumber)).isZero();
    }

    @Test
    void portalLoginAndLockoutAreRecorded() throws Exception {
        String idNumber = registeredPerson("审计测");
        String masked = masked(idNumber);

        http.portalLogin("person", idNumber, "Audit-Passw0rd1");
        assertThat(rows.of("PORTAL_LOGIN", idNumber))
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .containsEntry("actor_kind", "PORTAL_PERSON")
                        .containsEntry("outcome", "SUCCESS")
                        .containsEntry("client_address", "127.0.0.1"));

        BrowserlessSession other = face.session();
        for (int attempt = 0; attempt < 6; attempt++) {
            // from the third failure on the name needs the captcha, solved here as the widget would
            Captchas.personLogin(other, idNumber, "Wrong-Passw0rd");
        }
        assertThat(rows.of("PORTAL_LOGIN_FAILED", masked)).hasSize(4);
        // the failure that locked is a row; the try refused while locked is summed up per address and minute
        assertThat(rows.of("PORTAL_LOGIN_LOCKED", masked))
                .hasSize(1)
                .allSatisfy(row -> assertThat(row)
                        .containsEntry("outcome", "REFUSED")
                        .containsEntry("detail", "kind=PERSON; reason=locked"));
    }

    private BackOfficeAccount backOfficeAccount(String username, BackOfficeRole role) {
        return staff.accounts()
                .findByUsername(username)
                .orElseGet(() -> staff.accounts().create(username, "审计测试", role, PASSWORD));
    }

    private long boundAccountId(X509Certificate certificate) {
        return jdbc.queryForObject(
                "select account_id from ukey_binding where cert_sha256 = ?",
                Long.class,
                CertificateIdentity.fingerprint(certificate));
    }

    /** A person registered with the password {@code Audit-Passw0rd1}: their ID number. */
    private String registeredPerson(String name) {
        return face.person(name, "Audit-Passw0rd1").idNumber();
    }

    /** The ID number as the audit trail shows it. */
    private static String masked(String idNumber) {
        return idNumber.substring(0, 6) + "********" + idNumber.substring(14);
    }
}
