package cn.hrss.zcrd.certificate;

import cn.hrss.zcrd.shared.RefusedException;

/**
 * An issuance, revocation or download refused for a reason the user should read; nothing was changed. The message
 * key names the Chinese text in the bundles ({@code certificate.refused.*}), with its arguments. Refusals of the
 * back-office guard (role, UKEY policy) come as {@code account.BackOfficeAccessDeniedException} with its own
 * {@code reasonKey()}; an applicant asking for someone else's certificate gets Spring Security's
 * {@code AccessDeniedException} (it looks the same as a missing one).
 */
public class CertificateRefusedException extends RefusedException {

    /** No electronic seal in force for the unit: its seal impression has not been approved yet. */
    public static final String NO_SEAL = "certificate.refused.no-seal";
    /** The operator is not bound to an issuing unit. */
    public static final String NO_UNIT = "certificate.refused.no-unit";
    /** A selected person is not final-approved by the operator's unit (or is unknown). */
    public static final String OTHER_UNIT = "certificate.refused.other-unit";
    /** The unit does not (or no longer) hold issuing authority for a selected person's level. {0}: level name */
    public static final String OUTSIDE_AUTHORITY = "certificate.refused.outside-authority";
    /** The bureau withdrew (撤销) the unit's issuing authority. {0}: the bureau's reason */
    public static final String AUTHORITY_WITHDRAWN = "certificate.refused.authority-withdrawn";

    public static final String AUTHORITY_SUSPENDED = "certificate.refused.authority-suspended";
    /** A selected person already has a certificate or is in a running batch. */
    public static final String ALREADY_ISSUED = "certificate.refused.already-issued";
    /** Nothing selected, or the query matches nobody awaiting a certificate. */
    public static final String NOTHING_SELECTED = "certificate.refused.nothing-selected";
    /** 公布时间 missing. */
    public static final String PUBLISH_DATE_REQUIRED = "certificate.refused.publish-date-required";
    /** More entries than one batch may hold. {0}: the limit */
    public static final String BATCH_TOO_LARGE = "certificate.refused.batch-too-large";
    /** The year's numbers of the unit are used up. */
    public static final String NUMBERS_EXHAUSTED = "certificate.refused.numbers-exhausted";
    /** Revocation without a reason, or a reason too long. {0}: the maximum length */
    public static final String REASON_REQUIRED = "certificate.refused.reason-required";
    /** The certificate is revoked already. */
    public static final String ALREADY_REVOKED = "certificate.refused.already-revoked";
    /** The batch is finished (or running elsewhere) and cannot be resumed. */
    public static final String NOT_RESUMABLE = "certificate.refused.not-resumable";
    /** 补发 / 更正 of a certificate that is not valid (revoked, or replaced already). */
    public static final String NOT_REPLACEABLE = "certificate.refused.not-replaceable";
    /** A 补发 or 更正 of the certificate is on its way; also refuses its 注销 until it is stored. */
    public static final String SUCCESSION_PENDING = "certificate.refused.succession-pending";
    /** 补发 / 更正 without a reason, or one too long. {0}: the maximum length */
    public static final String SUCCESSION_REASON_REQUIRED = "certificate.refused.succession-reason-required";
    /**
     * 更正 with an empty or too long title or specialty (or one with control characters), or no publish date. {0}: the
     * maximum name length
     */
    public static final String CORRECTION_INVALID = "certificate.refused.correction-invalid";
    /**
     * A text to be printed (a selected holder's name, title or specialty, or a corrected value) has a character no
     * certificate font can draw. {0}: the text, {1}: the character and its code point
     */
    public static final String UNPRINTABLE = "certificate.refused.unprintable";
    /** 更正 that changes nothing. */
    public static final String NOTHING_CORRECTED = "certificate.refused.nothing-corrected";
    /** Unknown certificate or batch, or one of another unit. */
    public static final String NOT_FOUND = "certificate.refused.not-found";

    public CertificateRefusedException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
