package cn.hrss.zcrd.account;

/** How a back-office session was opened; UKEY sessions may do more (SPEC §1). */
public enum AuthenticationMethod {
    /** Client certificate of a bound UKEY over mutual TLS. */
    UKEY,
    /** Username and password on the ordinary port (fallback). */
    PASSWORD;

    /** The authority every session of this kind carries, e.g. {@code AUTH_UKEY}. */
    public String authority() {
        return "AUTH_" + name();
    }
}
