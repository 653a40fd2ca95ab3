package cn.hrss.zcrd.declaration.internal;

import static cn.hrss.zcrd.declaration.TransferBuilder.aTransfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.hrss.zcrd.catalog.Level;
import cn.hrss.zcrd.catalog.Title;
import cn.hrss.zcrd.declaration.AttachmentKind;
import cn.hrss.zcrd.declaration.Declaration;
import cn.hrss.zcrd.declaration.DeclarationBuilder;
import cn.hrss.zcrd.declaration.ModuleKind;
import cn.hrss.zcrd.declaration.ModuleLockedException;
import cn.hrss.zcrd.declaration.SubmissionProblem;
import cn.hrss.zcrd.declaration.TransferBuilder;
import cn.hrss.zcrd.shared.Refusal;
import cn.hrss.zcrd.unit.BusinessType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules of 确定申报 for a transfer-in confirmation (外地调入确认), each as a plain object. */
class TransferSubmissionPolicyTest {

    static final Level ZHONGJI = new Level(3, "ZHONGJI", "中级", true, 3, true);
    static final Title GONGCHENGSHI =
            new Title(TransferBuilder.TITLE, "GCS", "工程师", "ZHONGJI", "GONGCHENG", null, 3, true);
    static final LocalDate TODAY = LocalDate.of(2025, 6, 2);

    static SubmissionFacts facts(Declaration d, Optional<Title> title, boolean specialtyOffered, LocalDate today) {
        return new SubmissionFacts(d, Optional.of(ZHONGJI), Optional.empty(), title, specialtyOffered, 0, today);
    }

    static SubmissionFacts facts(Declaration d) {
        return facts(d, Optional.of(GONGCHENGSHI), true, TODAY);
    }

    static List<String> refusals(SubmissionFacts facts) {
        return SubmissionPolicy.of(BusinessType.TRANSFER_IN).stream()
                .flatMap(p -> p.problems(facts).stream())
                .map(p -> p.refusal().messageKey())
                .toList();
    }

    @Test
    void theTransferRulesAreTheirOwnListAndFullTimeKeepsItsRules() {
        assertThat(SubmissionPolicy.of(BusinessType.TRANSFER_IN))
                .extracting(p -> p.getClass().getSimpleName())
                .containsExactly(
                        "ModulesCompletePolicy",
                        "PhotoUploadedPolicy",
                        "RejectedModulesRevisedPolicy",
                        "TransferTitleInCatalogPolicy",
                        "TransferDatesPolicy",
                        "OneOpenDeclarationPolicy");
        assertThat(SubmissionPolicy.of(BusinessType.FULL_TIME_RECOGNITION))
                .extracting(p -> p.getClass().getSimpleName())
                .containsExactlyElementsOf(SubmissionPolicy.all().stream()
                        .map(p -> p.getClass().getSimpleName())
                        .toList());
    }

    @Test
    void aCompleteTransferWithBothScansMayBeSubmitted() {
        assertThat(refusals(facts(aTransfer().complete()))).isEmpty();
    }

    @Test
    void bothScansAreRequiredAndEveryMissingOneIsNamed() {
        Declaration d = aTransfer().draft();
        d.replaceWork(
                List.of(new cn.hrss.zcrd.declaration.WorkRecord(LocalDate.of(2015, 7, 1), null, "甲", "工程师")),
                DeclarationBuilder.NOW);
        assertThat(new ModulesCompletePolicy().problems(facts(d)))
                .extracting(p -> p.refusal().messageKey(), SubmissionProblem::module)
                .containsExactly(
                        tuple("declaration.rule.incomplete.original_certificate", ModuleKind.ORIGINAL_CERTIFICATE),
                        tuple("declaration.rule.incomplete.transfer_papers", ModuleKind.TRANSFER_PAPERS));

        TransferBuilder.upload(d, AttachmentKind.ORIGINAL_CERTIFICATE);
        assertThat(new ModulesCompletePolicy().problems(facts(d)))
                .extracting(p -> p.refusal().messageKey())
                .containsExactly("declaration.rule.incomplete.transfer_papers");

        TransferBuilder.upload(d, AttachmentKind.SOCIAL_INSURANCE);
        assertThat(new ModulesCompletePolicy().problems(facts(d))).isEmpty();
    }

