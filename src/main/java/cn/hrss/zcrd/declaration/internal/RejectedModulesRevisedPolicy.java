package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.declaration.ModuleState;
import cn.hrss.zcrd.shared.Refusal;
import java.util.Optional;

/** After a return, every rejected module must have been changed before the declaration goes back to the unit. */
public final class RejectedModulesRevisedPolicy implements SubmissionPolicy {

    @Override
    public Optional<Refusal> check(SubmissionFacts facts) {
        return facts.declaration().moduleKinds().stream()
                .filter(m -> facts.declaration().moduleState(m) == ModuleState.REJECTED)
                .findFirst()
                .map(m -> Refusal.of(m.unrevisedKey()));
    }
}
