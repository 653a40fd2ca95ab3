package cn.hrss.zcrd.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.seal.SealFixtures;
import cn.hrss.zcrd.seal.SealImages;
import cn.hrss.zcrd.seal.internal.SealImpressionDesk;
import cn.hrss.zcrd.support.BrowserlessSession;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.PublicFace;
import cn.hrss.zcrd.unit.Units;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every page and download that takes an id in its URL, walked with ids that name nothing — not a number, negative,
 * zero, too long, quoted, unknown — over the real HTTPS faces: each answers 404 with the product's Chinese "not
 * found" page (or, on the verification face, its own Chinese answer), never a stack trace, the container's page or
 * the generic error page. Someone else's record is answered the same way and never shown.
 */
@IntegrationTest
class BadIdsIT {

    /** As typed into an address bar; {@code %27} is a quote, 20 digits overflow a long. */
    static final List<String> BAD_IDS =
            List.of("abc", "-1", "0", "1%27", "999999999999", "12345678901234567890", "1e3", "%E4%B8%80");

    static final String NOT_FOUND_TITLE = "页面不存在";

    @Autowired
    SealFixtures sealFixtures;

    @Autowired
    ConnectorPorts ports;

    @Autowired
    PublicFace face;

    @Autowired
    Units units;

    @Autowired
    SealImpressionDesk desk;

    @Test
    void anApplicantsPagesAndDownloads() throws Exception {
        String idNumber = face.person("坏号测", "Person-Passw0rd1").idNumber();
        BrowserlessSession person = face.signedIn("person", idNumber, "Person-Passw0rd1");

        assertNotFound(person, "/rsrc/person/declaration.xhtml");
        walk(
                person,
                "/rsrc/person/declaration.xhtml?id=%s",
                "/rsrc/declaration-files/attachments/%s",
                "/rsrc/declaration-files/%s/recognition-form.pdf",
                "/rsrc/person/certificate-files/%s");
    }

    @Test
    void aUnitsPagesAndDownloadsAndAnotherUnitsSeal() throws Exception {
        SealFixtures.SealUnit owner = sealFixtures.aUnit("坏号印模单位");
        SealFixtures.signIn(owner.user());
        long impression;
        try {
            impression =
                    desk.upload(owner.user(), SealImages.transparentSeal(360)).getId();
        } finally {
            SealFixtures.signOut();
        }
        SealFixtures.SealUnit other = sealFixtures.aUnit("坏号其他单位");
        BrowserlessSession unit = face.signedIn("unit", other.creditCode(), SealFixtures.UNIT_PASSWORD);

        assertNotFound(unit, "/rsrc/unit/review/declaration.xhtml");
        walk(
                unit,
                "/rsrc/unit/review/declaration.xhtml?id=%s",
                "/rsrc/unit/seal.xhtml?impression=%s",
                "/rsrc/unit/seal/image/%s",
                "/rsrc/unit/seal/preview/%s",
                "/rsrc/declaration-files/attachments/%s");
        for (String url : List.of(
                "/rsrc/unit/seal.xhtml?impression=" + impression,
                "/rsrc/unit/seal/image/" + impression,
                "/rsrc/unit/seal/preview/" + impression)) {
            assertThat(assertNotFound(unit, url).body()).as(url).doesNotContain(owner.name());
        }
    }

    @Test
    void theBackOfficePagesOverTheUkeyFace() throws Exception {
        BrowserlessSession admin = ukey(BackOfficeRole.SYSTEM_ADMIN);
        walk(admin, "/sdmanager/system/account.xhtml?id=%s", "/sdmanager/system/ukeys.xhtml?account=%s");

        BrowserlessSession reviewer = ukey(BackOfficeRole.BUREAU_REVIEWER);
        walk(
                reviewer,
                "/sdmanager/seals.xhtml?impression=%s",
                "/sdmanager/seal/image/%s",
                "/sdmanager/seal/preview/%s",
                "/sdmanager/units/verification.xhtml?unit=%s",
                "/sdmanager/authority/review.xhtml?application=%s");
    }

    @Test
    void theVerificationFaceAnswersAMalformedNumberInChinese() throws Exception {
        BrowserlessSession anonymous = face.session();
        for (String bad : BAD_IDS) {
            HttpResponse<String> page = anonymous.get("/verify/c/" + bad + "?k=" + bad);
            assertThat(page.statusCode()).as(bad).isEqualTo(404);
            assertThat(page.body()).as(bad).contains("二维码中的证书信息无效或证书不存在");
            assertClean(page.body(), bad);

            HttpResponse<String> api = anonymous.get("/api/verify/c/" + bad + "?k=" + bad);
            assertThat(api.statusCode()).as(bad).isEqualTo(404);
            assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            assertClean(api.body(), bad);
        }
    }

    private void walk(BrowserlessSession session, String... templates) throws Exception {
        for (String template : templates) {
            for (String bad : BAD_IDS) {
                assertNotFound(session, template.formatted(bad));
            }
        }
    }

    private static HttpResponse<String> assertNotFound(BrowserlessSession session, String url) throws Exception {
        HttpResponse<String> response = session.get(url);
        assertThat(response.statusCode()).as(url).isEqualTo(404);
        assertThat(response.body()).as(url).contains(NOT_FOUND_TITLE, "请检查地址是否正确");
        assertClean(response.body(), url);
        return response;
    }

    private static void assertClean(String body, String what) {
        assertThat(body)
                .as(what)
                .doesNotContain(
                        "java.lang.", "at cn.hrss", "at org.", "Apache Tomcat", "HTTP Status", "系统繁忙", "Whitelabel");
    }

    private BrowserlessSession ukey(BackOfficeRole role) throws Exception {
        SealFixtures.Reviewer account = sealFixtures.aReviewer(role);
        BrowserlessSession session = new BrowserlessSession(Faces.ukeyBase(ports), account.tls());
        assertThat(session.get("/sdmanager/index.xhtml").statusCode()).isEqualTo(200);
        return session;
    }
}
