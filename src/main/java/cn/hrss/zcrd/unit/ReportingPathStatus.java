package cn.hrss.zcrd.unit;

import java.util.Locale;

/** Where a reporting path stands: 未生效 until the superior unit decides, then 已生效 or 已驳回. */
public enum ReportingPathStatus {
    /** 未生效: waiting for the superior unit's 上报路径审核 */
    PENDING,
    /** 已生效: approved by the superior unit; declarations may be reported along it */
    EFFECTIVE,
    /** 已驳回: refused by the superior unit, with an opinion; the unit may apply again */
    REJECTED;

    /** Whether the path still counts (pending or effective): a second one for the same level and series is refused. */
    public boolean isLive() {
        return this != REJECTED;
    }

    public String messageKey() {
        return "unit.path.status." + name().toLowerCase(Locale.ROOT);
    }
}
