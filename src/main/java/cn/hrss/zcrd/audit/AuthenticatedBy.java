package cn.hrss.zcrd.audit;

import cn.hrss.zcrd.account.AuthenticationMethod;

/** How the actor proved who they are — or tried to; the label is {@code audit.method.<NAME>}. */
public enum AuthenticatedBy {
    /** client certificate of a UKEY over mutual TLS */
    UKEY,
    /** login name and password (back-office fallback or portal) */
    PASSWORD,
    /** not authenticated */
    NONE;

    public static AuthenticatedBy of(AuthenticationMethod method) {
        return method == null ? NONE : valueOf(method.name());
    }
}
