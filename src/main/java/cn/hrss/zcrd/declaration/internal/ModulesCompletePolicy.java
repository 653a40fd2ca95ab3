package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.shared.Refusal;
import java.util.Optional;

/** Every information module is required: the first incomplete one refuses (e.g. no diploma among the attachments). */
public final class ModulesCompletePolicy implements SubmissionPolicy {

    @Override
    public Optional<Refusal> check(SubmissionFacts facts) {
        return facts.declaration().moduleKinds().stream()
                .filter(m -> !facts.declaration().isComplete(m))
                .findFirst()
                .map(m -> Refusal.of(m.incompleteKey()));
    }
}
