package cn.hrss.zcrd.unit;

import java.util.Locale;

/**
 * The business a reporting path was applied for. Both share paths (seed manual 2.3): a path approved while doing
 * 外地调入 serves 全日制职称认定 too, so matching a declaration to a path ignores this.
 */
public enum BusinessType {
    /** 全日制职称认定 */
    FULL_TIME_RECOGNITION,
    /** 外地调入确认 */
    TRANSFER_IN;

    public String messageKey() {
        return "unit.business-type." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
