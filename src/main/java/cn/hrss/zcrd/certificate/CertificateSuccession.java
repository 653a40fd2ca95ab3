package cn.hrss.zcrd.certificate;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * 补发 and 更正 of a valid certificate of the operator's unit: a successor with a new number is issued by a batch of
 * one item through the same pipeline as 职称认定人员证书入库 (numbered from the unit's counter of the current year,
 * signed with the unit's electronic seal, stored, followed by {@link CertificateIssuance#progress}). When the
 * successor is stored the old certificate becomes {@link CertificateStatus#REISSUED} / {@link
 * CertificateStatus#CORRECTED} with its successor's number, and the declaration's history records the step.
 * Needs {@code BackOfficeAction.ISSUE_CERTIFICATE} (a UKEY session under the default policy), an electronic seal in
 * force and issuing authority for the level; every request and refusal is audited. Refused
 * ({@link CertificateRefusedException}) for a certificate that is not valid ({@link
 * CertificateRefusedException#NOT_REPLACEABLE}) or already has a successor on its way ({@link
 * CertificateRefusedException#SUCCESSION_PENDING}); nothing is stored then.
 */
public interface CertificateSuccession {

    /**
     * 补发 (lost or damaged): the same data under a new number.
     *
     * @param reason required, at most {@link TitleCertificates#MAX_REASON} characters
     * @return the batch id
     */
    long reissue(long certificateId, String reason);

    /**
     * 更正: a data error fixed under a new number; at least one value must differ from the old certificate's.
     *
     * @return the batch id
     */
    long correct(long certificateId, Correction correction);

    /**
     * The corrected values and why.
     *
     * @param titleName     职称名称 (required, at most 100 characters)
     * @param specialtyName 专业 (required, at most 100 characters)
     * @param publishDate   公布时间 (required)
     * @param reason        required, at most {@link TitleCertificates#MAX_REASON} characters
     */
    record Correction(String titleName, String specialtyName, LocalDate publishDate, String reason)
            implements Serializable {}

    /** The longest corrected title or specialty name. */
    int MAX_NAME = 100;
}
