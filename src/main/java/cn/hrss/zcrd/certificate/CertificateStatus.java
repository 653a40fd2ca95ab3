package cn.hrss.zcrd.certificate;

import java.util.Locale;

/** A title certificate's status; label {@code certificate.status.<name-lower>}. */
public enum CertificateStatus {
    /** 有效 */
    VALID,
    /** 已注销 */
    REVOKED,
    /** 已补发: replaced by a re-issued certificate (same data, a new number) */
    REISSUED,
    /** 已更正: replaced by a corrected certificate (a new number) */
    CORRECTED;

    /** Whether a successor replaced it (补发 or 更正). */
    public boolean replaced() {
        return this == REISSUED || this == CORRECTED;
    }

    public String messageKey() {
        return "certificate.status." + name().toLowerCase(Locale.ROOT);
    }
}
