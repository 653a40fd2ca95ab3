package cn.hrss.zcrd.declaration;

import static cn.hrss.zcrd.declaration.DeclarationAction.APPROVE;
import static cn.hrss.zcrd.declaration.DeclarationAction.CERTIFY;
import static cn.hrss.zcrd.declaration.DeclarationAction.CORRECT_CERTIFICATE;
import static cn.hrss.zcrd.declaration.DeclarationAction.FINAL_APPROVE;
import static cn.hrss.zcrd.declaration.DeclarationAction.REISSUE_CERTIFICATE;
import static cn.hrss.zcrd.declaration.DeclarationAction.REPORT;
import static cn.hrss.zcrd.declaration.DeclarationAction.RETURN;
import static cn.hrss.zcrd.declaration.DeclarationAction.REVOKE_CERTIFICATE;
import static cn.hrss.zcrd.declaration.DeclarationAction.SUBMIT;
import static cn.hrss.zcrd.declaration.DeclarationAction.WITHDRAW;
import static cn.hrss.zcrd.declaration.DeclarationBuilder.DECLARING_UNIT;
import static cn.hrss.zcrd.declaration.DeclarationBuilder.NOW;
import static cn.hrss.zcrd.declaration.DeclarationBuilder.OTHER_UNIT;
import static cn.hrss.zcrd.declaration.DeclarationBuilder.SUPERIOR_UNIT;
import static cn.hrss.zcrd.declaration.DeclarationBuilder.aDeclaration;
import static cn.hrss.zcrd.declaration.DeclarationBuilder.applicant;
import static cn.hrss.zcrd.declaration.DeclarationBuilder.unit;
import static cn.hrss.zcrd.declaration.DeclarationState.CERTIFIED;
import static cn.hrss.zcrd.declaration.DeclarationState.DRAFT;
import static cn.hrss.zcrd.declaration.DeclarationState.FINAL_APPROVED;
import static cn.hrss.zcrd.declaration.DeclarationState.REPORTED;
import static cn.hrss.zcrd.declaration.DeclarationState.RETURNED;
import static cn.hrss.zcrd.declaration.DeclarationState.SUBMITTED;
import static cn.hrss.zcrd.declaration.DeclarationState.UNIT_APPROVED;
import static cn.hrss.zcrd.declaration.DeclarationState.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The declaration's state machine (SPEC §5), every state against every action, without Spring or a database. */
class DeclarationStateMachineTest {

    /** The allowed transitions, written out independently of the aggregate. */
    static final Map<DeclarationState, Set<DeclarationAction>> ALLOWED = Map.of(
            DRAFT, EnumSet.of(SUBMIT, WITHDRAW),
            SUBMITTED, EnumSet.of(APPROVE, FINAL_APPROVE, RETURN),
            UNIT_APPROVED, EnumSet.of(REPORT, RETURN),
            REPORTED, EnumSet.of(APPROVE, FINAL_APPROVE, RETURN),
            FINAL_APPROVED, EnumSet.of(CERTIFY),
            CERTIFIED, EnumSet.of(REVOKE_CERTIFICATE, REISSUE_CERTIFICATE, CORRECT_CERTIFICATE),
            RETURNED, EnumSet.of(SUBMIT, WITHDRAW),
            WITHDRAWN, EnumSet.noneOf(DeclarationAction.class));

    static final Map<DeclarationAction, DeclarationState> TARGET = Map.of(
            SUBMIT,
            SUBMITTED,
            APPROVE,
            UNIT_APPROVED,
            REPORT,
            REPORTED,
            FINAL_APPROVE,
            FINAL_APPROVED,
            RETURN,
            RETURNED,
            CERTIFY,
            CERTIFIED,
            WITHDRAW,
            WITHDRAWN,
            REVOKE_CERTIFICATE,
            CERTIFIED,
            REISSUE_CERTIFICATE,
            CERTIFIED,
            CORRECT_CERTIFICATE,
            CERTIFIED);

    static Stream<Arguments> allowed() {
        return pairs(true);
    }

    static Stream<Arguments> forbidden() {
        return pairs(false);
    }

