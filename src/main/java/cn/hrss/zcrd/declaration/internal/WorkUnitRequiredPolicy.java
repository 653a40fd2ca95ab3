package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.declaration.ModuleKind;
import cn.hrss.zcrd.shared.Refusal;
import java.util.Optional;

/** 是否是工作单位 = 否 requires a 工作单位. */
public final class WorkUnitRequiredPolicy extends OneReasonPolicy {

    public WorkUnitRequiredPolicy() {
        super(ModuleKind.BASIC, "workUnitId");
    }

    @Override
    public Optional<Refusal> check(SubmissionFacts facts) {
        var d = facts.declaration();
        return !d.isDeclaringUnitWorkUnit() && d.getWorkUnitId() == null
                ? Optional.of(Refusal.of("declaration.rule.work-unit-required"))
                : Optional.empty();
    }
}
