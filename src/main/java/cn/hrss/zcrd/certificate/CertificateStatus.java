package cn.hrss.zcrd.certificate;

import java.util.Locale;

/** A title certificate's status; label {@code certificate.status.<name-lower>}. */
public enum CertificateStatus {
    /** 有效 */
    VALID,
    /** 已注销 */
    REVOKED;

    public String messageKey() {
        return "certificate.status." + name().toLowerCase(Locale.ROOT);
    }
}
