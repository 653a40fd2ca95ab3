package cn.hrss.zcrd.certificate;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An issued title certificate (职称证书) as lists and details show it.
 *
 * @param idNumber        the whole ID number for the back office; masked for the applicant's own list
 * @param sha256          of the stored signed PDF
 * @param revokedAt       null unless {@link CertificateStatus#REVOKED}; likewise revokedBy, revocationReason
 * @param predecessorNumber the certificate this one re-issued or corrected (null for a first issuance)
 * @param successorNumber the certificate that replaced this one (null unless REISSUED or CORRECTED)
 * @param successionReason why this one was re-issued or corrected (null unless replaced)
 */
public record TitleCertificate(
        long id,
        String number,
        long declarationId,
        long applicantAccountId,
        String holderName,
        String idNumber,
        String titleName,
        String seriesName,
        String specialtyName,
        String levelName,
        LocalDate publishDate,
        long unitId,
        String unitName,
        Instant issuedAt,
        CertificateStatus status,
        long pdfSize,
        String sha256,
        Instant revokedAt,
        String revokedBy,
        String revocationReason,
        String predecessorNumber,
        String successorNumber,
        String successionReason)
        implements Serializable {

    public boolean revoked() {
        return status == CertificateStatus.REVOKED;
    }
}
