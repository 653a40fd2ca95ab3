package cn.hrss.zcrd.certificate;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A title certificate as the public verification shows it: the ID number masked (first 6 and last 4 characters),
 * the status with the revocation's date and reason, and the SHA-256 of the signed PDF as issued. A re-issued or
 * corrected certificate ({@link CertificateStatus#replaced()}) names its successor; a successor its predecessor.
 * {@code confirmation}: a 职称确认 certificate (transfer-in confirmation) rather than a 职称认定 one; {@code original}:
 * the certificate it confirms (as the 职称确认 prints it), null for a 职称认定 one.
 */
public record RegisteredCertificate(
        String number,
        String holderName,
        String maskedIdNumber,
        String titleName,
        String seriesName,
        String specialtyName,
        String levelName,
        LocalDate publishDate,
        String unitName,
        Instant issuedAt,
        CertificateStatus status,
        Instant revokedAt,
        String revocationReason,
        String sha256,
        String predecessorNumber,
        String successorNumber,
        boolean confirmation,
        OriginalCertificate original) {

    public boolean revoked() {
        return status == CertificateStatus.REVOKED;
    }
}
