package cn.hrss.zcrd.review;

import static cn.hrss.zcrd.declaration.DeclarationBuilder.NOW;
import static cn.hrss.zcrd.declaration.DeclarationBuilder.aDeclaration;
import static cn.hrss.zcrd.declaration.DeclarationBuilder.applicant;
import static cn.hrss.zcrd.declaration.DeclarationBuilder.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.declaration.Declaration;
import cn.hrss.zcrd.declaration.DeclarationFinallyApproved;
import cn.hrss.zcrd.declaration.DeclarationState;
import cn.hrss.zcrd.declaration.IllegalTransitionException;
import cn.hrss.zcrd.declaration.ModuleKind;
import cn.hrss.zcrd.declaration.NotCurrentUnitException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A three-level chain through the aggregate's own transitions (employer → competent department → issuing unit):
 * every step is taken by the unit the declaration is with, no step can be skipped, and a unit that passed it on
 * cannot decide any more. Plain Java.
 */
class ReviewChainStateMachineTest {

    static final long EMPLOYER = 11;
    static final long DEPARTMENT = 13;
    static final long ISSUER = 17;

    @Test
    void aThreeLevelChainEndsInTheFinalApprovalOfTheIssuingUnit() {
        Declaration d = aDeclaration().inState(DeclarationState.SUBMITTED);

        d.approve(unit(EMPLOYER), null, NOW);
        d.reportTo(DEPARTMENT, unit(EMPLOYER), null, NOW);
        assertThat(d.getCurrentUnitId()).isEqualTo(DEPARTMENT);
        d.approve(unit(DEPARTMENT), "同意", NOW);
        d.reportTo(ISSUER, unit(DEPARTMENT), null, NOW);
        d.finalApprove(unit(ISSUER), "终审通过", NOW);

        assertThat(d.getState()).isEqualTo(DeclarationState.FINAL_APPROVED);
        assertThat(d.getCurrentUnitId()).isEqualTo(ISSUER);
        assertThat(d.domainEvents())
                .filteredOn(DeclarationFinallyApproved.class::isInstance)
                .singleElement()
                .satisfies(e -> assertThat(((DeclarationFinallyApproved) e).approvingUnitId())
                        .isEqualTo(ISSUER));
        assertThat(d.wasSentTo(EMPLOYER)).isTrue();
        assertThat(d.wasSentTo(DEPARTMENT)).isTrue();
        assertThat(d.wasSentTo(99)).isFalse();
    }

    @Test
    void noStepCanBeSkipped() {
        Declaration submitted = aDeclaration().inState(DeclarationState.SUBMITTED);
        // reporting needs the unit's own approval first
        assertThatThrownBy(() -> submitted.reportTo(DEPARTMENT, unit(EMPLOYER), null, NOW))
                .isInstanceOf(IllegalTransitionException.class);
        // approved by the employer: the department cannot decide before it is reported to it
        submitted.approve(unit(EMPLOYER), null, NOW);
        assertThatThrownBy(() -> submitted.approve(unit(DEPARTMENT), null, NOW))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> submitted.finalApprove(unit(EMPLOYER), null, NOW))
                .isInstanceOf(IllegalTransitionException.class);
        // reported to the department: the employer cannot report it again nor decide on it
        submitted.reportTo(DEPARTMENT, unit(EMPLOYER), null, NOW);
        assertThatThrownBy(() -> submitted.reportTo(ISSUER, unit(EMPLOYER), null, NOW))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> submitted.approve(unit(EMPLOYER), null, NOW))
                .isInstanceOf(NotCurrentUnitException.class);
        assertThatThrownBy(() -> submitted.returnToApplicant(unit(EMPLOYER), Map.of(ModuleKind.WORK, "x"), null, NOW))
                .isInstanceOf(NotCurrentUnitException.class);
        // nor can the issuing unit decide on what was never sent to it
        assertThatThrownBy(() -> submitted.finalApprove(unit(ISSUER), null, NOW))
                .isInstanceOf(NotCurrentUnitException.class);
        assertThat(submitted.getState()).isEqualTo(DeclarationState.REPORTED);
    }

    @Test
    void aReturnFromTheSuperiorGoesToTheApplicantAndTheResubmissionComesBackToThatSuperior() {
        Declaration d = aDeclaration().inState(DeclarationState.REPORTED);
        d.returnToApplicant(
                unit(cn.hrss.zcrd.declaration.DeclarationBuilder.SUPERIOR_UNIT),
                Map.of(ModuleKind.WORK, "工作经历不完整"),
                null,
                NOW);
        assertThat(d.getState()).isEqualTo(DeclarationState.RETURNED);
        assertThat(d.getCurrentUnitId()).isNull();
        assertThat(d.canEdit(ModuleKind.WORK)).isTrue();
        assertThat(d.canEdit(ModuleKind.BASIC)).isFalse();
        d.replaceWork(java.util.List.of(cn.hrss.zcrd.declaration.DeclarationBuilder.work()), NOW);
        d.submit(applicant(), NOW);
        assertThat(d.getState()).isEqualTo(DeclarationState.SUBMITTED);
        assertThat(d.getCurrentUnitId()).isEqualTo(cn.hrss.zcrd.declaration.DeclarationBuilder.SUPERIOR_UNIT);
        // the superior decides again; the declaring unit, which approved it before, does not
        assertThatThrownBy(() -> d.approve(unit(cn.hrss.zcrd.declaration.DeclarationBuilder.DECLARING_UNIT), null, NOW))
                .isInstanceOf(NotCurrentUnitException.class);
        d.approve(unit(cn.hrss.zcrd.declaration.DeclarationBuilder.SUPERIOR_UNIT), null, NOW);
        assertThat(d.getState()).isEqualTo(DeclarationState.UNIT_APPROVED);
    }
}
