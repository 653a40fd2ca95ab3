package cn.hrss.zcrd.declaration.internal;

import static cn.hrss.zcrd.declaration.DeclarationBuilder.NOW;
import static cn.hrss.zcrd.declaration.DeclarationBuilder.aDeclaration;
import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.catalog.DeclarationMethod;
import cn.hrss.zcrd.catalog.Education;
import cn.hrss.zcrd.catalog.Level;
import cn.hrss.zcrd.declaration.Declaration;
import cn.hrss.zcrd.declaration.DeclarationBuilder;
import cn.hrss.zcrd.declaration.DeclarationState;
import cn.hrss.zcrd.declaration.ModuleKind;
import cn.hrss.zcrd.declaration.Performance;
import cn.hrss.zcrd.declaration.ProbationResult;
import cn.hrss.zcrd.declaration.SubmissionProblem;
import cn.hrss.zcrd.shared.Refusal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each rule of 确定申报 on its own, as plain objects. */
class SubmissionPolicyTest {

    static final Level ZHULI = new Level(2, "ZHULI", "助理级", true, 2, true);
    static final Level FUGAO = new Level(4, "FUGAO", "副高级", false, 4, true);
    static final DeclarationMethod BENKE_1Y =
            new DeclarationMethod(5, "BENKE_1Y", "全日制大学本科毕业见习期满一年", "ZHULI", Education.BACHELOR, 1, 5, true);
    static final DeclarationMethod SHUOSHI =
            new DeclarationMethod(7, "SHUOSHI", "硕士研究生毕业", "ZHULI", Education.MASTER, 0, 7, true);
    static final DeclarationMethod BOSHI =
            new DeclarationMethod(9, "BOSHI", "博士研究生毕业", "ZHONGJI", Education.DOCTORATE, 0, 9, true);
    static final LocalDate TODAY = LocalDate.of(2025, 6, 2);

    static SubmissionFacts facts(Declaration d) {
        return facts(d, BENKE_1Y, 0, TODAY);
    }

    static SubmissionFacts facts(Declaration d, DeclarationMethod method, long otherOpen, LocalDate today) {
        return new SubmissionFacts(d, Optional.of(ZHULI), Optional.ofNullable(method), otherOpen, today);
    }

    @Test
    void everyRuleIsListedOnce() {
        assertThat(SubmissionPolicy.all())
                .extracting(p -> p.getClass().getSimpleName())
                .doesNotHaveDuplicates()
                .containsExactly(
                        "ModulesCompletePolicy",
                        "PhotoUploadedPolicy",
                        "RejectedModulesRevisedPolicy",
                        "WorkUnitRequiredPolicy",
                        "DeclarationMethodFitsLevelPolicy",
                        "EducationFitsMethodPolicy",
                        "YearsOfWorkPolicy",
                        "OneOpenDeclarationPolicy");
    }

    @Test
    void aCompleteValidDeclarationPassesEveryRule() {
        SubmissionFacts facts = facts(aDeclaration().complete());
        assertThat(SubmissionPolicy.all())
                .allSatisfy(p -> assertThat(p.problems(facts)).as(p.toString()).isEmpty());
    }

    @Nested
    class PhotoUploaded {

        final PhotoUploadedPolicy policy = new PhotoUploadedPolicy();

        @Test
        void refusesADeclarationWithoutTheIdPhoto() {
            assertThat(policy.check(facts(aDeclaration().complete()))).isEmpty();

            Declaration withoutPhoto = aDeclaration().draft();
            withoutPhoto.replaceEducation(List.of(DeclarationBuilder.education()), NOW);
            assertThat(policy.check(facts(withoutPhoto))).hasValue(Refusal.of("declaration.rule.photo-missing"));
        }
    }

    @Nested
    class ModulesComplete {

        final ModulesCompletePolicy policy = new ModulesCompletePolicy();

        @Test
        void namesEveryIncompleteModuleAndEachMissingFieldAtOnce() {
            assertThat(policy.problems(facts(aDeclaration().draft())))
                    .containsExactly(
                            SubmissionProblem.of(
                                    Refusal.of("declaration.rule.incomplete.education"), ModuleKind.EDUCATION),
                            SubmissionProblem.of(Refusal.of("declaration.rule.incomplete.work"), ModuleKind.WORK),
                            new SubmissionProblem(
                                    Refusal.of("declaration.rule.missing.achievements"),
                                    ModuleKind.PERFORMANCE,
                                    "achievements"),
                            new SubmissionProblem(
                                    Refusal.of("declaration.rule.missing.probation-result"),
                                    ModuleKind.PERFORMANCE,
                                    "probationResult"),
                            SubmissionProblem.of(
                                    Refusal.of("declaration.rule.incomplete.attachments"), ModuleKind.ATTACHMENTS));
        }

