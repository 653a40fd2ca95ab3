package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.declaration.ModuleKind;
import cn.hrss.zcrd.shared.Refusal;
import java.util.Optional;

/**
 * The declared 学历 is at least the full-time education the 申报方式 presumes (a master may use a bachelor's method;
 * a junior-college graduate may not use it).
 */
public final class EducationFitsMethodPolicy extends OneReasonPolicy {

    public EducationFitsMethodPolicy() {
        super(ModuleKind.BASIC, "education");
    }

    @Override
    public Optional<Refusal> check(SubmissionFacts facts) {
        var education = facts.declaration().getEducation();
        return facts.method()
                .filter(m -> education.compareTo(m.requiredEducation()) < 0)
                .map(m -> Refusal.of(
                        "declaration.rule.education",
                        m.name(),
                        m.requiredEducation().chineseName(),
                        education.chineseName()));
    }
}
