package cn.hrss.zcrd.backoffice;

import org.bouncycastle.asn1.x509.CRLReason;

/** Why a UKEY is revoked, with its RFC 5280 CRL reason; the label is {@code backoffice.ukey.reason.<NAME>}. */
public enum UkeyRevocationReason {
    /** 丢失或泄露 */
    KEY_COMPROMISE(CRLReason.keyCompromise, "keyCompromise"),
    /** 更换UKEY */
    SUPERSEDED(CRLReason.superseded, "superseded"),
    /** 岗位变动 */
    AFFILIATION_CHANGED(CRLReason.affiliationChanged, "affiliationChanged"),
    /** 停止使用 */
    CESSATION_OF_OPERATION(CRLReason.cessationOfOperation, "cessationOfOperation");

    private final int crlCode;
    private final String crlName;

    UkeyRevocationReason(int crlCode, String crlName) {
        this.crlCode = crlCode;
        this.crlName = crlName;
    }

    public int crlCode() {
        return crlCode;
    }

    /** The reason's name in RFC 5280 (stored with the binding). */
    public String crlName() {
        return crlName;
    }
}
