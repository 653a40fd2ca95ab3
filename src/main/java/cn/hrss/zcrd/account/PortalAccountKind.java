package cn.hrss.zcrd.account;

import java.util.Locale;

/** The two kinds of portal account: an individual (个人) or a unit (单位). */
public enum PortalAccountKind {
    /** logs in with the 18-digit ID number */
    PERSON,
    /** logs in with the unified social credit code */
    UNIT;

    public String role() {
        return "ROLE_" + name();
    }

    /** The kind named by a login form's {@code kind} parameter; anything unknown is a person's login. */
    public static PortalAccountKind fromParameter(String value) {
        return "unit".equals(value == null ? null : value.toLowerCase(Locale.ROOT)) ? UNIT : PERSON;
    }
}
