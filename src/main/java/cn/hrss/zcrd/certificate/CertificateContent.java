package cn.hrss.zcrd.certificate;

import java.time.LocalDate;

/**
 * What a title certificate states; the ID number arrives already masked. A 职称确认 certificate (transfer-in
 * confirmation) also states the {@link #original() original certificate}; a recognition certificate has none.
 */
public record CertificateContent(
        String holderName,
        String maskedIdNumber,
        String title,
        String series,
        String specialty,
        String level,
        LocalDate publishDate,
        String issuingUnit,
        String certificateNumber,
        OriginalCertificate original) {

    /** A recognition certificate (职称认定). */
    public CertificateContent(
            String holderName,
            String maskedIdNumber,
            String title,
            String series,
            String specialty,
            String level,
            LocalDate publishDate,
            String issuingUnit,
            String certificateNumber) {
        this(
                holderName,
                maskedIdNumber,
                title,
                series,
                specialty,
                level,
                publishDate,
                issuingUnit,
                certificateNumber,
                null);
    }

    /** Whether it is a 职称确认 certificate. */
    public boolean confirmation() {
        return original != null;
    }
}