        @Test
        void namesOnlyTheFieldThatIsStillMissing() {
            Declaration d = aDeclaration().complete();
            d.changePerformance(new Performance("业绩", null), NOW);

            assertThat(policy.problems(facts(d)))
                    .containsExactly(new SubmissionProblem(
                            Refusal.of("declaration.rule.missing.probation-result"),
                            ModuleKind.PERFORMANCE,
                            "probationResult"));
        }

        @Test
        void aDiplomaIsRequiredAmongTheAttachments() {
            Declaration d = aDeclaration().draft();
            d.replaceEducation(List.of(DeclarationBuilder.education()), NOW);
            d.replaceWork(List.of(DeclarationBuilder.work()), NOW);
            d.changePerformance(new Performance("业绩", ProbationResult.EXCELLENT), NOW);

            assertThat(policy.problems(facts(d)))
                    .containsExactly(SubmissionProblem.of(
                            Refusal.of("declaration.rule.incomplete.attachments"), ModuleKind.ATTACHMENTS));
        }

        @Test
        void passesWhenEveryModuleIsComplete() {
            assertThat(policy.problems(facts(aDeclaration().complete()))).isEmpty();
        }
    }

    @Nested
    class RejectedModulesRevised {

        final RejectedModulesRevisedPolicy policy = new RejectedModulesRevisedPolicy();

        @Test
        void refusesWhileARejectedModuleIsUnchanged() {
            Declaration returned = aDeclaration().inState(DeclarationState.RETURNED);
            assertThat(returned.moduleState(ModuleKind.EDUCATION))
                    .isEqualTo(cn.hrss.zcrd.declaration.ModuleState.REJECTED);

            assertThat(policy.problems(facts(returned)))
                    .containsExactly(SubmissionProblem.of(
                            Refusal.of("declaration.rule.unrevised.education"), ModuleKind.EDUCATION));
        }

        @Test
        void passesOnceTheRejectedModuleWasChanged() {
            Declaration returned = aDeclaration().inState(DeclarationState.RETURNED);
            returned.replaceEducation(List.of(DeclarationBuilder.education()), NOW);

            assertThat(policy.problems(facts(returned))).isEmpty();
        }
    }

    @Test
    void aOneReasonRuleIsLinkedToItsFieldOfTheBasicModule() {
        assertThat(new WorkUnitRequiredPolicy()
                        .problems(facts(aDeclaration().notAtWorkUnit(null).complete())))
                .containsExactly(new SubmissionProblem(
                        Refusal.of("declaration.rule.work-unit-required"), ModuleKind.BASIC, "workUnitId"));
    }

    @Nested
    class WorkUnitRequired {

        final WorkUnitRequiredPolicy policy = new WorkUnitRequiredPolicy();

        @Test
        void refusesWhenTheDeclaringUnitIsNotTheWorkUnitAndNoWorkUnitIsGiven() {
            assertThat(policy.check(facts(aDeclaration().notAtWorkUnit(null).complete())))
                    .hasValue(Refusal.of("declaration.rule.work-unit-required"));
        }

        @Test
        void passesWithAWorkUnitOrWhenTheDeclaringUnitIsTheWorkUnit() {
            assertThat(policy.check(facts(aDeclaration()
                            .notAtWorkUnit(DeclarationBuilder.WORK_UNIT)
                            .complete())))
                    .isEmpty();
            assertThat(policy.check(facts(aDeclaration().complete()))).isEmpty();
        }
    }

    @Nested
    class DeclarationMethodFitsLevel {

        final DeclarationMethodFitsLevelPolicy policy = new DeclarationMethodFitsLevelPolicy();

        @Test
        void refusesAMethodOfAnotherLevel() {
            assertThat(policy.check(facts(aDeclaration().complete(), BOSHI, 0, TODAY)))
                    .hasValue(Refusal.of("declaration.rule.method-not-for-level", "博士研究生毕业", "助理级"));
        }

