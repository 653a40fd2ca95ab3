package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.declaration.ModuleKind;
import cn.hrss.zcrd.shared.Refusal;
import java.util.Optional;

/**
 * The level is one full-time recognition grants, and the 申报方式 is enabled and entitles to that level (checked when
 * the basic form is saved, and again here because the catalog may have changed since).
 */
public final class DeclarationMethodFitsLevelPolicy extends OneReasonPolicy {

    public DeclarationMethodFitsLevelPolicy() {
        super(ModuleKind.BASIC, "declarationMethodId");
    }

    @Override
    public Optional<Refusal> check(SubmissionFacts facts) {
        if (facts.level().filter(l -> l.enabled() && l.fullTimeRecognition()).isEmpty()) {
            return Optional.of(Refusal.of("declaration.rule.level-not-recognisable"));
        }
        var method = facts.method();
        if (method.isEmpty() || !method.get().enabled()) {
            return Optional.of(Refusal.of("declaration.rule.method-unavailable"));
        }
        if (!method.get().levelCode().equals(facts.declaration().getLevelCode())) {
            return Optional.of(Refusal.of(
                    "declaration.rule.method-not-for-level",
                    method.get().name(),
                    facts.level().get().name()));
        }
        return Optional.empty();
    }
}
