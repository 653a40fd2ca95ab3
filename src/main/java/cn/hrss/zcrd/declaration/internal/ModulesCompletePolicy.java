package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.declaration.Declaration;
import cn.hrss.zcrd.declaration.ModuleKind;
import cn.hrss.zcrd.declaration.SubmissionProblem;
import cn.hrss.zcrd.shared.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every information module is required, and every one that is incomplete is named at once: a module whose form
 * lacks fields by each missing field (e.g. 见习期考核结果), the others as a whole (e.g. no diploma among the
 * attachments).
 */
public final class ModulesCompletePolicy implements SubmissionPolicy {

    @Override
    public List<SubmissionProblem> problems(SubmissionFacts facts) {
        Declaration d = facts.declaration();
        List<SubmissionProblem> problems = new ArrayList<>();
        for (ModuleKind module : d.moduleKinds()) {
            if (d.isComplete(module)) {
                continue;
            }
            List<String> missing = d.missingFields(module);
            if (missing.isEmpty()) {
                problems.add(SubmissionProblem.of(Refusal.of(module.incompleteKey()), module));
            }
            for (String field : missing) {
                problems.add(new SubmissionProblem(Refusal.of(missingKey(field)), module, field));
            }
        }
        return problems;
    }

    /** {@code probationResult} → {@code declaration.rule.missing.probation-result} */
    static String missingKey(String field) {
        return "declaration.rule.missing." + field.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }
}
