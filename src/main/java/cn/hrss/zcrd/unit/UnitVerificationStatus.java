package cn.hrss.zcrd.unit;

import java.util.Locale;

/** Where a unit's verification by the bureau of its region (单位注册审核) stands. */
public enum UnitVerificationStatus {
    /** 待审核: registered or resubmitted, with the bureau; the unit may not act yet */
    PENDING,
    /** 已审核通过: the unit may receive declarations and apply for paths, authority and seals */
    VERIFIED,
    /** 已驳回: refused with a reason; the unit may correct its data and resubmit */
    REJECTED;

    public String messageKey() {
        return "unit.verification.status." + name().toLowerCase(Locale.ROOT);
    }
}
