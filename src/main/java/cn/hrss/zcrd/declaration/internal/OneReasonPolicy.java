package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.declaration.ModuleKind;
import cn.hrss.zcrd.declaration.SubmissionProblem;
import cn.hrss.zcrd.shared.Refusal;
import java.util.List;
import java.util.Optional;

/**
 * A rule that refuses for one reason at a time, put right at one place of the declaration: a field of 基本信息 for
 * every such rule today (the page links the refusal there).
 */
public abstract class OneReasonPolicy implements SubmissionPolicy {

    private final ModuleKind module;
    private final String field;

    protected OneReasonPolicy(ModuleKind module, String field) {
        this.module = module;
        this.field = field;
    }

    /** Why the rule refuses, or nothing. */
    public abstract Optional<Refusal> check(SubmissionFacts facts);

    @Override
    public final List<SubmissionProblem> problems(SubmissionFacts facts) {
        return check(facts).map(r -> new SubmissionProblem(r, module, field)).stream()
                .toList();
    }
}
