package cn.hrss.zcrd.declaration;

import cn.hrss.zcrd.shared.Refusal;
import java.io.Serializable;

/**
 * One thing that keeps 确定申报 from going through, and where the applicant puts it right: the information module
 * and, when one field of its form is meant, that field's name in the form (e.g. {@code probationResult}); {@code
 * field} is null when the module as a whole is meant (no 学历学位 entry yet, no diploma uploaded, a rejected module
 * not changed yet).
 */
public record SubmissionProblem(Refusal refusal, ModuleKind module, String field) implements Serializable {

    /** A problem of the module as a whole. */
    public static SubmissionProblem of(Refusal refusal, ModuleKind module) {
        return new SubmissionProblem(refusal, module, null);
    }
}
