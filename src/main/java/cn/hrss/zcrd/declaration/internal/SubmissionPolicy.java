package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.shared.Refusal;
import java.util.List;
import java.util.Optional;

/**
 * One rule 确定申报 must satisfy, as a small named object (ddd-by-examples' {@code PlacingOnHoldPolicy}): it answers
 * why it refuses, or nothing. Plain Java.
 */
public interface SubmissionPolicy {

    Optional<Refusal> check(SubmissionFacts facts);

    /** Every rule, in the order their refusals are shown. */
    static List<SubmissionPolicy> all() {
        return List.of(
                new ModulesCompletePolicy(),
                new RejectedModulesRevisedPolicy(),
                new WorkUnitRequiredPolicy(),
                new DeclarationMethodFitsLevelPolicy(),
                new EducationFitsMethodPolicy(),
                new YearsOfWorkPolicy(),
                new OneOpenDeclarationPolicy());
    }
}
