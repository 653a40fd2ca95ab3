package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.declaration.ModuleKind;
import cn.hrss.zcrd.shared.Refusal;
import java.util.Optional;

/**
 * One open declaration per person, year and level. Open = submitted at least once and neither certified nor
 * withdrawn ({@link cn.hrss.zcrd.declaration.DeclarationState#isOpen()}): drafts do not count, a returned one does.
 * A unique key in the database holds the rule when two submissions race.
 */
public final class OneOpenDeclarationPolicy extends OneReasonPolicy {

    public OneOpenDeclarationPolicy() {
        super(ModuleKind.BASIC, "declarationYear");
    }

    @Override
    public Optional<Refusal> check(SubmissionFacts facts) {
        if (facts.otherOpenDeclarations() == 0) {
            return Optional.empty();
        }
        var d = facts.declaration();
        String level = facts.level().map(l -> l.name()).orElse(d.getLevelCode());
        return Optional.of(rejection(d.getDeclarationYear(), level));
    }

    public static Refusal rejection(int year, String levelName) {
        return Refusal.of("declaration.rule.one-open", String.valueOf(year), levelName);
    }
}
