package cn.hrss.zcrd.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.support.BrowserlessSession;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Applicant B against applicant A's declarations over HTTP: opening the details page, downloading the recognition
 * form, fetching an attachment — by URL, and by changing the id in requests B's own pages send (确定申报, 撤回, a
 * module save). Every attempt is refused or lands on B's own declaration; A's declarations do not change. Units
 * get attachments only of declarations sent to them.
 */
@IntegrationTest
class DeclarationAccessIT extends DeclarationServicesBase {

    private static final String REFUSED = "您没有权限访问该页面或执行该操作。";

    PortalUser declaringUnit;
    PortalUser owner;
    PortalUser other;
    long submitted;
    long draft;
    long attachment;

    @BeforeEach
    void setUp() {
        declaringUnit = fixtures.unit(DeclarationFixtures.unitName("权限申报"));
        long unitId = fixtures.unitId(declaringUnit);
        owner = fixtures.person("甲本人");
        other = fixtures.person("乙他人");
        submitted = fixtures.submitted(owner, unitId);
        attachment = declarations.details(submitted, owner).attachments().get(0).id();
        draft = fixtures.completeDraft(owner, unitId);
    }

    @Test
    void anotherApplicantIsRefusedEveryPageAndFileOfTheDeclarationByUrl() throws Exception {
        BrowserlessSession b = session();
        b.portalLogin("person", other.loginName(), "Secret123");

        List<String> urls = List.of(
                "/rsrc/person/declaration.xhtml?id=" + draft,
                "/rsrc/person/declaration.xhtml?id=" + submitted,
                "/rsrc/declaration-files/" + submitted + "/recognition-form.pdf",
                "/rsrc/declaration-files/attachments/" + attachment);
        for (String url : urls) {
            HttpResponse<String> response = b.get(url);
            assertThat(response.statusCode()).as(url).isEqualTo(403);
            assertThat(response.body()).as(url).contains(REFUSED).doesNotContain("甲本人", owner.loginName());
        }
        // ids that name nothing are not found (BadIdsIT walks every page that takes an id)
        for (String url : List.of(
                "/rsrc/person/declaration.xhtml?id=" + Long.MAX_VALUE,
                "/rsrc/person/declaration.xhtml?id=abc",
                "/rsrc/person/declaration.xhtml",
                "/rsrc/declaration-files/attachments/" + Long.MAX_VALUE)) {
            assertThat(b.get(url).statusCode()).as(url).isEqualTo(404);
        }
        assertThat(b.get("/rsrc/person/declarations.xhtml").body())
                .doesNotContain("declaration-" + submitted, "declaration-" + draft);

        // a unit the declaration was never sent to; then the declaring unit, to which it was
        BrowserlessSession stranger = session();
        PortalUser strangerUnit = fixtures.unit(DeclarationFixtures.unitName("无关单位"));
        stranger.portalLogin("unit", strangerUnit.loginName(), "UnitPass123");
        assertThat(stranger.get("/rsrc/declaration-files/attachments/" + attachment)
                        .statusCode())
                .isEqualTo(403);
        assertThat(stranger.get("/rsrc/declaration-files/" + submitted + "/recognition-form.pdf")
                        .statusCode())
                .isEqualTo(403);
        assertThat(stranger.get("/rsrc/person/declaration.xhtml?id=" + submitted)
                        .statusCode())
                .isEqualTo(403);
        BrowserlessSession reviewer = session();
        reviewer.portalLogin("unit", declaringUnit.loginName(), "UnitPass123");
        assertThat(reviewer.get("/rsrc/declaration-files/attachments/" + attachment)
                        .statusCode())
                .isEqualTo(200);
        assertThat(reviewer.get("/rsrc/declaration-files/attachments/" + draftAttachment())
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void theOwnerGetsTheFilesWithSafeHeaders() throws Exception {
        PortalClient a = new PortalClient(base()).loginPerson(owner.loginName(), "Secret123");

        HttpResponse<byte[]> file = a.getBytes("/rsrc/declaration-files/attachments/" + attachment);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
                .matches("attachment; filename=\"[0-9a-f-]{36}\\.pdf\"");
        assertThat(Declarations.sha256(file.body()))
                .isEqualTo(declarations
                        .details(submitted, owner)
                        .attachments()
                        .get(0)
                        .sha256());

        HttpResponse<byte[]> form = a.getBytes("/rsrc/declaration-files/" + submitted + "/recognition-form.pdf");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"recognition-form-" + submitted + ".pdf\"");
        assertThat(DeclarationBrowserIT.pdfText(form.body())).contains("甲本人", owner.loginName(), "第 1 页 共 ");
        // a subset of the 17 MB font collection: the whole form stays small
        assertThat(form.body().length).isLessThan(200_000);
        System.out.printf("recognition form: %d bytes%n", form.body().length);
        assertThat(DeclarationBrowserIT.fonts(form.body()))
                .isNotEmpty()
                .allSatisfy(font ->
                        assertThat(font).as("an embedded subset (ABCDEF+Name)").matches("[A-Z]{6}\\+.+ embedded"));
        // a draft has no recognition form yet
        assertThat(a.getBytes("/rsrc/declaration-files/" + draft + "/recognition-form.pdf")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void changingTheIdInRequestsOfItsOwnPagesDoesNotReachAnotherApplicantsDeclaration() throws Exception {
        long own = fixtures.draft(other, fixtures.unitId(declaringUnit));
        long draftVersion = version(draft);
        long submittedVersion = version(submitted);
        BrowserlessSession b = session();
        b.portalLogin("person", other.loginName(), "Secret123");
        String listPage = b.get("/rsrc/person/declarations.xhtml").body();

        for (String action : List.of("submit", "withdraw")) {
            String link = DeclarationPagesIT.rowAction(listPage, own, action);
            for (long target : List.of(draft, submitted)) {
                HttpResponse<String> response = b.submit(
                        "/rsrc/person/declarations.xhtml",
                        "/rsrc/person/declarations.xhtml",
                        Map.of(link, "", "list", "list", "declarationId", String.valueOf(target)));
                assertThat(response.statusCode()).as(action + " " + target).isEqualTo(403);
                assertThat(response.body()).contains(REFUSED);
            }
        }

        // B's own details page posted to an address (and with a parameter) naming A's draft: the view keeps B's
        HttpResponse<String> response = b.submit(
                "/rsrc/person/declaration.xhtml?id=" + own,
                "/rsrc/person/declaration.xhtml?id=" + draft,
                Map.of(
                        "performance",
                        "performance",
                        "performance:achievements",
                        "乙写入的业绩",
                        "performance:probationResult",
                        "EXCELLENT",
                        "performance:save",
                        "",
                        "id",
                        String.valueOf(draft)));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(declarations.details(own, other).performance().achievements())
                .isEqualTo("乙写入的业绩");

        assertThat(version(draft)).isEqualTo(draftVersion);
        assertThat(version(submitted)).isEqualTo(submittedVersion);
        assertThat(declarations.details(draft, owner).state()).isEqualTo(DeclarationState.DRAFT);
        assertThat(declarations.details(draft, owner).performance().achievements())
                .isNotEqualTo("乙写入的业绩");
        assertThat(declarations.details(own, other).state()).isEqualTo(DeclarationState.DRAFT);
    }

    @Test
    void aUnitAccountCannotUseTheApplicantPages() throws Exception {
        BrowserlessSession unit = session();
        unit.portalLogin("unit", declaringUnit.loginName(), "UnitPass123");

        for (String url : List.of(
                "/rsrc/person/declarations.xhtml",
                "/rsrc/person/declaration-new.xhtml",
                "/rsrc/person/declaration.xhtml?id=" + submitted)) {
            assertThat(unit.get(url).statusCode()).as(url).isEqualTo(403);
        }
        HttpResponse<String> anonymous = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base() + "/rsrc/declaration-files/attachments/" + attachment))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/rsrc/login.xhtml");
    }

    private long draftAttachment() {
        return declarations.details(draft, owner).attachments().get(0).id();
    }

    private BrowserlessSession session() {
        return new BrowserlessSession(base());
    }

    private String base() {
        return Faces.publicBase(ports);
    }

    private long version(long id) {
        return jdbc.queryForObject("select version from declaration where id = ?", Long.class, id);
    }
}