    private static Stream<Arguments> pairs(boolean allowed) {
        List<Arguments> pairs = new ArrayList<>();
        for (DeclarationState state : DeclarationState.values()) {
            for (DeclarationAction action : DeclarationAction.values()) {
                if (ALLOWED.get(state).contains(action) == allowed) {
                    pairs.add(Arguments.of(state, action));
                }
            }
        }
        return pairs.stream();
    }

    /** Performs the action as the right actor: the applicant, or the unit the declaration is with. */
    private static void perform(Declaration d, DeclarationAction action) {
        Actor holder = unit(d.getCurrentUnitId() == null ? DECLARING_UNIT : d.getCurrentUnitId());
        switch (action) {
            case SUBMIT -> d.submit(applicant(), NOW);
            case APPROVE -> d.approve(holder, "同意", NOW);
            case REPORT -> d.reportTo(SUPERIOR_UNIT + 100, holder, "请审核", NOW);
            case FINAL_APPROVE -> d.finalApprove(holder, "同意认定", NOW);
            case RETURN -> d.returnToApplicant(holder, Map.of(ModuleKind.WORK, "工作经历不完整"), "请补充", NOW);
            case CERTIFY -> d.certify(new Actor(500, "发证员", null), "3701262026000001", NOW);
            case WITHDRAW -> d.withdraw(applicant(), NOW);
            case REVOKE_CERTIFICATE, REISSUE_CERTIFICATE, CORRECT_CERTIFICATE ->
                d.certificateChanged(action, "3701262026000002", "原因", new Actor(500, "发证员", null), NOW);
        }
    }

    @ParameterizedTest(name = "{0} --{1}--> allowed")
    @MethodSource("allowed")
    void anAllowedTransitionChangesTheStateRecordsHistoryAndRegistersAnEvent(
            DeclarationState state, DeclarationAction action) {
        Declaration d = aDeclaration().inState(state);
        int historyBefore = d.history().size();
        assertThat(d.allows(action)).isTrue();

        perform(d, action);

        assertThat(d.getState()).isEqualTo(TARGET.get(action));
        assertThat(d.history()).hasSize(historyBefore + 1);
        HistoryEntry last = d.history().get(historyBefore);
        assertThat(last.action()).isEqualTo(action);
        assertThat(d.domainEvents())
                .filteredOn(DeclarationStateChanged.class::isInstance)
                .singleElement()
                .isEqualTo(new DeclarationStateChanged(
                        0, action, state, TARGET.get(action), last.unitId(), d.getCurrentUnitId(), NOW));
    }

