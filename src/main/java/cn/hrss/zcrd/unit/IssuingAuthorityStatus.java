package cn.hrss.zcrd.unit;

import java.util.Locale;

/** Where an application for issuing authority (职称认定证书发放权限) stands. */
public enum IssuingAuthorityStatus {
    /** 待审核: with the bureau */
    PENDING,
    /** 已授权: the unit holds issuing authority for the levels applied for */
    GRANTED,
    /** 已驳回: refused by the bureau with an opinion; the unit may apply again */
    REJECTED,
    /** 已撤销: withdrawn by the bureau with a reason; issuing stopped, certificates issued before stay valid */
    WITHDRAWN,
    /** 已暂停: suspended by the bureau with a reason; issuing stopped until resumed (then GRANTED again) */
    SUSPENDED;

    /** Pending, granted or suspended: the unit may not apply again for the same levels. */
    public boolean isLive() {
        return this == PENDING || this == GRANTED || this == SUSPENDED;
    }

    /** Granted once and now stopped (suspended or withdrawn): issuing refused with the bureau's reason. */
    public boolean isStopped() {
        return this == SUSPENDED || this == WITHDRAWN;
    }

    public String messageKey() {
        return "unit.authority.status." + name().toLowerCase(Locale.ROOT);
    }
}
