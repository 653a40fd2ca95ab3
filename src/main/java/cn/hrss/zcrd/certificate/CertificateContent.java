package cn.hrss.zcrd.certificate;

import java.time.LocalDate;

/**
 * What a title certificate states; the ID number arrives already masked. A 职称确认 certificate (transfer-in
 * confirmation) also states the {@link #original() original certificate}; a recognition certificate (职称认定) has
 * none (null).
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

    /** Whether it is a 职称确认 certificate. */
    public boolean confirmation() {
        return original != null;
    }
}