    @ParameterizedTest(name = "{0} --{1}--> refused")
    @MethodSource("forbidden")
    void aForbiddenTransitionIsRefusedWithItsMessageKeyAndChangesNothing(
            DeclarationState state, DeclarationAction action) {
        Declaration d = aDeclaration().inState(state);
        int historyBefore = d.history().size();
        Long unitBefore = d.getCurrentUnitId();
        assertThat(d.allows(action)).isFalse();

        assertThatThrownBy(() -> perform(d, action)).isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
            assertThat(e.messageKey())
                    .isEqualTo("declaration.error.transition."
                            + action.name().toLowerCase().replace('_', '-'));
            assertThat(e.action()).isEqualTo(action);
            assertThat(e.state()).isEqualTo(state);
        });
        assertThat(d.getState()).isEqualTo(state);
        assertThat(d.getCurrentUnitId()).isEqualTo(unitBefore);
        assertThat(d.history()).hasSize(historyBefore);
        assertThat(d.domainEvents()).isEmpty();
    }

    @Test
    void theMatrixCoversEveryStateAndTheAggregateAgrees() {
        assertThat(ALLOWED).containsOnlyKeys(DeclarationState.values());
        for (DeclarationState state : DeclarationState.values()) {
            Declaration d = aDeclaration().inState(state);
            assertThat(d.getState()).isEqualTo(state);
            for (DeclarationAction action : DeclarationAction.values()) {
                assertThat(d.allows(action))
                        .as(state + " " + action)
                        .isEqualTo(ALLOWED.get(state).contains(action));
            }
        }
    }

    @Test
    void theStatusShowsTheLatestStepOfTheCertificatesLifeAndItsNumber() {
        Declaration d = aDeclaration().inState(FINAL_APPROVED);
        Actor issuer = new Actor(500, "发证员", null);
        d.certify(issuer, "ZC2026000001000001", NOW);
        assertThat(d.statusKey()).isEqualTo("declaration.state.certified");
        assertThat(d.certificateNumber()).isEqualTo("ZC2026000001000001");

        d.certificateChanged(REISSUE_CERTIFICATE, "ZC2026000001000007", "证书遗失", issuer, NOW);
        assertThat(d.statusKey()).isEqualTo("declaration.status.reissue-certificate");
        assertThat(d.certificateNumber()).isEqualTo("ZC2026000001000007");
        d.certificateChanged(REVOKE_CERTIFICATE, "ZC2026000001000007", "材料不实", issuer, NOW);
        assertThat(d.statusKey()).isEqualTo("declaration.status.revoke-certificate");
        assertThat(d.getState()).isEqualTo(CERTIFIED);
        assertThat(d.history().get(d.history().size() - 1).certificateNumber()).isEqualTo("ZC2026000001000007");

        assertThatThrownBy(() -> d.certificateChanged(CERTIFY, "ZC2026000001000008", null, issuer, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void submittingSendsItToTheDeclaringUnitAndRecordsThat() {
        Declaration d = aDeclaration().complete();

        d.submit(applicant(), NOW);

        assertThat(d.getCurrentUnitId()).isEqualTo(DECLARING_UNIT);
        assertThat(d.getFirstSubmittedAt()).isEqualTo(NOW);
        assertThat(d.wasSentTo(DECLARING_UNIT)).isTrue();
        assertThat(d.wasSentTo(OTHER_UNIT)).isFalse();
        HistoryEntry entry = d.history().get(0);
        assertThat(entry.unitId()).isNull();
        assertThat(entry.toUnitId()).isEqualTo(DECLARING_UNIT);
    }

    @Test
    void onlyTheApplicantMaySubmitOrWithdraw() {
        Declaration d = aDeclaration().complete();

        assertThatThrownBy(() -> d.submit(Actor.applicant(4242, "李四"), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withdraw(unit(DECLARING_UNIT), NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThat(d.getState()).isEqualTo(DRAFT);
    }

    @Test
    void aUnitTheDeclarationIsNotWithCannotDecide() {
        Declaration submitted = aDeclaration().inState(SUBMITTED);
        assertNotCurrentUnit(() -> submitted.approve(unit(OTHER_UNIT), null, NOW), submitted);
        assertNotCurrentUnit(() -> submitted.finalApprove(unit(OTHER_UNIT), null, NOW), submitted);
        assertNotCurrentUnit(
                () -> submitted.returnToApplicant(unit(OTHER_UNIT), Map.of(ModuleKind.BASIC, "x"), null, NOW),
                submitted);
        assertNotCurrentUnit(() -> submitted.approve(applicant(), null, NOW), submitted);

        Declaration approved = aDeclaration().inState(UNIT_APPROVED);
        assertNotCurrentUnit(() -> approved.reportTo(SUPERIOR_UNIT, unit(OTHER_UNIT), null, NOW), approved);

        // once reported, the declaring unit has handed it on: only the superior decides
        Declaration reported = aDeclaration().inState(REPORTED);
        assertThat(reported.getCurrentUnitId()).isEqualTo(SUPERIOR_UNIT);
        assertNotCurrentUnit(() -> reported.approve(unit(DECLARING_UNIT), null, NOW), reported);
        assertNotCurrentUnit(() -> reported.finalApprove(unit(DECLARING_UNIT), null, NOW), reported);
        reported.approve(unit(SUPERIOR_UNIT), "同意", NOW);
        assertThat(reported.getState()).isEqualTo(UNIT_APPROVED);
        assertThat(reported.wasSentTo(DECLARING_UNIT)).isTrue();
        assertThat(reported.wasSentTo(SUPERIOR_UNIT)).isTrue();
    }

    private static void assertNotCurrentUnit(Runnable decision, Declaration d) {
        DeclarationState before = d.getState();
        int history = d.history().size();
        assertThatThrownBy(decision::run)
                .isInstanceOfSatisfying(
                        NotCurrentUnitException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("declaration.error.not-current-unit"));
        assertThat(d.getState()).isEqualTo(before);
        assertThat(d.history()).hasSize(history);
    }

    @Test
    void aUnitCannotReportToItself() {
        Declaration d = aDeclaration().inState(UNIT_APPROVED);

        assertThatThrownBy(() -> d.reportTo(DECLARING_UNIT, unit(DECLARING_UNIT), null, NOW))
                .isInstanceOfSatisfying(
                        DeclarationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("declaration.error.report-to-self"));
        assertThat(d.getState()).isEqualTo(UNIT_APPROVED);
    }

    @Test
    void reportingHandsTheDeclarationToTheSuperiorAndRecordsIt() {
        Declaration d = aDeclaration().inState(UNIT_APPROVED);

        d.reportTo(SUPERIOR_UNIT, unit(DECLARING_UNIT), "请审核", NOW);

        assertThat(d.getCurrentUnitId()).isEqualTo(SUPERIOR_UNIT);
        HistoryEntry last = d.history().get(d.history().size() - 1);
        assertThat(last.unitId()).isEqualTo(DECLARING_UNIT);
        assertThat(last.toUnitId()).isEqualTo(SUPERIOR_UNIT);
    }

    @Test
    void aReturnNeedsAtLeastOneModuleOpinion() {
        Declaration d = aDeclaration().inState(SUBMITTED);

        for (Map<ModuleKind, String> opinions : List.of(Map.<ModuleKind, String>of(), Map.of(ModuleKind.WORK, "  "))) {
            assertThatThrownBy(() -> d.returnToApplicant(unit(DECLARING_UNIT), opinions, "请补充", NOW))
                    .isInstanceOfSatisfying(
                            DeclarationException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("declaration.error.return-needs-opinion"));
        }
        assertThat(d.getState()).isEqualTo(SUBMITTED);
        assertThat(d.moduleState(ModuleKind.WORK)).isEqualTo(ModuleState.NORMAL);
    }

    @Test
    void afterAReturnOnlyTheRejectedModulesMayChangeAndBecomeModified() {
        Declaration d = aDeclaration().inState(SUBMITTED);
        d.returnToApplicant(
                unit(DECLARING_UNIT),
                Map.of(ModuleKind.EDUCATION, "学历信息不完整", ModuleKind.ATTACHMENTS, "缺少学位证书"),
                "请修改",
                NOW);

        assertThat(d.getState()).isEqualTo(RETURNED);
        assertThat(d.getCurrentUnitId()).isNull();
        assertThat(d.moduleState(ModuleKind.EDUCATION)).isEqualTo(ModuleState.REJECTED);
        assertThat(d.moduleOpinion(ModuleKind.EDUCATION)).hasValue("学历信息不完整");
        assertThat(d.moduleState(ModuleKind.WORK)).isEqualTo(ModuleState.NORMAL);
        assertThat(d.canEdit(ModuleKind.EDUCATION)).isTrue();
        assertThat(d.canEdit(ModuleKind.WORK)).isFalse();

        List<WorkRecord> workBefore = d.workRecords();
        assertThatThrownBy(() -> d.replaceWork(List.of(), NOW))
                .isInstanceOfSatisfying(ModuleLockedException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("declaration.error.module-locked");
                    assertThat(e.module()).isEqualTo(ModuleKind.WORK);
                });
        assertThatThrownBy(() -> d.changeBasic(aDeclaration().basic(), "GONGCHENG", NOW))
                .isInstanceOf(ModuleLockedException.class);
        assertThatThrownBy(() -> d.changePerformance(new Performance("x", ProbationResult.EXCELLENT), NOW))
                .isInstanceOf(ModuleLockedException.class);
        assertThat(d.workRecords()).isEqualTo(workBefore);

        d.replaceEducation(List.of(DeclarationBuilder.education(), DeclarationBuilder.education()), NOW);
        assertThat(d.moduleState(ModuleKind.EDUCATION)).isEqualTo(ModuleState.MODIFIED);
        assertThat(d.moduleOpinion(ModuleKind.EDUCATION))
                .as("the opinion stays visible")
                .hasValue("学历信息不完整");

        d.submit(applicant(), NOW);
        assertThat(d.getState()).isEqualTo(SUBMITTED);
        assertThat(d.getCurrentUnitId()).isEqualTo(DECLARING_UNIT);
    }

    @Test
    void aSecondReturnResetsTheModulesNotRejectedThisTime() {
        Declaration d = aDeclaration().inState(RETURNED);
        d.replaceEducation(List.of(DeclarationBuilder.education()), NOW);
        d.submit(applicant(), NOW);

        d.returnToApplicant(unit(DECLARING_UNIT), Map.of(ModuleKind.WORK, "请补充"), null, NOW);

        assertThat(d.moduleState(ModuleKind.EDUCATION)).isEqualTo(ModuleState.NORMAL);
        assertThat(d.moduleState(ModuleKind.WORK)).isEqualTo(ModuleState.REJECTED);
    }

    @Test
    void nothingChangesWhileTheDeclarationIsWithAUnitOrClosed() {
        for (DeclarationState state : EnumSet.complementOf(EnumSet.of(DRAFT, RETURNED))) {
            Declaration d = aDeclaration().inState(state);
            for (ModuleKind module : d.moduleKinds()) {
                assertThat(d.canEdit(module)).isFalse();
                assertThatThrownBy(() -> d.requireEditable(module))
                        .isInstanceOfSatisfying(
                                ModuleLockedException.class,
                                e -> assertThat(e.messageKey()).isEqualTo("declaration.error.locked"));
            }
            assertThatThrownBy(() -> d.replaceEducation(List.of(), NOW)).isInstanceOf(ModuleLockedException.class);
            assertThatThrownBy(() ->
                            d.addAttachment(AttachmentKind.OTHER, "x.pdf", "x.pdf", "application/pdf", 1, "00", NOW))
                    .isInstanceOf(ModuleLockedException.class);
            assertThat(d.educationRecords()).hasSize(1);
        }
    }

    @Test
    void aDraftMayChangeEveryModule() {
        Declaration d = aDeclaration().draft();
        for (ModuleKind module : d.moduleKinds()) {
            assertThat(d.canEdit(module)).isTrue();
            assertThat(d.moduleState(module)).isEqualTo(ModuleState.NORMAL);
        }
    }

    @Test
    void finalApprovalPublishesWhatTheCertificateLibraryNeeds() {
        Declaration d = aDeclaration().inState(REPORTED);

        d.finalApprove(unit(SUPERIOR_UNIT), "同意", NOW);

        assertThat(d.domainEvents())
                .filteredOn(DeclarationFinallyApproved.class::isInstance)
                .singleElement()
                .isEqualTo(new DeclarationFinallyApproved(
                        0,
                        DeclarationBuilder.APPLICANT,
                        2025,
                        "ZHULI",
                        "GONGCHENG",
                        102,
                        1001,
                        SUPERIOR_UNIT,
                        NOW,
                        cn.hrss.zcrd.unit.BusinessType.FULL_TIME_RECOGNITION,
                        null));
        d.clearDomainEvents();
        assertThat(d.domainEvents()).isEmpty();
    }

    @Test
    void openMeansSubmittedAndNotClosed() {
        assertThat(EnumSet.allOf(DeclarationState.class))
                .filteredOn(DeclarationState::isOpen)
                .containsExactlyInAnyOrder(SUBMITTED, UNIT_APPROVED, REPORTED, FINAL_APPROVED, RETURNED);
    }

    @Test
    void modulesReportWhetherTheyAreComplete() {
        Declaration draft = aDeclaration().draft();
        assertThat(draft.isComplete(ModuleKind.BASIC)).isTrue();
        for (ModuleKind module :
                List.of(ModuleKind.EDUCATION, ModuleKind.WORK, ModuleKind.PERFORMANCE, ModuleKind.ATTACHMENTS)) {
            assertThat(draft.isComplete(module)).as(module.name()).isFalse();
        }
        draft.changePerformance(new Performance("业绩", null), NOW);
        assertThat(draft.isComplete(ModuleKind.PERFORMANCE))
                .as("probation result missing")
                .isFalse();
        draft.addAttachment(AttachmentKind.DEGREE_CERTIFICATE, "学位证.jpg", "b.jpg", "image/jpeg", 1, "00", NOW);
        assertThat(draft.isComplete(ModuleKind.ATTACHMENTS))
                .as("a diploma is required")
                .isFalse();

        assertThat(aDeclaration().complete()).satisfies(d -> {
            for (ModuleKind module : d.moduleKinds()) {
                assertThat(d.isComplete(module)).as(module.name()).isTrue();
            }
        });
    }
}
