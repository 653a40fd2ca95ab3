package cn.hrss.zcrd.certificate;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A title certificate as the public verification shows it: the ID number masked (first 6 and last 4 characters),
 * the status with the revocation's date and reason, and the SHA-256 of the signed PDF as issued.
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
        String sha256) {

    public boolean revoked() {
        return status == CertificateStatus.REVOKED;
    }
}
