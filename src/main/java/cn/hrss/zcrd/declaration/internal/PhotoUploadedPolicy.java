package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.shared.Refusal;
import java.util.Optional;

/** The applicant's 证件照 is uploaded (both businesses: the 认定表 carries it). */
public final class PhotoUploadedPolicy implements SubmissionPolicy {

    @Override
    public Optional<Refusal> check(SubmissionFacts facts) {
        return facts.declaration().hasPhoto()
                ? Optional.empty()
                : Optional.of(Refusal.of("declaration.rule.photo-missing"));
    }
}
