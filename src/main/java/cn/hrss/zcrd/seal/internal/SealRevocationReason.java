package cn.hrss.zcrd.seal.internal;

/**
 * Why a bureau revokes an electronic seal, with the RFC 5280 CRLReason code the seal CA puts on its CRL. The label
 * is {@code eseal.reason.<NAME>}.
 */
public enum SealRevocationReason {
    /** 印章密钥泄露或疑似泄露 */
    KEY_COMPROMISE(1),
    /** 单位名称等信息变更 */
    AFFILIATION_CHANGED(3),
    /** 已启用新印章 */
    SUPERSEDED(4),
    /** 单位注销或停用印章 */
    CESSATION_OF_OPERATION(5);

    private final int crlReason;

    SealRevocationReason(int crlReason) {
        this.crlReason = crlReason;
    }

    public int crlReason() {
        return crlReason;
    }
}
