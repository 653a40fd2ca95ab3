package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.declaration.ModuleKind;
import cn.hrss.zcrd.shared.Refusal;
import java.util.Optional;

/** The applicant's 证件照 is uploaded (both businesses: the 认定表 carries it); put right beside 基本信息. */
public final class PhotoUploadedPolicy extends OneReasonPolicy {

    public PhotoUploadedPolicy() {
        super(ModuleKind.BASIC, null);
    }

    @Override
    public Optional<Refusal> check(SubmissionFacts facts) {
        return facts.declaration().hasPhoto()
                ? Optional.empty()
                : Optional.of(Refusal.of("declaration.rule.photo-missing"));
    }
}
