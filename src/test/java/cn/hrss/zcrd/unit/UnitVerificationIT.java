package cn.hrss.zcrd.unit;

import static cn.hrss.zcrd.review.ReviewFixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.account.BackOfficeAccessDeniedException;
import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.seal.SealImages;
import cn.hrss.zcrd.seal.internal.SealImpressionDesk;
import cn.hrss.zcrd.seal.internal.SealImpressionException;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.support.BrowserlessSession;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * 单位注册审核: a newly registered unit is pending until the bureau of its region verifies it; until then it cannot
 * be picked (directory, competent department, superior unit, declaring unit) nor act (reporting path, issuing
 * authority, seal impression); the bureau's decisions are region-scoped and audited; a rejection's reason shows to
 * the unit, which corrects its data and resubmits.
 */
@IntegrationTest
class UnitVerificationIT extends TwoBureausBase {

    static final String PAGE = "/sdmanager/units/verification.xhtml";

    UnitVerificationIT() {
        super("济南单位审核", "青岛单位审核");
    }

    @Autowired
    UnitVerifications verifications;

    @Autowired
    Units units;

    @Autowired
    UnitDirectory directory;

    @Autowired
    IssuingAuthorities authorities;

    @Autowired
    SealImpressionDesk seals;

    @Test
    void aNewUnitIsPendingAndCanNeitherBePickedNorAct() {
        Unit pending = fixtures.unverifiedUnit("待审核测试单位");
        Unit verified = fixtures.unit("已审核测试主管部门");
        PortalUser pendingUser = signedIn(pending);
        assertThat(verifications.mine(pendingUser).status()).isEqualTo(UnitVerificationStatus.PENDING);
        assertThat(verifications.isVerified(pending.getId())).isFalse();

        // not offered by any picker
        assertThat(directory.search(pending.getName(), 0, 10).total()).isZero();
        assertThat(directory.search(verified.getName(), 0, 10).units())
                .singleElement()
                .satisfies(u -> {
                    assertThat(u.regionName()).isEqualTo("山东省 / 济南市 / 历下区");
                    assertThat(u.maskedCreditCode())
                            .hasSize(18)
                            .startsWith(verified.getCreditCode().substring(0, 6))
                            .endsWith(verified.getCreditCode().substring(14))
                            .contains("********")
                            .isNotEqualTo(verified.getCreditCode());
                });

        // nor taken when its id is posted anyway: as a competent department, a superior, a declaring unit
        assertThat(units.check(UnitFixtures.aUnitUnder("待审核下属测试单位" + System.nanoTime() % 100_000, pending.getId())))
                .extracting(FieldProblem::field, FieldProblem::messageKey)
                .contains(org.assertj.core.groups.Tuple.tuple("competentSearch", "unit.competent.unverified"));
        assertThatThrownBy(() -> paths.apply(
                        signedIn(verified),
                        new PathApplication(
                                pending.getId(), "ZHONGJI", "GONGCHENG", BusinessType.FULL_TIME_RECOGNITION)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::messageKey)
                                .containsExactly("unit.path.superior.unverified"));
        PortalUser person = fixtures.person("石申报");
        assertThatThrownBy(() -> fixtures.submitted(person, pending))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field, FieldProblem::messageKey)
                                .contains(org.assertj.core.groups.Tuple.tuple(
                                        "declaringUnitId", "declaration.unit.unverified")));

        // nor act: reporting path, issuing authority, seal impression — refused in Chinese, nothing stored
        assertThatThrownBy(() -> paths.apply(
                        pendingUser,
                        new PathApplication(
                                verified.getId(), "ZHONGJI", "GONGCHENG", BusinessType.FULL_TIME_RECOGNITION)))
                .isInstanceOfSatisfying(
                        UnitRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(UnitVerifications.NOT_VERIFIED));
        assertThat(authorities.mayApply(pendingUser)).isFalse();
        assertThatThrownBy(() -> authorities.apply(pendingUser, Set.of("ZHONGJI"), "HRSS370100"))
                .isInstanceOfSatisfying(
                        UnitRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(UnitVerifications.NOT_VERIFIED));
        assertThatThrownBy(() -> seals.upload(pendingUser, SealImages.transparentSeal(300)))
                .isInstanceOfSatisfying(
                        SealImpressionException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(UnitVerifications.NOT_VERIFIED));
        assertThat(jdbc.queryForObject(
                        "select count(*) from reporting_path where unit_id = ?", Integer.class, pending.getId()))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from issuing_authority_application where unit_id = ?",
                        Integer.class,
                        pending.getId()))
                .isZero();
        assertThat(seals.versionsOf(pendingUser)).isEmpty();

        // once the bureau verified it, the same requests go through
        jinan.signIn();
        verifications.review(pending.getId(), true, null);
        SecurityContextHolder.clearContext();
        assertThat(directory.search(pending.getName(), 0, 10).total()).isEqualTo(1);
        assertThat(paths.apply(
                        pendingUser,
                        new PathApplication(
                                verified.getId(), "ZHONGJI", "GONGCHENG", BusinessType.FULL_TIME_RECOGNITION)))
                .isPositive();
        assertThat(authorities.apply(pendingUser, Set.of("ZHONGJI"), "HRSS370100"))
                .isPositive();
        assertThat(seals.upload(pendingUser, SealImages.transparentSeal(300)).getId())
                .isPositive();
        assertThat(fixtures.submitted(person, pending)).isPositive();
    }

    @Test
    void theBureauOfTheUnitsRegionVerifiesItOtherRegionsAreRefusedAndEverythingIsAudited() throws Exception {
        Unit jinanUnit = fixtures.unverifiedUnit("济南待审核单位");
        long before = lastAuditId();

        // another city's bureau neither sees nor decides it (service and page), and the attempt is recorded
        qingdao.signIn();
        assertThat(verifications.queue(null))
                .extracting(UnitVerificationInfo::unitId)
                .doesNotContain(jinanUnit.getId());
        assertThatThrownBy(() -> verifications.forReview(jinanUnit.getId()))
                .isInstanceOfSatisfying(
                        BackOfficeAccessDeniedException.class,
                        e -> assertThat(e.reasonKey()).isEqualTo("backoffice.refused.scope"));
        assertThatThrownBy(() -> verifications.review(jinanUnit.getId(), true, "越权"))
                .isInstanceOf(AccessDeniedException.class);
        SecurityContextHolder.clearContext();
        var foreign = qingdao.session(Faces.ukeyBase(ports)).get(PAGE + "?unit=" + jinanUnit.getId());
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("该数据不在您的管辖范围内").doesNotContain(jinanUnit.getName());
        assertThat(qingdao.session(Faces.ukeyBase(ports)).get(PAGE).body()).doesNotContain(jinanUnit.getName());
        assertThat(verifications.isVerified(jinanUnit.getId())).isFalse();
        assertThat(auditSince(before, "BACKOFFICE_ACTION_REFUSED"))
                .anySatisfy(row -> assertThat(String.valueOf(row.get("detail")))
                        .contains("action=VERIFY_UNIT")
                        .contains("backoffice.refused.scope"));

        // its own city's bureau lists it pending and verifies it on the page with its UKEY
        BrowserlessSession page = jinan.session(Faces.ukeyBase(ports));
        assertThat(page.get(PAGE).body())
                .contains("id=\"unit-" + jinanUnit.getId() + "\"")
                .contains(jinanUnit.getName());
        var approved = page.submit(PAGE + "?unit=" + jinanUnit.getId(), PAGE, Map.of("review:approve", ""));
        assertThat(approved.body()).contains(jinanUnit.getName() + "已审核通过。");
        assertThat(verifications.isVerified(jinanUnit.getId())).isTrue();
        List<Map<String, Object>> rows = auditSince(before, "UNIT_VERIFIED");
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("actor_login")).isEqualTo(jinan.account().getUsername());
            assertThat(row.get("target_type")).isEqualTo("UNIT");
            assertThat(String.valueOf(row.get("target_id"))).isEqualTo(String.valueOf(jinanUnit.getId()));
            assertThat(row.get("outcome")).isEqualTo("SUCCESS");
        });

        // a second decision is refused (and recorded)
        jinan.signIn();
        assertThatThrownBy(() -> verifications.review(jinanUnit.getId(), false, "再次驳回"))
                .isInstanceOfSatisfying(
                        UnitRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("unit.verification.error.decided"));
        assertThat(auditSince(before, "UNIT_VERIFICATION_REJECTED"))
                .singleElement()
                .satisfies(row -> assertThat(row.get("outcome")).isEqualTo("REFUSED"));
    }

    @Test
    void aRejectionsReasonShowsToTheUnitWhichCorrectsAndResubmits() throws Exception {
        UnitRegistration form = UnitFixtures.aUnit("济南驳回测试单位" + System.nanoTime() % 100_000);
        Unit unit = units.register(form);
        PortalUser user = signedIn(unit);

        jinan.signIn();
        assertThatThrownBy(() -> verifications.review(unit.getId(), false, "  "))
                .isInstanceOfSatisfying(
                        UnitRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("unit.verification.error.reason-required"));
        verifications.review(unit.getId(), false, "单位名称与营业执照不一致");
        SecurityContextHolder.clearContext();

        BrowserlessSession portal = Faces.publicSession(ports);
        portal.portalLogin("unit", form.creditCode(), form.password());
        String profile = portal.get("/rsrc/unit/profile.xhtml").body();
        assertThat(profile).contains("已驳回").contains("单位名称与营业执照不一致").contains("重新提交审核");

        // a correction with a problem is refused at the field, nothing changes
        var refused = resubmit(portal, "");
        assertThat(refused.body()).contains("ui-message-error");
        assertThat(verifications.mine(user).status()).isEqualTo(UnitVerificationStatus.REJECTED);

        String corrected = "济南已更正测试单位" + System.nanoTime() % 100_000;
        var resubmitted = resubmit(portal, corrected);
        assertThat(resubmitted.body()).contains("已重新提交").contains("待审核");
        UnitVerificationInfo info = verifications.mine(user);
        assertThat(info.status()).isEqualTo(UnitVerificationStatus.PENDING);
        assertThat(info.name()).isEqualTo(corrected);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_record where action_code = 'UNIT_VERIFICATION_RESUBMITTED' "
                                + "and target_id = ?",
                        Integer.class,
                        String.valueOf(unit.getId())))
                .isEqualTo(1);

        // back in the bureau's queue, pending first
        jinan.signIn();
        assertThat(verifications.queue(null))
                .first()
                .satisfies(u -> assertThat(u.status()).isEqualTo(UnitVerificationStatus.PENDING));
        assertThat(verifications.queue(UnitVerificationStatus.PENDING))
                .extracting(UnitVerificationInfo::name)
                .contains(corrected);
        assertThatThrownBy(() -> verifications.resubmit(user, corrected, "370102", "王联系", "0531-86001234"))
                .isInstanceOfSatisfying(
                        UnitRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("unit.verification.error.not-rejected"));
    }

    @Test
    void aCorrectedNameTakenByAnotherUnitIsRefused() {
        Unit other = fixtures.unit("济南占用名称测试单位");
        Unit unit = fixtures.unverifiedUnit("济南改名测试单位");
        jinan.signIn();
        verifications.review(unit.getId(), false, "名称有误");
        SecurityContextHolder.clearContext();
        assertThatThrownBy(
                        () -> verifications.resubmit(signedIn(unit), other.getName(), "370102", "王联系", "0531-86001234"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field, FieldProblem::messageKey)
                                .containsExactly(org.assertj.core.groups.Tuple.tuple("name", "unit.name.taken")));
        assertThat(verifications.mine(signedIn(unit)).status()).isEqualTo(UnitVerificationStatus.REJECTED);
    }

    /** 重新提交 on the unit's profile page under the name given (contact and phone as registered). */
    private static HttpResponse<String> resubmit(BrowserlessSession portal, String name) throws Exception {
        return portal.submit(
                "/rsrc/unit/profile.xhtml",
                "/rsrc/unit/profile.xhtml",
                Map.of(
                        "resubmit:name",
                        name,
                        "resubmit:contactPerson",
                        "王联系",
                        "resubmit:phone",
                        "0531-86001234",
                        "resubmit:resubmit-button",
                        ""));
    }

    private long lastAuditId() {
        Long id = jdbc.queryForObject("select max(id) from audit_record", Long.class);
        return id == null ? 0 : id;
    }

    private List<Map<String, Object>> auditSince(long afterId, String action) {
        return jdbc.queryForList(
                "select * from audit_record where id > ? and action_code = ? order by id desc", afterId, action);
    }
}