    @Test
    void aTransferHasItsOwnModulesAndNoFullTimeOnes() {
        Declaration d = aTransfer().draft();
        assertThat(d.moduleKinds())
                .containsExactly(
                        ModuleKind.BASIC, ModuleKind.WORK, ModuleKind.ORIGINAL_CERTIFICATE, ModuleKind.TRANSFER_PAPERS);
        assertThat(d.canEdit(ModuleKind.EDUCATION)).isFalse();
        assertThatThrownBy(() -> TransferBuilder.upload(d, AttachmentKind.DIPLOMA))
                .isInstanceOf(ModuleLockedException.class);
        Declaration fullTime = DeclarationBuilder.aDeclaration().draft();
        assertThatThrownBy(() -> TransferBuilder.upload(fullTime, AttachmentKind.ORIGINAL_CERTIFICATE))
                .isInstanceOf(ModuleLockedException.class);
    }

    @Test
    void theTitleMustBeInTheCatalogForItsSeriesAndLevel() {
        Declaration d = aTransfer().complete();
        TransferTitleInCatalogPolicy policy = new TransferTitleInCatalogPolicy();
        assertThat(policy.check(facts(d, Optional.empty(), true, TODAY)))
                .map(Refusal::messageKey)
                .contains("declaration.rule.transfer.title-not-in-catalog");
        Title otherSeries = new Title(TransferBuilder.TITLE, "X", "会计师", "ZHONGJI", "KUAIJI", null, 3, true);
        assertThat(policy.check(facts(d, Optional.of(otherSeries), true, TODAY)))
                .map(Refusal::messageKey)
                .contains("declaration.rule.transfer.title-not-in-catalog");
        Title otherLevel = new Title(TransferBuilder.TITLE, "X", "高级工程师", "FUGAO", "GONGCHENG", null, 4, true);
        assertThat(policy.check(facts(d, Optional.of(otherLevel), true, TODAY)))
                .map(Refusal::messageKey)
                .contains("declaration.rule.transfer.title-not-in-catalog");
        Title disabled = new Title(TransferBuilder.TITLE, "GCS", "工程师", "ZHONGJI", "GONGCHENG", null, 3, false);
        assertThat(policy.check(facts(d, Optional.of(disabled), true, TODAY)))
                .map(Refusal::messageKey)
                .contains("declaration.rule.transfer.title-not-in-catalog");
        assertThat(policy.check(facts(d, Optional.of(GONGCHENGSHI), false, TODAY)))
                .map(Refusal::messageKey)
                .contains("declaration.rule.transfer.specialty-not-offered");
        assertThat(policy.check(facts(d))).isEmpty();
    }

    @Test
    void obtainedNoLaterThanTransferredNoLaterThanToday() {
        TransferDatesPolicy policy = new TransferDatesPolicy();
        Declaration sameDay = aTransfer()
                .obtainedOn(LocalDate.of(2025, 3, 1))
                .transferredOn(LocalDate.of(2025, 3, 1))
                .complete();
        assertThat(policy.check(facts(sameDay))).isEmpty();

        Declaration obtainedAfter = aTransfer()
                .obtainedOn(LocalDate.of(2025, 3, 2))
                .transferredOn(LocalDate.of(2025, 3, 1))
                .complete();
        assertThat(policy.check(facts(obtainedAfter))).hasValueSatisfying(r -> {
            assertThat(r.messageKey()).isEqualTo("declaration.rule.transfer.obtained-after-transfer");
            assertThat(r.arguments()).containsExactly("2025-03-02", "2025-03-01");
        });

        Declaration today = aTransfer().transferredOn(TODAY).complete();
        assertThat(policy.check(facts(today))).isEmpty();
        assertThat(policy.check(facts(today, Optional.of(GONGCHENGSHI), true, TODAY.minusDays(1))))
                .map(Refusal::messageKey)
                .contains("declaration.rule.transfer.transfer-in-future");
    }
}
