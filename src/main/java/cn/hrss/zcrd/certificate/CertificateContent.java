package cn.hrss.zcrd.certificate;

import java.time.LocalDate;

/** What a title certificate states; the ID number arrives already masked. */
public record CertificateContent(
        String holderName,
        String maskedIdNumber,
        String title,
        String series,
        String specialty,
        String level,
        LocalDate publishDate,
        String issuingUnit,
        String certificateNumber) {}
