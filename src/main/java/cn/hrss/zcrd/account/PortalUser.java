package cn.hrss.zcrd.account;

import java.io.Serializable;
import java.security.Principal;

/** Who is signed in on the portal: the account, its kind and the name to greet. */
public record PortalUser(long accountId, PortalAccountKind kind, String loginName, String displayName)
        implements Principal, Serializable {

    @Override
    public String getName() {
        return kind + ":" + loginName;
    }

    public boolean isPerson() {
        return kind == PortalAccountKind.PERSON;
    }

    public boolean isUnit() {
        return kind == PortalAccountKind.UNIT;
    }
}
