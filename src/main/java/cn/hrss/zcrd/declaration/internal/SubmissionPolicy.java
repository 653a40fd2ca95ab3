package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.declaration.SubmissionProblem;
import cn.hrss.zcrd.unit.BusinessType;
import java.util.List;

/**
 * One rule 确定申报 must satisfy, as a small named object (ddd-by-examples' {@code PlacingOnHoldPolicy}): it answers
 * every reason why it refuses, each with the module (and field) where the applicant puts it right, or nothing. Most
 * rules have one reason at a time ({@link OneReasonPolicy}). Plain Java.
 */
public interface SubmissionPolicy {

    /** Every reason this rule refuses 确定申报 now; empty when it passes. */
    List<SubmissionProblem> problems(SubmissionFacts facts);

    /** The rules of the business, in the order their refusals are shown. */
    static List<SubmissionPolicy> of(BusinessType business) {
        return business == BusinessType.TRANSFER_IN ? transferIn() : all();
    }

    /** Every rule of transfer-in confirmation (外地调入确认), in the order their refusals are shown. */
    static List<SubmissionPolicy> transferIn() {
        return List.of(
                new ModulesCompletePolicy(),
                new PhotoUploadedPolicy(),
                new RejectedModulesRevisedPolicy(),
                new TransferTitleInCatalogPolicy(),
                new TransferDatesPolicy(),
                new OneOpenDeclarationPolicy());
    }

    /** Every rule of full-time recognition, in the order their refusals are shown. */
    static List<SubmissionPolicy> all() {
        return List.of(
                new ModulesCompletePolicy(),
                new PhotoUploadedPolicy(),
                new RejectedModulesRevisedPolicy(),
                new WorkUnitRequiredPolicy(),
                new DeclarationMethodFitsLevelPolicy(),
                new EducationFitsMethodPolicy(),
                new YearsOfWorkPolicy(),
                new OneOpenDeclarationPolicy());
    }
}