        @Test
        void refusesAMissingOrDisabledMethod() {
            DeclarationMethod disabled =
                    new DeclarationMethod(5, "BENKE_1Y", "停用", "ZHULI", Education.BACHELOR, 1, 5, false);
            assertThat(policy.check(facts(aDeclaration().complete(), null, 0, TODAY)))
                    .hasValue(Refusal.of("declaration.rule.method-unavailable"));
            assertThat(policy.check(facts(aDeclaration().complete(), disabled, 0, TODAY)))
                    .hasValue(Refusal.of("declaration.rule.method-unavailable"));
        }

        @Test
        void refusesALevelFullTimeRecognitionDoesNotGrant() {
            var facts =
                    new SubmissionFacts(aDeclaration().complete(), Optional.of(FUGAO), Optional.of(BENKE_1Y), 0, TODAY);
            assertThat(policy.check(facts)).hasValue(Refusal.of("declaration.rule.level-not-recognisable"));
        }

        @Test
        void passesAMethodOfTheLevel() {
            assertThat(policy.check(facts(aDeclaration().complete()))).isEmpty();
        }
    }

    @Nested
    class EducationFitsMethod {

        final EducationFitsMethodPolicy policy = new EducationFitsMethodPolicy();

        @Test
        void refusesLessEducationThanTheMethodPresumes() {
            assertThat(policy.check(facts(aDeclaration()
                            .withEducation(Education.JUNIOR_COLLEGE)
                            .complete())))
                    .hasValue(Refusal.of("declaration.rule.education", "全日制大学本科毕业见习期满一年", "大学本科", "大专"));
        }

        @Test
        void passesTheSameOrMoreEducation() {
            assertThat(policy.check(facts(aDeclaration().complete()))).isEmpty();
            assertThat(policy.check(
                            facts(aDeclaration().withEducation(Education.MASTER).complete())))
                    .isEmpty();
        }
    }

    @Nested
    class YearsOfWork {

        final YearsOfWorkPolicy policy = new YearsOfWorkPolicy();

        @Test
        void refusesBeforeTheRequiredYearsHavePassedAndNamesTheDates() {
            Declaration d = aDeclaration()
                    .graduatedOn(LocalDate.of(2024, 7, 1))
                    .professionalWorkFrom(LocalDate.of(2024, 6, 1))
                    .complete();

            assertThat(policy.check(facts(d, BENKE_1Y, 0, LocalDate.of(2025, 6, 30))))
                    .hasValue(Refusal.of(
                            "declaration.rule.years-of-work",
                            "全日制大学本科毕业见习期满一年",
                            "1",
                            "2024-07-01",
                            "2025-07-01",
                            "2025-06-30"));
            assertThat(policy.check(facts(d, BENKE_1Y, 0, LocalDate.of(2025, 7, 1))))
                    .isEmpty();
        }

        @Test
        void countsFromTheLaterOfGraduationAndTheStartOfProfessionalWork() {
            Declaration d = aDeclaration()
                    .graduatedOn(LocalDate.of(2024, 7, 1))
                    .professionalWorkFrom(LocalDate.of(2024, 9, 1))
                    .complete();

            assertThat(policy.check(facts(d, BENKE_1Y, 0, LocalDate.of(2025, 8, 31))))
                    .hasValue(Refusal.of(
                            "declaration.rule.years-of-work",
                            "全日制大学本科毕业见习期满一年",
                            "1",
                            "2024-09-01",
                            "2025-09-01",
                            "2025-08-31"));
        }

        @Test
        void aMethodWithoutRequiredYearsIsFulfilledAtGraduation() {
            Declaration d = aDeclaration()
                    .withEducation(Education.MASTER)
                    .withMethod(7)
                    .graduatedOn(LocalDate.of(2025, 6, 30))
                    .professionalWorkFrom(LocalDate.of(2025, 6, 30))
                    .complete();

            assertThat(policy.check(facts(d, SHUOSHI, 0, LocalDate.of(2025, 6, 30))))
                    .isEmpty();
        }
    }

    @Nested
    class OneOpenDeclaration {

        final OneOpenDeclarationPolicy policy = new OneOpenDeclarationPolicy();

        @Test
        void refusesWhenAnotherDeclarationOfTheYearAndLevelIsOpen() {
            assertThat(policy.check(facts(aDeclaration().complete(), BENKE_1Y, 1, TODAY)))
                    .hasValue(Refusal.of("declaration.rule.one-open", "2025", "助理级"));
        }

        @Test
        void passesWithoutAnotherOpenDeclaration() {
            assertThat(policy.check(facts(aDeclaration().complete(), BENKE_1Y, 0, TODAY)))
                    .isEmpty();
        }
    }
}
