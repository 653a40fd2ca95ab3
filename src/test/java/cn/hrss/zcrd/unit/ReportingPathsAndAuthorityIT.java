package cn.hrss.zcrd.unit;

import static cn.hrss.zcrd.review.ReviewFixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.review.ReviewServicesBase;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.support.IntegrationTest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** 上报路径申请 / 审核 and 职称认定证书发放申请 / 审核 through the services on MariaDB. */
@IntegrationTest
class ReportingPathsAndAuthorityIT extends ReviewServicesBase {

    @Autowired
    IssuingAuthorities authorities;

    static PathApplication path(Unit superior, String level, String series) {
        return new PathApplication(superior.getId(), level, series, BusinessType.FULL_TIME_RECOGNITION);
    }

    @Test
    void aPathIsPendingUntilTheSuperiorApprovesItAndDuplicatesAreRefused() {
        Unit unit = fixtures.unit("路径服务测试用人单位");
        Unit superior = fixtures.unit("路径服务测试主管部门");
        Unit another = fixtures.unit("路径服务测试另一主管部门");
        long id = paths.apply(signedIn(unit), path(superior, "ZHULI", "GONGCHENG"));

        assertThat(paths.mine(signedIn(unit))).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo(ReportingPathStatus.PENDING);
            assertThat(p.superiorUnitName()).isEqualTo(superior.getName());
            assertThat(p.levelName()).isEqualTo("助理级");
            assertThat(p.seriesName()).isEqualTo("工程");
        });
        assertThat(paths.effectivePath(unit.getId(), "ZHULI", "GONGCHENG")).isEmpty();
        assertThat(paths.addressedToMe(signedIn(superior)))
                .extracting(ReportingPathInfo::id)
                .containsExactly(id);
        assertRefused(
                () -> paths.apply(signedIn(unit), path(superior, "ZHULI", "GONGCHENG")),
                "unit.path.error.duplicate-pending");
        // shared by both businesses, and one path per level and series: also to another superior
        assertRefused(
                () -> paths.apply(
                        signedIn(unit),
                        new PathApplication(another.getId(), "ZHULI", "GONGCHENG", BusinessType.TRANSFER_IN)),
                "unit.path.error.duplicate-pending");

        paths.approve(id, signedIn(superior), "同意");
        assertThat(paths.effectivePath(unit.getId(), "ZHULI", "GONGCHENG"))
                .get()
                .satisfies(p -> assertThat(p.opinion()).isEqualTo("同意"));
        assertRefused(
                () -> paths.apply(signedIn(unit), path(superior, "ZHULI", "GONGCHENG")),
                "unit.path.error.duplicate-effective");
        assertRefused(() -> paths.approve(id, signedIn(superior), null), "unit.path.error.decided");
        // another level or series is another path
        paths.apply(signedIn(unit), path(superior, "ZHONGJI", "GONGCHENG"));
        paths.apply(signedIn(unit), path(another, "ZHULI", "WEISHENG"));
        assertThat(paths.mine(signedIn(unit))).hasSize(3);
        assertThat(jdbc.queryForList(
                        "select action_code from audit_record where target_type = 'REPORTING_PATH' "
                                + "and target_id = ? and outcome = 'SUCCESS' order by id",
                        String.class,
                        String.valueOf(id)))
                .containsExactly("REPORTING_PATH_APPLIED", "REPORTING_PATH_APPROVED");
    }

    @Test
    void aRejectedPathNeedsAnOpinionAndMayBeAppliedForAgain() {
        Unit unit = fixtures.unit("驳回路径测试用人单位");
        Unit superior = fixtures.unit("驳回路径测试主管部门");
        long id = paths.apply(signedIn(unit), path(superior, "YUAN", "KUAIJI"));

        assertRefused(() -> paths.reject(id, signedIn(superior), " "), "unit.path.error.reject-needs-opinion");
        paths.reject(id, signedIn(superior), "请选择本系统内的上级主管部门");
        assertThat(paths.mine(signedIn(unit))).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo(ReportingPathStatus.REJECTED);
            assertThat(p.opinion()).isEqualTo("请选择本系统内的上级主管部门");
        });
        long again = paths.apply(signedIn(unit), path(superior, "YUAN", "KUAIJI"));
        assertThat(again).isNotEqualTo(id);
    }

    @Test
    void badFormsAndPathsThatLoopAreRefused() {
        Unit a = fixtures.unit("环路测试甲单位");
        Unit b = fixtures.unit("环路测试乙单位");
        Unit c = fixtures.unit("环路测试丙单位");
        fixtures.effectivePath(a, b, "ZHONGJI", "JIAOYU");
        paths.apply(signedIn(b), path(c, "ZHONGJI", "JIAOYU"));

        assertRefused(() -> paths.apply(signedIn(c), path(a, "ZHONGJI", "JIAOYU")), "unit.path.error.cycle");
        assertRefused(() -> paths.apply(signedIn(a), path(a, "ZHULI", "JIAOYU")), "unit.path.error.self");
        assertThatThrownBy(() -> paths.apply(signedIn(a), new PathApplication(null, "NOPE", null, null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly("superiorSearch", "level", "series", "businessType"));
        assertThatThrownBy(() -> paths.apply(
                        signedIn(a), new PathApplication(987_654_321L, "ZHULI", "JIAOYU", BusinessType.TRANSFER_IN)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::messageKey)
                                .containsExactly("unit.path.superior.unknown"));
        assertThat(paths.mine(signedIn(c))).isEmpty();
    }

    @Test
    void aUnitAppliesForIssuingAuthorityOnceAndTheBureauGrantsIt() {
        Unit unit = fixtures.unit("发证权限测试单位");
        assertThat(authorities.bureausFor(signedIn(unit)))
                .extracting(b -> b.code())
                .containsExactly("HRSS370100", "HRSS370000");
        assertThat(authorities.mayApply(signedIn(unit))).isTrue();
        assertThat(authorities.latest(signedIn(unit))).isEmpty();

        long id = authorities.apply(signedIn(unit), List.of("ZHULI", "YUAN"), "HRSS370100");
        assertThat(authorities.mayApply(signedIn(unit))).isFalse();
        assertThat(authorities.latest(signedIn(unit))).get().satisfies(a -> {
            assertThat(a.status()).isEqualTo(IssuingAuthorityStatus.PENDING);
            assertThat(a.levelNames()).containsExactly("员级", "助理级");
            assertThat(a.bureauName()).isEqualTo("济南市人力资源和社会保障局");
        });
        assertRefused(
                () -> authorities.apply(signedIn(unit), List.of("ZHONGJI"), "HRSS370100"),
                "unit.authority.error.pending");
        assertThat(authorities.ofBureau("HRSS370100", IssuingAuthorityStatus.PENDING))
                .extracting(IssuingAuthorityInfo::id)
                .contains(id);
        assertThat(authorities.withinRegion("370100", IssuingAuthorityStatus.PENDING))
                .extracting(IssuingAuthorityInfo::id)
                .contains(id);
        assertThat(authorities.withinRegion("370200", null))
                .extracting(IssuingAuthorityInfo::id)
                .doesNotContain(id);
        assertThat(authorities.holds(unit.getId(), "ZHULI")).isFalse();

        BackOfficeUser reviewer = fixtures.bureauReviewer();
        authorities.decide(id, reviewer, "370100", true, "同意授权");
        assertThat(authorities.holds(unit.getId(), "ZHULI")).isTrue();
        assertThat(authorities.holds(unit.getId(), "YUAN")).isTrue();
        assertThat(authorities.holds(unit.getId(), "ZHONGJI")).isFalse();
        assertThat(authorities.heldLevels(unit.getId())).containsExactlyInAnyOrder("YUAN", "ZHULI");
        assertRefused(() -> authorities.decide(id, reviewer, false, "改主意"), "unit.authority.error.decided");
        // after the grant the unit may apply for a further level, not for one it holds
        assertThat(authorities.mayApply(signedIn(unit))).isTrue();
        assertThat(authorities.levelsToApplyFor(signedIn(unit)))
                .extracting(cn.hrss.zcrd.catalog.Level::code)
                .doesNotContain("YUAN", "ZHULI")
                .contains("ZHONGJI");
        assertRefused(
                () -> authorities.apply(signedIn(unit), List.of("ZHULI", "ZHONGJI"), "HRSS370100"),
                "unit.authority.error.granted");
        assertThat(jdbc.queryForList(
                        "select action_code from audit_record where target_type = 'ISSUING_AUTHORITY' "
                                + "and target_id = ? and outcome = 'SUCCESS' order by id",
                        String.class,
                        String.valueOf(id)))
                .containsExactly("ISSUING_AUTHORITY_APPLIED", "ISSUING_AUTHORITY_GRANTED");
        assertThat(jdbc.queryForObject(
                        "select actor_login from audit_record where target_type = 'ISSUING_AUTHORITY' "
                                + "and target_id = ? and action_code = 'ISSUING_AUTHORITY_GRANTED'",
                        String.class,
                        String.valueOf(id)))
                .isEqualTo(reviewer.getUsername());
    }

    @Test
    void onlyABureauReviewerWithTheApplicationInItsScopeDecidesAndARejectionLetsTheUnitApplyAgain() {
        Unit unit = fixtures.unit("发证权限驳回测试单位");
        long id = authorities.apply(signedIn(unit), Set.of("ZHONGJI"), "HRSS370000");

        assertThatThrownBy(
                        () -> authorities.decide(id, fixtures.backOfficeUser(BackOfficeRole.SYSTEM_ADMIN), true, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(
                        () -> authorities.decide(id, fixtures.backOfficeUser(BackOfficeRole.UNIT_OPERATOR), true, null))
                .isInstanceOf(AccessDeniedException.class);
        BackOfficeUser reviewer = fixtures.bureauReviewer();
        // a city bureau's reviewer does not see the province bureau's application
        assertThatThrownBy(() -> authorities.decide(id, reviewer, "370100", true, null))
                .isInstanceOf(AccessDeniedException.class);
        assertRefused(() -> authorities.decide(id, reviewer, false, ""), "unit.authority.error.reject-needs-opinion");
        authorities.decide(id, reviewer, false, "请先提交印章印模");

        assertThat(authorities.latest(signedIn(unit))).get().satisfies(a -> {
            assertThat(a.status()).isEqualTo(IssuingAuthorityStatus.REJECTED);
            assertThat(a.opinion()).isEqualTo("请先提交印章印模");
        });
        assertThat(authorities.holds(unit.getId(), "ZHONGJI")).isFalse();
        assertThat(authorities.mayApply(signedIn(unit))).isTrue();
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_record where target_type = 'ISSUING_AUTHORITY' "
                                + "and target_id = ? and outcome = 'REFUSED'",
                        Long.class,
                        String.valueOf(id)))
                .isEqualTo(4);
        // another city's bureau is not this unit's 所属机构
        assertRefused(
                () -> authorities.apply(signedIn(unit), Set.of("ZHONGJI"), "HRSS370200"),
                "unit.authority.error.bureau-scope");
        assertThatThrownBy(() -> authorities.apply(signedIn(unit), Set.of(), "HRSS370100"))
                .isInstanceOf(InvalidInputException.class);
        authorities.apply(signedIn(unit), Set.of("ZHONGJI"), "HRSS370100");
        assertThat(authorities.mayApply(signedIn(unit))).isFalse();
    }

    @Test
    void aUnitHoldingAuthorityAppliesForAFurtherLevelAndThenHoldsBoth() {
        Unit unit = fixtures.unit("再申请等级测试单位");
        BackOfficeUser reviewer = fixtures.bureauReviewer();
        long first = authorities.apply(signedIn(unit), Set.of("YUAN"), "HRSS370100");
        authorities.decide(first, reviewer, "370100", true, "同意员级");

        long further = authorities.apply(signedIn(unit), Set.of("ZHULI"), "HRSS370100");
        assertThat(authorities.latest(signedIn(unit)).orElseThrow().id()).isEqualTo(further);
        assertThat(authorities.mayApply(signedIn(unit)))
                .as("one pending application at a time")
                .isFalse();
        assertRefused(
                () -> authorities.apply(signedIn(unit), Set.of("ZHONGJI"), "HRSS370100"),
                "unit.authority.error.pending");
        assertThat(authorities.heldLevels(unit.getId()))
                .as("the pending level is not held yet, the granted one stays")
                .containsExactly("YUAN");

        authorities.decide(further, reviewer, "370100", true, "同意助理级");
        assertThat(authorities.heldLevels(unit.getId())).containsExactlyInAnyOrder("YUAN", "ZHULI");
        assertThat(authorities.applications(signedIn(unit)))
                .extracting(IssuingAuthorityInfo::id, IssuingAuthorityInfo::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(further, IssuingAuthorityStatus.GRANTED),
                        org.assertj.core.groups.Tuple.tuple(first, IssuingAuthorityStatus.GRANTED));
        assertThatThrownBy(() -> authorities.apply(signedIn(unit), Set.of("YUAN"), "HRSS370100"))
                .isInstanceOfSatisfying(UnitRuleException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("unit.authority.error.granted");
                    assertThat(e.refusal().arguments()).containsExactly("员级");
                });
        // a rejected further application leaves the grants as they were, and the unit may apply again
        long third = authorities.apply(signedIn(unit), Set.of("ZHONGJI"), "HRSS370100");
        authorities.decide(third, reviewer, "370100", false, "材料不全");
        assertThat(authorities.heldLevels(unit.getId())).containsExactlyInAnyOrder("YUAN", "ZHULI");
        assertThat(authorities.mayApply(signedIn(unit))).isTrue();
    }

    @Test
    void aPersonOrAnotherKindOfUserHasNoPathsNorAuthority() {
        var person = fixtures.person("蒋个人");
        assertThatThrownBy(() -> paths.mine(person)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> authorities.apply(person, Set.of("ZHULI"), "HRSS370100"))
                .isInstanceOf(AccessDeniedException.class);
    }

    private static void assertRefused(Runnable action, String messageKey) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(
                        UnitRuleException.class, e -> assertThat(e.messageKey()).isEqualTo(messageKey));
    }
}
