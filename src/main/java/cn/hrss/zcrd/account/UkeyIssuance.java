package cn.hrss.zcrd.account;

/** How a bound UKEY certificate was issued. */
public enum UkeyIssuance {
    /** from a PKCS#10 request made inside the UKEY (the production path) */
    CSR,
    /** into a new SoftHSM2 token made by the application (development and tests) */
    DEV_TOKEN,
    /** from a PKCS#10 request made inside the UKEY, certified by the licensed external CA and imported */
    EXTERNAL_CA,
    /** an existing certificate bound by an operator or the dev bootstrap */
    BOUND
}
