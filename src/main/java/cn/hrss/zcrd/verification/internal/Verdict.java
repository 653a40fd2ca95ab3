package cn.hrss.zcrd.verification.internal;

/** The plain verdict on an uploaded certificate PDF; label {@code verify.verdict.<NAME>}. */
public enum Verdict {
    /** 真实有效: signed by the platform, unchanged, registered, not revoked */
    GENUINE,
    /** 已注销: the registered file, but the certificate was revoked */
    REVOKED,
    /** 已补发: the registered file, but a re-issued certificate (new number) replaced it */
    REISSUED,
    /** 已更正: the registered file, but a corrected certificate (new number) replaced it */
    CORRECTED,
    /** 文件被篡改: changed after signing (or its signature is damaged) */
    TAMPERED,
    /** 非本平台签发: an intact signature by a key the platform did not certify */
    FOREIGN,
    /** the platform's signer, but its certificate was not valid (expired or revoked) when it signed */
    SIGNER_INVALID,
    /** 签名有效但未登记: the platform's intact signature, but no certificate of the register has this file */
    UNREGISTERED,
    /** 未签名: a PDF without a signature */
    UNSIGNED;

    public String messageKey() {
        return "verify.verdict." + name();
    }
}
