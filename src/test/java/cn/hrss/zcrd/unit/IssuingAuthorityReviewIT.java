package cn.hrss.zcrd.unit;

import static cn.hrss.zcrd.review.ReviewFixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.account.BackOfficeAccessDeniedException;
import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.approval.ApprovalFixtures;
import cn.hrss.zcrd.approval.ApprovalKind;
import cn.hrss.zcrd.approval.ApprovalRequest;
import cn.hrss.zcrd.approval.ApprovalState;
import cn.hrss.zcrd.approval.Approvals;
import cn.hrss.zcrd.review.ReviewFixtures;
import cn.hrss.zcrd.shared.RefusedException;
import cn.hrss.zcrd.support.BrowserlessSession;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.PageButtons;
import cn.hrss.zcrd.support.RegionalStaff;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * 职称认定证书发放权限审核 in the back office ({@code /sdmanager/authority/review.xhtml}) and its guarded service
 * methods: data scope by region (济南's reviewer sees and decides 济南's applications only, 青岛's likewise, the
 * province's all), the UKEY policy (a password session looks, its decision is refused with the reason), a rejection
 * needs an opinion at the field, a decision is audited; other roles do not open the page.
 */
@IntegrationTest
class IssuingAuthorityReviewIT extends TwoBureausBase {

    static final String PAGE = "/sdmanager/authority/review.xhtml";

    IssuingAuthorityReviewIT() {
        super("济南审核", "青岛审核");
    }

    @Autowired
    UnitVerifications unitVerifications;

    @Autowired
    IssuingAuthorities authorities;

    @Autowired
    Units units;

    @Autowired
    Approvals approvals;

    @Autowired
    ApprovalFixtures fourEyes;

    @Test
    void aCityBureauSeesAndDecidesOnlyItsOwnRegionsApplications() throws Exception {
        Unit jinanUnit = fixtures.unit("济南发证单位");
        Unit qingdaoUnit = qingdaoUnit("青岛发证单位");
        long jinanApplication = authorities.apply(signedIn(jinanUnit), Set.of("ZHONGJI"), "HRSS370100");
        long qingdaoApplication = authorities.apply(signedIn(qingdaoUnit), Set.of("ZHULI"), "HRSS370200");

        // service level
        jinan.signIn();
        assertThat(authorities.reviewQueue(null))
                .extracting(IssuingAuthorityInfo::id)
                .contains(jinanApplication)
                .doesNotContain(qingdaoApplication);
        assertThat(authorities.forReview(jinanApplication)).isPresent();
        assertThatThrownBy(() -> authorities.forReview(qingdaoApplication))
                .isInstanceOfSatisfying(
                        BackOfficeAccessDeniedException.class,
                        e -> assertThat(e.reasonKey()).isEqualTo("backoffice.refused.scope"));
        assertThatThrownBy(() -> authorities.review(qingdaoApplication, true, "越权"))
                .isInstanceOf(AccessDeniedException.class);
        qingdao.signIn();
        assertThat(authorities.reviewQueue(IssuingAuthorityStatus.PENDING))
                .extracting(IssuingAuthorityInfo::id)
                .contains(qingdaoApplication)
                .doesNotContain(jinanApplication);
        assertThatThrownBy(() -> authorities.review(jinanApplication, false, "越权驳回"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(authorities.find(jinanApplication).orElseThrow().status()).isEqualTo(IssuingAuthorityStatus.PENDING);
        assertThat(authorities.find(qingdaoApplication).orElseThrow().status())
                .isEqualTo(IssuingAuthorityStatus.PENDING);
        RegionalStaff province = staff.regional(BackOfficeRole.BUREAU_REVIEWER, "370000", "省厅审核");
        province.signIn();
        assertThat(authorities.reviewQueue(null))
                .extracting(IssuingAuthorityInfo::id)
                .contains(jinanApplication, qingdaoApplication);
        SecurityContextHolder.clearContext();

        // HTTP, on the UKEY port
        BrowserlessSession jinanPage = jinan.session(ukeyBase());
        String list = jinanPage.get(PAGE).body();
        assertThat(list)
                .contains("id=\"application-" + jinanApplication + "\"")
                .contains(jinanUnit.getName())
                .doesNotContain("id=\"application-" + qingdaoApplication + "\"")
                .doesNotContain(qingdaoUnit.getName());
        HttpResponse<String> foreign = jinanPage.get(PAGE + "?application=" + qingdaoApplication);
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("该数据不在您的管辖范围内");
        assertThat(foreign.body()).doesNotContain(qingdaoUnit.getName());

        // 青岛 decides its own: asked, approved by a second 青岛 reviewer, shown, audited with the approver
        BrowserlessSession qingdaoPage = qingdao.session(ukeyBase());
        HttpResponse<String> decided = qingdaoPage.submit(
                PAGE + "?application=" + qingdaoApplication,
                PAGE,
                Map.of("review:opinion", "同意授权", "review:approve", ""));
        assertThat(decided.body()).contains(qingdaoUnit.getName() + "的发放权限授予申请已提交");
        RegionalStaff qingdaoSecond = staff.regional(BackOfficeRole.BUREAU_REVIEWER, "370200", "青岛复核");
        fourEyes.approveAs(
                qingdaoSecond.ukeyUser(),
                approvals.about("ISSUING_AUTHORITY", qingdaoApplication).get(0));
        assertThat(authorities.find(qingdaoApplication).orElseThrow().status())
                .isEqualTo(IssuingAuthorityStatus.GRANTED);
        assertThat(authorities.holds(qingdaoUnit.getId(), "ZHULI")).isTrue();
        assertThat(jdbc.queryForList(
                        "select actor_login, authenticated_by from audit_record where action_code = "
                                + "'ISSUING_AUTHORITY_GRANTED' and target_id = ? and outcome = 'SUCCESS'",
                        String.valueOf(qingdaoApplication)))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.get("actor_login"))
                            .isEqualTo(qingdaoSecond.account().getUsername());
                    assertThat(row.get("authenticated_by")).isEqualTo("UKEY");
                });
        String granted = qingdaoPage
                .get(PAGE + "?status=GRANTED&application=" + qingdaoApplication)
                .body();
        assertThat(granted).contains("已授权").contains("同意授权");
    }

    @Test
    void aPasswordSessionLooksButItsDecisionIsRefusedWithTheReason() throws Exception {
        Unit unit = fixtures.unit("非UKEY审核单位");
        long application = authorities.apply(signedIn(unit), Set.of("ZHULI"), "HRSS370100");
        String username = "authority-review-pw-" + System.nanoTime();
        // the service-level user first, then the form login: two fresh TOTP steps, no waiting
        var passwordUser = staff.passwordUser(username, "密码审核", BackOfficeRole.BUREAU_REVIEWER, "Authority-Passw0rd");
        var fallback = staff.fallback(username, "密码审核", BackOfficeRole.BUREAU_REVIEWER, "Authority-Passw0rd");
        BrowserlessSession session = Faces.publicSession(ports);
        assertThat(fallback.login(session).uri().getPath()).isEqualTo("/sdmanager/index.xhtml");

        String page = session.get(PAGE + "?application=" + application).body();
        assertThat(page).contains(unit.getName()).contains("id=\"ukey-note\"").contains("审批职称认定证书发放权限需插入UKEY后登录");
        // not asked to decide what it would be refused: 通过 and 不通过 are disabled
        assertThat(PageButtons.all(page)).contains("review:approve", "review:reject");
        assertThat(PageButtons.enabled(page)).doesNotContain("review:approve", "review:reject");
        // pressing 通过 anyway (a crafted post): refused by the service, with the reason
        HttpResponse<String> refused = session.submit(
                PAGE + "?application=" + application, PAGE, Map.of("review:opinion", "同意", "review:approve", ""));
        assertThat(refused.body()).contains("该操作需要使用UKEY登录后办理");
        assertThat(authorities.find(application).orElseThrow().status()).isEqualTo(IssuingAuthorityStatus.PENDING);

        SecurityContextHolder.getContext()
                .setAuthentication(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
                        passwordUser, null, passwordUser.getAuthorities()));
        assertThatThrownBy(() -> authorities.review(application, true, null))
                .isInstanceOfSatisfying(
                        BackOfficeAccessDeniedException.class,
                        e -> assertThat(e.needsUkey()).isTrue());
        assertThat(authorities.find(application).orElseThrow().status()).isEqualTo(IssuingAuthorityStatus.PENDING);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_record where action_code = "
                                + "'BACKOFFICE_ACTION_REFUSED' and actor_login = ? and detail like '%APPROVE_ISSUING_AUTHORITY%'",
                        Long.class, fallback.username()))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void aRejectionNeedsAnOpinionAtTheFieldAndTheUnitReadsIt() throws Exception {
        Unit unit = fixtures.unit("驳回意见单位");
        long application = authorities.apply(signedIn(unit), Set.of("YUAN"), "HRSS370100");
        BrowserlessSession session = jinan.session(ukeyBase());

        HttpResponse<String> refused = session.submit(
                PAGE + "?application=" + application, PAGE, Map.of("review:opinion", "  ", "review:reject", ""));
        assertThat(refused.body()).contains("ui-message-error").contains("驳回时请填写审核意见。");
        assertThat(authorities.find(application).orElseThrow().status()).isEqualTo(IssuingAuthorityStatus.PENDING);

        HttpResponse<String> rejected = session.submit(
                PAGE + "?application=" + application, PAGE, Map.of("review:opinion", "请先上传印章印模", "review:reject", ""));
        assertThat(rejected.body()).contains(unit.getName() + "的职称认定证书发放权限申请已驳回。");
        // the message once, and not again on the next page (issue 17 item 4)
        String done = unit.getName() + "的职称认定证书发放权限申请已驳回。";
        assertThat(rejected.body().split(java.util.regex.Pattern.quote(done), -1))
                .hasSize(2);
        assertThat(session.get(PAGE).body()).doesNotContain(done);
        // back on the list, the decided application offers 查看, no longer 审核 (issue 17 item 4)
        assertThat(rejected.body())
                .containsPattern("id=\"open-" + application + "\"[^>]*>查看</a>")
                .doesNotContainPattern("id=\"open-" + application + "\"[^>]*>审核</a>");
        long other = authorities.apply(signedIn(fixtures.unit("待审核链接单位")), Set.of("YUAN"), "HRSS370100");
        assertThat(session.get(PAGE).body()).containsPattern("id=\"open-" + other + "\"[^>]*>审核</a>");
        IssuingAuthorityInfo info = authorities.latest(signedIn(unit)).orElseThrow();
        assertThat(info.status()).isEqualTo(IssuingAuthorityStatus.REJECTED);
        assertThat(info.opinion()).isEqualTo("请先上传印章印模");
        assertThat(authorities.mayApply(signedIn(unit))).isTrue();
    }

    @Test
    void aGrantTakesEffectOnlyWhenASecondReviewerOfTheRegionApprovesIt() throws Exception {
        Unit unit = fixtures.unit("双人复核授权单位");
        long application = authorities.apply(signedIn(unit), Set.of("ZHONGJI"), "HRSS370100");
        RegionalStaff second = staff.regional(BackOfficeRole.BUREAU_REVIEWER, "370100", "济南复核");

        // 通过 needs an opinion (the request's reason), told at the field; then it is a request: nothing granted yet
        BrowserlessSession session = jinan.session(ukeyBase());
        HttpResponse<String> noOpinion = session.submit(
                PAGE + "?application=" + application, PAGE, Map.of("review:opinion", "  ", "review:approve", ""));
        assertThat(noOpinion.body()).contains("ui-message-error").contains("授予发放权限须经双人复核");
        HttpResponse<String> requested = session.submit(
                PAGE + "?application=" + application, PAGE, Map.of("review:opinion", "材料齐全", "review:approve", ""));
        assertThat(requested.body()).contains(unit.getName() + "的发放权限授予申请已提交");
        assertThat(authorities.find(application).orElseThrow().status()).isEqualTo(IssuingAuthorityStatus.PENDING);
        assertThat(authorities.holds(unit.getId(), "ZHONGJI")).isFalse();
        ApprovalRequest request =
                approvals.about("ISSUING_AUTHORITY", application).get(0);
        assertThat(request.kind()).isEqualTo(ApprovalKind.GRANT_ISSUING_AUTHORITY);
        assertThat(request.reason()).isEqualTo("材料齐全");
        assertThat(request.requestedByName()).isEqualTo("济南审核");

        // the requester cannot approve it, nor can a reviewer of another city
        fourEyes.ownApprovalRefused(jinan.ukeyUser(), request);
        assertThatThrownBy(() -> fourEyes.approveAs(qingdao.ukeyUser(), request))
                .isInstanceOfSatisfying(
                        BackOfficeAccessDeniedException.class,
                        e -> assertThat(e.reasonKey()).isEqualTo("backoffice.refused.scope"));
        assertThat(authorities.holds(unit.getId(), "ZHONGJI")).isFalse();

        // the second reviewer of 济南 approves: granted, decided by them, audited with the request
        fourEyes.approveAs(second.ukeyUser(), request);
        IssuingAuthorityInfo granted = authorities.find(application).orElseThrow();
        assertThat(granted.status()).isEqualTo(IssuingAuthorityStatus.GRANTED);
        assertThat(granted.decidedByName()).isEqualTo("济南复核");
        assertThat(granted.opinion()).isEqualTo("材料齐全");
        assertThat(authorities.holds(unit.getId(), "ZHONGJI")).isTrue();
        assertThat(jdbc.queryForObject(
                        "select detail from audit_record where action_code = 'ISSUING_AUTHORITY_GRANTED'"
                                + " and target_id = ? and outcome = 'SUCCESS'",
                        String.class,
                        String.valueOf(application)))
                .contains("approval #" + request.id())
                .contains("济南审核");
    }

    @Test
    void aRejectedGrantRequestGrantsNothing() throws Exception {
        Unit unit = fixtures.unit("双人复核驳回授权单位");
        long application = authorities.apply(signedIn(unit), Set.of("ZHONGJI"), "HRSS370100");
        RegionalStaff second = staff.regional(BackOfficeRole.BUREAU_REVIEWER, "370100", "济南复核乙");
        jinan.signIn();
        ApprovalRequest request = authorities.review(application, true, "同意授权").orElseThrow();

        assertThat(fourEyes.rejectAs(second.ukeyUser(), request, "印章尚未备案").state())
                .isEqualTo(ApprovalState.REJECTED);
        assertThat(authorities.find(application).orElseThrow().status()).isEqualTo(IssuingAuthorityStatus.PENDING);
        assertThat(authorities.holds(unit.getId(), "ZHONGJI")).isFalse();
        assertThatThrownBy(() -> fourEyes.approveAs(second.ukeyUser(), request))
                .isInstanceOfSatisfying(
                        RefusedException.class, e -> assertThat(e.messageKey()).isEqualTo("approval.not-pending"));
    }

    @Test
    void aUnitOperatorAndASystemAdminDoNotOpenTheBureauPages() throws Exception {
        for (BackOfficeRole role : List.of(BackOfficeRole.UNIT_OPERATOR, BackOfficeRole.SYSTEM_ADMIN)) {
            RegionalStaff other = staff.regional(role, "370100", "其他角色");
            BrowserlessSession session = other.session(ukeyBase());
            assertThat(session.get(PAGE).statusCode()).as(role + " authority").isEqualTo(403);
            assertThat(session.get("/sdmanager/seals.xhtml").statusCode())
                    .as(role + " seals")
                    .isEqualTo(403);
            other.signIn();
            assertThatThrownBy(() -> authorities.reviewQueue(null))
                    .as(role.name())
                    .isInstanceOfSatisfying(
                            BackOfficeAccessDeniedException.class,
                            e -> assertThat(e.reasonKey()).isEqualTo("backoffice.refused.role"));
            assertThatThrownBy(() -> authorities.review(1L, true, null))
                    .as(role.name())
                    .isInstanceOf(BackOfficeAccessDeniedException.class);
        }
    }

    private Unit qingdaoUnit(String prefix) {
        return UnitFixtures.verified(unitVerifications, staff, registeredQingdaoUnit(prefix));
    }

    private Unit registeredQingdaoUnit(String prefix) {
        return units.register(
                UnitFixtures.aQingdaoUnit(prefix + System.nanoTime() % 1_000_000, ReviewFixtures.PASSWORD));
    }

    private String ukeyBase() {
        return Faces.ukeyBase(ports);
    }
}
