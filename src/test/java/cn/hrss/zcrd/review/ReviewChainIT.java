package cn.hrss.zcrd.review;

import static cn.hrss.zcrd.review.ReviewFixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.declaration.DeclarationAction;
import cn.hrss.zcrd.declaration.DeclarationDetails;
import cn.hrss.zcrd.declaration.DeclarationException;
import cn.hrss.zcrd.declaration.DeclarationFinallyApproved;
import cn.hrss.zcrd.declaration.DeclarationState;
import cn.hrss.zcrd.declaration.ModuleKind;
import cn.hrss.zcrd.declaration.ModuleState;
import cn.hrss.zcrd.declaration.QueueItem;
import cn.hrss.zcrd.declaration.QueueQuery;
import cn.hrss.zcrd.declaration.QueueSort;
import cn.hrss.zcrd.declaration.QueueStatus;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.unit.BusinessType;
import cn.hrss.zcrd.unit.PathApplication;
import cn.hrss.zcrd.unit.Unit;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The review chain through the services on MariaDB: return, resubmission, approval, reporting, final approval. */
@IntegrationTest
@RecordApplicationEvents
class ReviewChainIT extends ReviewServicesBase {

    @Autowired
    ApplicationEvents events;

    @Test
    void aDeclarationGoesFromTheEmployerThroughTheDepartmentToTheIssuingUnitAndEveryStepIsRecorded() {
        Unit employer = fixtures.unit("链测试用人单位");
        Unit department = fixtures.unit("链测试主管部门");
        Unit issuer = fixtures.unit("链测试发证单位");
        fixtures.effectivePath(employer, department);
        fixtures.effectivePath(department, issuer);
        fixtures.grantIssuingAuthority(issuer, "ZHULI", "ZHONGJI");
        PortalUser person = fixtures.person("周链条");
        long id = fixtures.submitted(person, employer);

        decisions.returnToApplicant(id, signedIn(employer), Map.of(ModuleKind.WORK, "请写明工作岗位的起止时间"), null);
        DeclarationDetails returned = declarations.details(id, person);
        assertThat(returned.state()).isEqualTo(DeclarationState.RETURNED);
        assertThat(returned.module(ModuleKind.WORK).state()).isEqualTo(ModuleState.REJECTED);
        assertThat(returned.module(ModuleKind.BASIC).editable()).isFalse();
        fixtures.workCorrectedAndResubmitted(id, person);

        assertThat(decisions.approvalFor(id, signedIn(employer))).isEqualTo(ApprovalPolicy.Outcome.APPROVED);
        assertThat(decisions.approve(id, signedIn(employer), "材料齐全")).isEqualTo(ApprovalPolicy.Outcome.APPROVED);
        ReportResult first = decisions.report(List.of(id), signedIn(employer), null);
        assertThat(first.refused()).isEmpty();
        assertThat(first.reported())
                .singleElement()
                .satisfies(r -> assertThat(r.superiorUnitName()).isEqualTo(department.getName()));
        assertThat(decisions.approve(id, signedIn(department), null)).isEqualTo(ApprovalPolicy.Outcome.APPROVED);
        assertThat(decisions.report(List.of(id), signedIn(department), "同意上报").reported())
                .hasSize(1);
        assertThat(decisions.approvalFor(id, signedIn(issuer))).isEqualTo(ApprovalPolicy.Outcome.FINAL_APPROVED);
        assertThat(decisions.approve(id, signedIn(issuer), "同意")).isEqualTo(ApprovalPolicy.Outcome.FINAL_APPROVED);

        DeclarationDetails done = declarations.details(id, person);
        assertThat(done.state()).isEqualTo(DeclarationState.FINAL_APPROVED);
        assertThat(done.history())
                .extracting(DeclarationDetails.HistoryItem::action)
                .containsExactly(
                        DeclarationAction.SUBMIT,
                        DeclarationAction.RETURN,
                        DeclarationAction.SUBMIT,
                        DeclarationAction.APPROVE,
                        DeclarationAction.REPORT,
                        DeclarationAction.APPROVE,
                        DeclarationAction.REPORT,
                        DeclarationAction.FINAL_APPROVE);
        assertThat(done.history())
                .extracting(DeclarationDetails.HistoryItem::unitName)
                .containsExactly(
                        null,
                        employer.getName(),
                        null,
                        employer.getName(),
                        employer.getName(),
                        department.getName(),
                        department.getName(),
                        issuer.getName());
        assertThat(done.history().get(1).moduleOpinions()).containsEntry(ModuleKind.WORK, "请写明工作岗位的起止时间");
        assertThat(done.history().get(4).toUnitName()).isEqualTo(department.getName());
        assertThat(done.history().get(6).toUnitName()).isEqualTo(issuer.getName());
        assertThat(events.stream(DeclarationFinallyApproved.class))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.declarationId()).isEqualTo(id);
                    assertThat(e.approvingUnitId()).isEqualTo(issuer.getId());
                });
        assertThat(queue.page(signedIn(issuer), QueueQuery.of(QueueStatus.FINAL_APPROVED), 0, 10, null, true))
                .extracting(QueueItem::id)
                .containsExactly(id);
        assertThat(jdbc.queryForList(
                        "select action_code from audit_record where target_type = 'DECLARATION' "
                                + "and target_id = ? and outcome = 'SUCCESS' order by id",
                        String.class,
                        String.valueOf(id)))
                .containsExactly(
                        "DECLARATION_RETURNED",
                        "DECLARATION_APPROVED",
                        "DECLARATION_REPORTED",
                        "DECLARATION_APPROVED",
                        "DECLARATION_REPORTED",
                        "DECLARATION_FINAL_APPROVED");
    }

    @Test
    void aReturnBySuperiorComesBackToThatSuperiorAfterResubmission() {
        Unit employer = fixtures.unit("退回测试用人单位");
        Unit department = fixtures.unit("退回测试主管部门");
        fixtures.effectivePath(employer, department);
        PortalUser person = fixtures.person("吴退回");
        long id = fixtures.submitted(person, employer);
        decisions.approve(id, signedIn(employer), null);
        decisions.report(List.of(id), signedIn(employer), null);

        decisions.returnToApplicant(id, signedIn(department), Map.of(ModuleKind.PERFORMANCE, "业绩描述过于简单"), "请补充");
        declarations.savePerformance(
                id,
                person,
                new cn.hrss.zcrd.declaration.Performance(
                        "负责减速器箱体的结构设计、强度校核和出图，参与两项产品的试制。", cn.hrss.zcrd.declaration.ProbationResult.EXCELLENT));
        declarations.submit(id, person);

        DeclarationDetails again = declarations.details(id, person);
        assertThat(again.state()).isEqualTo(DeclarationState.SUBMITTED);
        assertThat(again.currentUnitId()).isEqualTo(department.getId());
        assertThatThrownBy(() -> decisions.approve(id, signedIn(employer), null))
                .isInstanceOfSatisfying(
                        DeclarationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("declaration.error.not-current-unit"));
        assertThat(decisions.approve(id, signedIn(department), null)).isEqualTo(ApprovalPolicy.Outcome.APPROVED);
    }

    @Test
    void reportingIsRefusedWithoutAnEffectivePathOfTheSameLevelAndSeriesAndSaysWhichOneToApplyFor() {
        Unit employer = fixtures.unit("路径测试用人单位");
        Unit department = fixtures.unit("路径测试主管部门");
        fixtures.effectivePath(employer, department, "ZHONGJI", "GONGCHENG");
        fixtures.effectivePath(employer, department, "ZHULI", "WEISHENG");
        long id = fixtures.submitted(fixtures.person("郑无路"), employer);
        decisions.approve(id, signedIn(employer), null);

        ReportResult noPath = decisions.report(List.of(id), signedIn(employer), null);
        assertThat(noPath.reported()).isEmpty();
        assertThat(noPath.refused()).singleElement().satisfies(r -> {
            assertThat(r.reason().messageKey()).isEqualTo("review.report.no-path");
            assertThat(r.reason().arguments()).containsExactly("助理级", "工程");
            assertThat(r.applicantName()).isEqualTo("郑无路");
        });

        long pending = paths.apply(
                signedIn(employer),
                new PathApplication(department.getId(), "ZHULI", "GONGCHENG", BusinessType.TRANSFER_IN));
        ReportResult notYet = decisions.report(List.of(id), signedIn(employer), null);
        assertThat(notYet.refused()).singleElement().satisfies(r -> {
            assertThat(r.reason().messageKey()).isEqualTo("review.report.path-pending");
            assertThat(r.reason().arguments()).containsExactly("助理级", "工程", department.getName());
        });
        assertThat(declarations.details(id, signedIn(employer)).state()).isEqualTo(DeclarationState.UNIT_APPROVED);

        // a path applied for 外地调入 serves full-time recognition too
        paths.approve(pending, signedIn(department), null);
        assertThat(decisions.report(List.of(id), signedIn(employer), null).reported())
                .hasSize(1);
        assertThat(declarations.details(id, signedIn(department)).currentUnitId())
                .isEqualTo(department.getId());
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_record where action_code = 'DECLARATION_REPORTED' "
                                + "and target_id = ? and outcome = 'REFUSED'",
                        Long.class,
                        String.valueOf(id)))
                .isEqualTo(2);
    }

    @Test
    void aReturnNeedsAModuleOpinionAndNothingChangesWithoutOne() {
        Unit employer = fixtures.unit("意见测试用人单位");
        long id = fixtures.submitted(fixtures.person("王意见"), employer);

        assertThatThrownBy(() ->
                        decisions.returnToApplicant(id, signedIn(employer), Map.of(ModuleKind.BASIC, "  "), "整体意见"))
                .isInstanceOfSatisfying(
                        DeclarationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("declaration.error.return-needs-opinion"));
        assertThat(declarations.details(id, signedIn(employer)).state()).isEqualTo(DeclarationState.SUBMITTED);
    }

    @Test
    void theQueueHoldsOnlyTheUnitsOwnDeclarationsFilteredSortedAndPagedInTheDatabase() {
        Unit employer = fixtures.unit("队列测试用人单位");
        Unit other = fixtures.unit("队列测试其他单位");
        Unit department = fixtures.unit("队列测试主管部门");
        fixtures.effectivePath(employer, department);
        long a = fixtures.submitted(fixtures.person("甲队列"), employer);
        long b = fixtures.submitted(fixtures.person("乙队列"), employer);
        long c = fixtures.submitted(fixtures.person("丙队列"), employer);
        long foreign = fixtures.submitted(fixtures.person("丁队列"), other);
        PortalUser me = signedIn(employer);

        assertThat(queue.count(me, QueueQuery.pending())).isEqualTo(3);
        assertThat(queue.page(me, QueueQuery.pending(), 0, 2, QueueSort.SUBMITTED_AT, true))
                .extracting(QueueItem::id)
                .containsExactly(a, b);
        assertThat(queue.page(me, QueueQuery.pending(), 2, 2, QueueSort.SUBMITTED_AT, true))
                .extracting(QueueItem::id)
                .containsExactly(c);
        assertThat(queue.page(me, QueueQuery.pending(), 0, 10, QueueSort.SUBMITTED_AT, false))
                .extracting(QueueItem::id)
                .containsExactly(c, b, a)
                .doesNotContain(foreign);
        QueueItem first = queue.page(
                        me, new QueueQuery("乙", null, null, null, null, null, null, null, null), 0, 10, null, true)
                .get(0);
        assertThat(first.id()).isEqualTo(b);
        assertThat(first.levelName()).isEqualTo("助理级");
        assertThat(first.seriesName()).isEqualTo("工程");
        assertThat(first.titleName()).isEqualTo("助理工程师");
        assertThat(first.declaringUnitName()).isEqualTo(employer.getName());
        assertThat(first.withThisUnit()).isTrue();
        assertThat(queue.count(
                        me,
                        new QueueQuery(
                                null,
                                first.applicantIdNumber(),
                                "ZHULI",
                                "GONGCHENG",
                                null,
                                LocalDate.now(BusinessTime.DEFAULT_ZONE),
                                LocalDate.now(BusinessTime.DEFAULT_ZONE),
                                null,
                                null)))
                .isEqualTo(1);
        assertThat(queue.count(me, new QueueQuery(null, null, "ZHONGJI", null, null, null, null, null, null)))
                .isZero();
        assertThat(queue.count(me, new QueueQuery(null, null, null, "WEISHENG", null, null, null, null, null)))
                .isZero();
        assertThat(queue.count(
                        me,
                        new QueueQuery(
                                null,
                                null,
                                null,
                                null,
                                null,
                                LocalDate.now(BusinessTime.DEFAULT_ZONE).plusDays(1),
                                null,
                                null,
                                null)))
                .isZero();
        assertThat(queue.count(me, new QueueQuery("%", null, null, null, null, null, null, null, null)))
                .isZero();

        decisions.approve(a, me, null);
        decisions.approve(b, me, null);
        decisions.report(List.of(b), me, null);
        decisions.returnToApplicant(c, me, Map.of(ModuleKind.EDUCATION, "学历信息有误"), null);
        assertThat(queue.page(me, QueueQuery.of(QueueStatus.APPROVED), 0, 10, null, true))
                .extracting(QueueItem::id)
                .containsExactly(a);
        assertThat(queue.page(me, QueueQuery.of(QueueStatus.HANDLED), 0, 10, null, true))
                .extracting(QueueItem::id)
                .containsExactlyInAnyOrder(b, c)
                .allSatisfy(id -> assertThat(id).isNotEqualTo(a));
        assertThat(queue.page(me, QueueQuery.of(QueueStatus.CURRENT), 0, 10, null, true))
                .extracting(QueueItem::id)
                .containsExactly(a);
        assertThat(queue.page(signedIn(department), QueueQuery.pending(), 0, 10, null, true))
                .extracting(QueueItem::id, QueueItem::withThisUnit)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(b, true));
        assertThat(queue.count(signedIn(other), QueueQuery.of(QueueStatus.CURRENT)))
                .isEqualTo(1);
    }
}
