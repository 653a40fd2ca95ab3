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
    WITHDRAWN;

    /** Pending or granted: the unit may not apply again (the button is greyed). */
    public boolean isLive() {
        return this == PENDING || this == GRANTED;
    }

    public String messageKey() {
        return "unit.authority.status." + name().toLowerCase(Locale.ROOT);
    }
}
