package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.declaration.ModuleState;
import cn.hrss.zcrd.declaration.SubmissionProblem;
import cn.hrss.zcrd.shared.Refusal;
import java.util.List;

/**
 * After a return, every rejected module must have been changed before the declaration goes back to the unit; each
 * unchanged one is named.
 */
public final class RejectedModulesRevisedPolicy implements SubmissionPolicy {

    @Override
    public List<SubmissionProblem> problems(SubmissionFacts facts) {
        return facts.declaration().moduleKinds().stream()
                .filter(m -> facts.declaration().moduleState(m) == ModuleState.REJECTED)
                .map(m -> SubmissionProblem.of(Refusal.of(m.unrevisedKey()), m))
                .toList();
    }
}
