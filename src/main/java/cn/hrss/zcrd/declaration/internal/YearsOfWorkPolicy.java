package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.declaration.ModuleKind;
import cn.hrss.zcrd.shared.Refusal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The years of professional work the 申报方式 requires have passed by the day of submission. They count from the
 * later of 毕业时间 and 现从事专业技术工作时间 (work before graduating does not count for a full-time graduate), with
 * {@link cn.hrss.zcrd.catalog.DeclarationMethod#eligibleFrom(LocalDate)}. The refusal names the method, the years,
 * the start, the first eligible day and today.
 */
public final class YearsOfWorkPolicy extends OneReasonPolicy {

    public YearsOfWorkPolicy() {
        super(ModuleKind.BASIC, "professionalWorkStartDate");
    }

    @Override
    public Optional<Refusal> check(SubmissionFacts facts) {
        var d = facts.declaration();
        return facts.method().flatMap(method -> {
            LocalDate start = later(d.getGraduationDate(), d.getProfessionalWorkStartDate());
            LocalDate eligible = method.eligibleFrom(start);
            if (!facts.today().isBefore(eligible)) {
                return Optional.empty();
            }
            return Optional.of(Refusal.of(
                    "declaration.rule.years-of-work",
                    method.name(),
                    String.valueOf(method.requiredYears()),
                    start.toString(),
                    eligible.toString(),
                    facts.today().toString()));
        });
    }

    static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
