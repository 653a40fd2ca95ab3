package cn.hrss.zcrd.seal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.seal.internal.SealImpression;
import cn.hrss.zcrd.seal.internal.SealImpressionDesk;
import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.BrowserlessSession;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.PublicFace;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who sees a seal: the owning unit and bureau reviewers. Another unit gets "not found" for its image and preview,
 * a person cannot open the seal page, a portal session cannot open the back-office review page or its images, a unit
 * operator cannot review, a password session may look but sees why it cannot decide.
 */
@IntegrationTest
class SealAccessIT {

    static final String REVIEW_PAGE = "/sdmanager/seals.xhtml";

    @Autowired
    SealFixtures sealFixtures;

    @Autowired
    BackOfficeStaff staff;

    @Autowired
    PublicFace face;

    @Autowired
    SealImpressionDesk desk;

    SealFixtures.SealUnit owner;
    byte[] png;
    long impressionId;

    @BeforeEach
    void ownerUploadsASeal() {
        owner = sealFixtures.aUnit("印模权限测试单位");
        png = SealImages.transparentSeal(360);
        impressionId = sealFixtures.uploaded(owner, png).getId();
    }

    @Test
    void theOwningUnitFetchesItsImageAndItsCertificatePreview() throws Exception {
        BrowserlessSession session = face.signedIn("unit", owner.creditCode(), SealFixtures.UNIT_PASSWORD);

        HttpResponse<byte[]> image = session.getBytes("/rsrc/unit/seal/image/" + impressionId);
        HttpResponse<byte[]> preview = session.getBytes("/rsrc/unit/seal/preview/" + impressionId);

        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(image.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(image.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(image.body()).startsWith(0x89, 'P', 'N', 'G');
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(preview.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
        try (var pdf = new com.itextpdf.kernel.pdf.PdfDocument(
                new com.itextpdf.kernel.pdf.PdfReader(new java.io.ByteArrayInputStream(preview.body())))) {
            var xObjects = pdf.getPage(1).getResources().getResource(com.itextpdf.kernel.pdf.PdfName.XObject);
            assertThat(xObjects.keySet())
                    .extracting(name -> xObjects.getAsStream(name)
                            .getAsNumber(com.itextpdf.kernel.pdf.PdfName.Width)
                            .intValue())
                    .contains(360);
        }
        // for a person to look at: target/seal-certificate-preview.pdf
        java.nio.file.Files.write(java.nio.file.Path.of("target", "seal-certificate-preview.pdf"), preview.body());
    }

    @Test
    void anotherUnitCanNeitherSeeNorFetchTheSeal() throws Exception {
        SealFixtures.SealUnit other = sealFixtures.aUnit("印模权限其他单位");
        BrowserlessSession session = face.signedIn("unit", other.creditCode(), SealFixtures.UNIT_PASSWORD);

        assertThat(session.getBytes("/rsrc/unit/seal/image/" + impressionId).statusCode())
                .isEqualTo(404);
        assertThat(session.getBytes("/rsrc/unit/seal/preview/" + impressionId).statusCode())
                .isEqualTo(404);
        HttpResponse<String> page = session.get("/rsrc/unit/seal.xhtml?impression=" + impressionId);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body())
                .contains("页面不存在")
                .doesNotContain("/seal/image/" + impressionId)
                .doesNotContain(owner.name());
    }

    @Test
    void aPersonCannotOpenTheSealPage() throws Exception {
        String idNumber = face.person("印模测", "Person-Passw0rd1").idNumber();
        BrowserlessSession person = face.signedIn("person", idNumber, "Person-Passw0rd1");

        assertThat(person.get("/rsrc/unit/seal.xhtml").statusCode()).isEqualTo(403);
        assertThat(person.getBytes("/rsrc/unit/seal/image/" + impressionId).statusCode())
                .isEqualTo(403);
    }

    @Test
    void anAnonymousVisitorIsSentToTheLoginPage() throws Exception {
        BrowserlessSession anonymous = face.session();

        HttpResponse<byte[]> image = anonymous.getBytes("/rsrc/unit/seal/image/" + impressionId);

        assertThat(image.uri().getPath()).isEqualTo("/rsrc/login.xhtml");
        assertThat(isPng(image.body())).isFalse();
    }

    @Test
    void aPortalSessionCannotOpenTheBackOfficeReviewOrItsImages() throws Exception {
        BrowserlessSession session = face.signedIn("unit", owner.creditCode(), SealFixtures.UNIT_PASSWORD);

        HttpResponse<String> page = session.get(REVIEW_PAGE);
        HttpResponse<byte[]> image = session.getBytes("/sdmanager/seal/image/" + impressionId);
        HttpResponse<byte[]> preview = session.getBytes("/sdmanager/seal/preview/" + impressionId);

        // the portal's session is not the back office's (a cookie of its own): the login page, as for nobody
        assertThat(page.uri().getPath()).isEqualTo("/sdmanager/login.xhtml");
        assertThat(page.body()).doesNotContain(owner.name());
        assertThat(image.uri().getPath()).isEqualTo("/sdmanager/login.xhtml");
        assertThat(isPng(image.body())).isFalse();
        assertThat(preview.uri().getPath()).isEqualTo("/sdmanager/login.xhtml");
        assertThat(isPng(preview.body())).isFalse();
    }

    @Test
    void aUnitOperatorCannotOpenTheReviewPage() throws Exception {
        SealFixtures.Reviewer operator = sealFixtures.aReviewer(BackOfficeRole.UNIT_OPERATOR);

        BrowserlessSession password = backOfficeByPassword(operator);
        BrowserlessSession ukey = new BrowserlessSession(staff.ukeyBase(), operator.tls());

        assertThat(password.get(REVIEW_PAGE).statusCode()).isEqualTo(403);
        assertThat(password.getBytes("/sdmanager/seal/image/" + impressionId).statusCode())
                .isEqualTo(403);
        assertThat(ukey.get(REVIEW_PAGE).statusCode()).isEqualTo(403);
        assertThat(password.get("/sdmanager/index.xhtml").body()).doesNotContain("menu-seal-review");
    }

    @Test
    void aPasswordSessionSeesTheQueueAndWhyItCannotDecide() throws Exception {
        SealFixtures.Reviewer reviewer = sealFixtures.aReviewer(BackOfficeRole.BUREAU_REVIEWER);
        BrowserlessSession session = backOfficeByPassword(reviewer);

        assertThat(session.get("/sdmanager/index.xhtml").body()).contains("menu-seal-review");
        HttpResponse<String> page = session.get(REVIEW_PAGE + "?impression=" + impressionId);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(owner.name()).contains("当前为非UKEY登录，只能查看；审批印章印模需插入UKEY后登录。");
        assertThat(page.body()).containsPattern("id=\"review:approve\"[^>]*disabled");
        assertThat(session.getBytes("/sdmanager/seal/image/" + impressionId).body())
                .isEqualTo(storedPng());
        // a crafted approval through the disabled button changes nothing
        HttpResponse<String> after = session.submit(
                REVIEW_PAGE + "?impression=" + impressionId,
                REVIEW_PAGE,
                Map.of("review:opinion", "同意", "review:approve", ""));
        assertThat(after.statusCode()).isEqualTo(200);
        SealFixtures.signIn(owner.user());
        try {
            assertThat(desk.versionsOf(owner.user()))
                    .singleElement()
                    .extracting(SealImpression::isPending)
                    .isEqualTo(true);
        } finally {
            SealFixtures.signOut();
        }
    }

    @Test
    void aUkeyReviewerSeesTheImageOnTheMutualTlsPort() throws Exception {
        SealFixtures.Reviewer reviewer = sealFixtures.aReviewer(BackOfficeRole.BUREAU_REVIEWER);
        BrowserlessSession ukey = new BrowserlessSession(staff.ukeyBase(), reviewer.tls());

        HttpResponse<String> page = ukey.get(REVIEW_PAGE + "?impression=" + impressionId);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(owner.name()).doesNotContain("id=\"ukey-note\"");
        assertThat(ukey.getBytes("/sdmanager/seal/image/" + impressionId).body())
                .isEqualTo(storedPng());
    }

    private static boolean isPng(byte[] body) {
        return body.length > 4 && (body[0] & 0xFF) == 0x89 && body[1] == 'P' && body[2] == 'N' && body[3] == 'G';
    }

    private byte[] storedPng() {
        SealFixtures.signIn(owner.user());
        try {
            return desk.imageForUnit(impressionId, owner.user()).orElseThrow();
        } finally {
            SealFixtures.signOut();
        }
    }

    private BrowserlessSession backOfficeByPassword(SealFixtures.Reviewer account) throws Exception {
        BrowserlessSession session = face.session();
        // the same account, password and TOTP secret as SealFixtures.aReviewer set up
        HttpResponse<String> home = staff.fallback(account.username(), null, null, SealFixtures.REVIEWER_PASSWORD)
                .login(session);
        assertThat(home.uri().getPath()).isEqualTo("/sdmanager/index.xhtml");
        return session;
    }
}
