package cn.hrss.zcrd.declaration;

import java.util.Locale;

/** 见习期考核结果; {@code NOT_APPLICABLE} when the declaration method involves no probation year. */
public enum ProbationResult {
    EXCELLENT,
    QUALIFIED,
    UNQUALIFIED,
    NOT_APPLICABLE;

    public String messageKey() {
        return "declaration.probation." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
