package cn.hrss.zcrd.verification.internal;

import cn.hrss.zcrd.certificate.RegisteredCertificate;
import java.time.Instant;

/**
 * The result of checking an uploaded PDF.
 *
 * @param detailKey           message key saying why, for the verdicts other than GENUINE
 * @param sha256              of the whole uploaded file
 * @param signed              a signature was found
 * @param unchanged           the signed bytes are unchanged and the signature covers the whole file
 * @param signerUnit          the signer certificate's organisation (the unit), null when unknown
 * @param signerSubject       the signer certificate's whole subject
 * @param chainsToPlatformRoot the signer's certificate was issued by the platform's seal CA under its root
 * @param validAtSigningTime  not expired and not revoked at {@code signedAt}
 * @param signedAt            the time the signature's time-stamp from a platform TSA attests, null when none
 * @param archiveTimeStamps   the times of the document's archive time-stamps (PAdES-BASELINE-LTA), oldest first
 * @param evidenceUntil       until when the newest archive time-stamp's TSA certificate is valid (the evidence
 *                            holds until then, unless renewed); null without archive time-stamps
 * @param certificate         the registered certificate with this exact file (or an earlier version of it), null
 *                            when none
 */
public record PdfVerification(
        Verdict verdict,
        String detailKey,
        String sha256,
        boolean signed,
        boolean unchanged,
        String signerUnit,
        String signerSubject,
        boolean chainsToPlatformRoot,
        boolean validAtSigningTime,
        Instant signedAt,
        java.util.List<Instant> archiveTimeStamps,
        Instant evidenceUntil,
        RegisteredCertificate certificate) {

    public boolean registered() {
        return certificate != null;
    }
}
