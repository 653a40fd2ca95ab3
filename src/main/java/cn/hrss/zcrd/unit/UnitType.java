package cn.hrss.zcrd.unit;

import java.util.Locale;

/** 单位类型. */
public enum UnitType {
    ENTERPRISE,
    PUBLIC_INSTITUTION,
    GOVERNMENT_AGENCY,
    SOCIAL_ORGANIZATION,
    OTHER;

    public String messageKey() {
        return "unit.type." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
