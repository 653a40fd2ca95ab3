package cn.hrss.zcrd.web.internal;

import static cn.hrss.zcrd.support.TestIdentities.shortId;
import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.BrowserlessSession;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.PublicFace;
import cn.hrss.zcrd.support.RegionalStaff;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The three faces keep their sessions apart: each writes its own cookie, and a session id of one face — under any
 * cookie name — opens nothing on the other two. A UKEY session is held to its certificate and is one login.
 */
@IntegrationTest
class FaceSessionsIT {

    static final String PASSWORD = "Faces-Passw0rd1";
    static final String PORTAL_PAGE = "/rsrc/person/profile.xhtml";
    static final String BACK_OFFICE_PAGE = "/sdmanager/index.xhtml";

    @Autowired
    BackOfficeStaff staff;

    @Autowired
    PublicFace face;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eachFaceWritesItsOwnSessionCookie() throws Exception {
        BrowserlessSession portal = portalSession();
        BrowserlessSession password = passwordSession();
        RegionalStaff holder = staff.regional(BackOfficeRole.BUREAU_REVIEWER, "370000", "面孔甲");
        HttpResponse<String> ukey = raw(holder.tls(), ukeyBase() + BACK_OFFICE_PAGE, null);

        assertThat(portal.cookie("ZCRD_PORTAL")).isNotNull();
        assertThat(portal.cookie("JSESSIONID")).isNull();
        assertThat(password.cookie("ZCRD_SDM")).isNotNull();
        assertThat(password.cookie("ZCRD_PORTAL")).isNull();
        assertThat(ukey.statusCode()).isEqualTo(200);
        assertThat(setCookie(ukey, "ZCRD_UKEY")).isPresent();
        assertThat(ukey.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));
        assertThat(password.get(BACK_OFFICE_PAGE).statusCode()).isEqualTo(200);
        assertThat(portal.get(PORTAL_PAGE).statusCode()).isEqualTo(200);
    }

    @Test
    void aPortalSessionOpensNeitherBackOffice() throws Exception {
        BrowserlessSession portal = portalSession();
        String id = portal.cookie("ZCRD_PORTAL");
        assertThat(raw(null, publicBase() + PORTAL_PAGE, "ZCRD_PORTAL=" + id).statusCode())
                .as("the session works on its own face")
                .isEqualTo(200);

        assertRefusedOnPasswordBackOffice(id);
        assertFreshSessionOnUkeyFace(id);
    }

    @Test
    void aPasswordBackOfficeSessionOpensNeitherThePortalNorTheUkeyFace() throws Exception {
        BrowserlessSession password = passwordSession();
        String id = password.cookie("ZCRD_SDM");
        assertThat(raw(null, publicBase() + BACK_OFFICE_PAGE, "ZCRD_SDM=" + id).statusCode())
                .as("the session works on its own face")
                .isEqualTo(200);

        assertRefusedOnPortal(id);
        assertFreshSessionOnUkeyFace(id);
    }

    @Test
    void aUkeySessionOpensNeitherThePortalNorThePasswordBackOffice() throws Exception {
        RegionalStaff holder = staff.regional(BackOfficeRole.SYSTEM_ADMIN, "370000", "面孔乙");
        String id = setCookie(raw(holder.tls(), ukeyBase() + BACK_OFFICE_PAGE, null), "ZCRD_UKEY")
                .orElseThrow();
        HttpResponse<String> again = raw(holder.tls(), ukeyBase() + BACK_OFFICE_PAGE, "ZCRD_UKEY=" + id);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(setCookie(again, "ZCRD_UKEY")).as("the session is kept").isEmpty();

        assertRefusedOnPortal(id);
        assertRefusedOnPasswordBackOffice(id);
    }

    @Test
    void aUkeySessionPresentedWithAnotherCertificateEnds() throws Exception {
        RegionalStaff first = staff.regional(BackOfficeRole.SYSTEM_ADMIN, "370000", "证书甲");
        RegionalStaff second = staff.regional(BackOfficeRole.BUREAU_REVIEWER, "370000", "证书乙");
        String id = setCookie(raw(first.tls(), ukeyBase() + BACK_OFFICE_PAGE, null), "ZCRD_UKEY")
                .orElseThrow();

        HttpResponse<String> other = raw(second.tls(), ukeyBase() + "/sdmanager/audit.xhtml", "ZCRD_UKEY=" + id);

        // the second UKEY is its own login (a reviewer: the audit page stays closed), not the first one's session
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(setCookie(other, "ZCRD_UKEY"))
                .hasValueSatisfying(fresh -> assertThat(fresh).isNotEqualTo(id));
        assertThat(logins(first.account().getId())).isEqualTo(1);
        assertThat(logins(second.account().getId())).isEqualTo(1);
        List<Map<String, Object>> ended = jdbc.queryForList(
                "select * from audit_record where action_code = 'BACKOFFICE_SESSION_ENDED' and actor_account_id = ?",
                first.account().getId());
        assertThat(ended).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("authenticated_by", "UKEY").containsEntry("outcome", "REFUSED");
            assertThat((String) row.get("detail"))
                    .startsWith("reason=certificate-changed")
                    .contains("presented-subject=")
                    .contains(first.account().getUsername());
        });

        // the first session is gone: its own certificate logs in afresh
        HttpResponse<String> back = raw(first.tls(), ukeyBase() + BACK_OFFICE_PAGE, "ZCRD_UKEY=" + id);
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(setCookie(back, "ZCRD_UKEY"))
                .hasValueSatisfying(fresh -> assertThat(fresh).isNotEqualTo(id));
        assertThat(logins(first.account().getId())).isEqualTo(2);
    }

    @Test
    void aUkeySessionOfFiftyRequestsIsOneLogin() throws Exception {
        RegionalStaff holder = staff.regional(BackOfficeRole.SYSTEM_ADMIN, "370000", "五十次");
        BrowserlessSession session = holder.session(ukeyBase());

        for (int i = 0; i < 50; i++) {
            String page = i % 2 == 0 ? BACK_OFFICE_PAGE : "/sdmanager/audit.xhtml";
            assertThat(session.get(page).statusCode()).isEqualTo(200);
        }

        assertThat(logins(holder.account().getId())).isEqualTo(1);
    }

    @Test
    void aPasswordSessionIsOneLogin() throws Exception {
        var fallback = staff.fallback("faces-once-" + shortId(), "口令一次", BackOfficeRole.BUREAU_REVIEWER, PASSWORD);
        BrowserlessSession session = face.session();
        fallback.login(session);

        for (int i = 0; i < 10; i++) {
            assertThat(session.get(BACK_OFFICE_PAGE).statusCode()).isEqualTo(200);
        }

        assertThat(logins(fallback.account().getId())).isEqualTo(1);
    }

    private void assertRefusedOnPortal(String id) throws Exception {
        assertAnsweredAsNobody(publicBase() + PORTAL_PAGE, id);
    }

    private void assertRefusedOnPasswordBackOffice(String id) throws Exception {
        assertAnsweredAsNobody(publicBase() + BACK_OFFICE_PAGE, id);
    }

    /** The page answers the foreign session id exactly as it answers a request without any cookie. */
    private static void assertAnsweredAsNobody(String url, String id) throws Exception {
        HttpResponse<String> nobody = raw(null, url, null);
        HttpResponse<String> page = raw(null, url, everyName(id));
        assertThat(nobody.statusCode()).as("nobody on " + url).isNotEqualTo(200);
        assertThat(page.statusCode())
                .as("the foreign session on " + url + " (nobody: " + nobody.statusCode() + " "
                        + nobody.headers().map() + "): " + page.headers().map() + " "
                        + page.body().substring(0, Math.min(600, page.body().length())))
                .isEqualTo(nobody.statusCode());
        assertThat(page.headers().firstValue("Location"))
                .isEqualTo(nobody.headers().firstValue("Location"));
    }

    /** On the UKEY face the connection's certificate logs in, in a session of its own — never the one sent. */
    private void assertFreshSessionOnUkeyFace(String id) throws Exception {
        RegionalStaff holder = staff.regional(BackOfficeRole.BUREAU_REVIEWER, "370000", "面孔丙");
        HttpResponse<String> page = raw(holder.tls(), ukeyBase() + BACK_OFFICE_PAGE, everyName(id));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(setCookie(page, "ZCRD_UKEY"))
                .hasValueSatisfying(fresh -> assertThat(fresh).isNotEqualTo(id));
    }

    /** The session id under every face's cookie name and the container's default. */
    private static String everyName(String id) {
        return "JSESSIONID=" + id + "; ZCRD_PORTAL=" + id + "; ZCRD_SDM=" + id + "; ZCRD_UKEY=" + id;
    }

    private int logins(long accountId) {
        return jdbc.queryForObject(
                "select count(*) from audit_record where action_code = 'BACKOFFICE_LOGIN' and actor_account_id = ?",
                Integer.class,
                accountId);
    }

    private BrowserlessSession portalSession() throws Exception {
        return face.signedIn("person", face.person("面孔测", PASSWORD).idNumber(), PASSWORD);
    }

    private BrowserlessSession passwordSession() throws Exception {
        var fallback = staff.fallback("faces-pw-" + shortId(), "面孔口令", BackOfficeRole.BUREAU_REVIEWER, PASSWORD);
        BrowserlessSession session = face.session();
        assertThat(fallback.login(session).uri().getPath()).isEqualTo(BACK_OFFICE_PAGE);
        return session;
    }

    private static Optional<String> setCookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .reduce((first, last) -> last);
    }

    /** One request as a browser's page request (no redirects followed), with exactly the cookies given. */
    private static HttpResponse<String> raw(SSLContext tls, String url, String cookies) throws Exception {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER);
        if (tls != null) {
            builder.sslContext(tls);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html")
                .GET();
        if (cookies != null) {
            request.header("Cookie", cookies);
        }
        return builder.build().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String publicBase() {
        return face.base();
    }

    private String ukeyBase() {
        return staff.ukeyBase();
    }
}
