package cn.hrss.zcrd.review;

import static cn.hrss.zcrd.review.ReviewFixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.declaration.DeclarationState;
import cn.hrss.zcrd.declaration.ModuleKind;
import cn.hrss.zcrd.declaration.QueueQuery;
import cn.hrss.zcrd.declaration.QueueStatus;
import cn.hrss.zcrd.support.BrowserlessSession;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.unit.BusinessType;
import cn.hrss.zcrd.unit.PathApplication;
import cn.hrss.zcrd.unit.ReportingPathStatus;
import cn.hrss.zcrd.unit.Unit;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

/**
 * A unit can neither list, open nor decide declarations not addressed to it, nor approve its own reporting path —
 * tried through the services, by URL and by crafted requests on real pages.
 */
@IntegrationTest
class ReviewAccessIT extends ReviewServicesBase {

    static final String PAGE = "/rsrc/unit/review/declaration.xhtml?id=";

    Unit employer;
    Unit stranger;
    long declaration;

    @BeforeEach
    void setUp() {
        employer = fixtures.unit("访问测试用人单位");
        stranger = fixtures.unit("访问测试无关单位");
        declaration = fixtures.submitted(fixtures.person("冯访问"), employer);
    }

    @Test
    void theServicesRefuseAUnitTheDeclarationWasNeverSentTo() {
        PortalUser other = signedIn(stranger);

        assertThat(queue.count(other, QueueQuery.of(QueueStatus.CURRENT))).isZero();
        assertThat(queue.count(other, QueueQuery.of(QueueStatus.HANDLED))).isZero();
        assertThatThrownBy(() -> declarations.details(declaration, other)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> decisions.approve(declaration, other, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> decisions.returnToApplicant(declaration, other, Map.of(ModuleKind.WORK, "x"), null))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(decisions.report(List.of(declaration), other, null).refused())
                .hasSize(1);
        assertThat(state()).isEqualTo(DeclarationState.SUBMITTED);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_record where target_type = 'DECLARATION' and "
                                + "target_id = ? and outcome = 'REFUSED'",
                        Long.class,
                        String.valueOf(declaration)))
                .isEqualTo(3);
    }

    @Test
    void byUrlAnotherUnitGetsTheRefusalPageAndAPersonCannotOpenUnitPages() throws Exception {
        BrowserlessSession other = session(stranger);
        HttpResponse<String> page = other.get(PAGE + declaration);
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("您没有权限访问该页面或执行该操作").doesNotContain("冯访问");
        assertThat(other.get(PAGE + "999999999").statusCode()).isEqualTo(404);
        assertThat(other.get(PAGE + "abc").statusCode()).isEqualTo(404);
        assertThat(other.get("/rsrc/unit/review/queue.xhtml").body()).doesNotContain("冯访问");

        HttpResponse<String> own = session(employer).get(PAGE + declaration);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("冯访问").contains("review:approve");

        PortalUser person = fixtures.person("褚个人");
        BrowserlessSession personSession = new BrowserlessSession(base());
        personSession.portalLogin("person", person.loginName(), "Secret123");
        assertThat(personSession.get("/rsrc/unit/review/queue.xhtml").statusCode())
                .isEqualTo(403);
        assertThat(personSession.get("/rsrc/unit/path-review.xhtml").statusCode())
                .isEqualTo(403);
    }

    @Test
    void aCraftedIdParameterCannotRedirectADecisionToAnotherDeclaration() throws Exception {
        long foreign = fixtures.submitted(fixtures.person("卫他人"), stranger);
        BrowserlessSession own = session(employer);

        HttpResponse<String> answer = own.submit(
                PAGE + declaration,
                PAGE + foreign,
                Map.of("review", "review", "review:approve", "", "id", String.valueOf(foreign)));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(declarations.details(foreign, signedIn(stranger)).state()).isEqualTo(DeclarationState.SUBMITTED);
        assertThat(state()).isEqualTo(DeclarationState.UNIT_APPROVED);
    }

    @Test
    void aDecisionFromAStalePageAfterTheDeclarationMovedOnIsRefusedWithAMessage() throws Exception {
        Unit department = fixtures.unit("访问测试主管部门");
        fixtures.effectivePath(employer, department);
        BrowserlessSession own = session(employer);
        String stalePage = own.get(PAGE + declaration).body();
        decisions.approve(declaration, signedIn(employer), null);
        decisions.report(List.of(declaration), signedIn(employer), null);

        HttpResponse<String> answer =
                own.submitOn(stalePage, PAGE + declaration, Map.of("review", "review", "review:approve", ""));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("该申报当前不在本单位，不能由本单位处理。");
        assertThat(state()).isEqualTo(DeclarationState.REPORTED);
        assertThat(declarations.details(declaration, signedIn(department)).currentUnitId())
                .isEqualTo(department.getId());
    }

    @Test
    void aUnitCannotApproveItsOwnReportingPathNorOneAddressedToAnotherUnit() throws Exception {
        Unit superior = fixtures.unit("访问测试上级单位");
        long path = paths.apply(
                signedIn(employer),
                new PathApplication(superior.getId(), "ZHULI", "GONGCHENG", BusinessType.FULL_TIME_RECOGNITION));

        assertThatThrownBy(() -> paths.approve(path, signedIn(employer), null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> paths.approve(path, signedIn(stranger), null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> paths.reject(path, signedIn(employer), "自己驳回"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(paths.addressedToMe(signedIn(employer))).noneMatch(p -> p.id() == path);
        assertThat(session(employer).get("/rsrc/unit/path-review.xhtml").body()).doesNotContain("path-" + path);
        assertThat(paths.mine(signedIn(employer)))
                .singleElement()
                .satisfies(p -> assertThat(p.status()).isEqualTo(ReportingPathStatus.PENDING));
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_record where target_type = 'REPORTING_PATH' and "
                                + "target_id = ? and outcome = 'REFUSED'",
                        Long.class,
                        String.valueOf(path)))
                .isEqualTo(3);

        assertThat(session(superior).get("/rsrc/unit/path-review.xhtml").body()).contains("path-" + path);
    }

    private DeclarationState state() {
        return declarations.details(declaration, signedIn(employer)).state();
    }

    private BrowserlessSession session(Unit unit) throws Exception {
        return ReviewFixtures.unitSession(ports, unit);
    }

    private String base() {
        return Faces.publicBase(ports);
    }
}
