package cn.hrss.zcrd.certificate;

import cn.hrss.zcrd.account.PortalUser;
import java.util.List;

/**
 * 职称认定证书管理 (back office: the operator's unit's certificates; query, download, 注销) and 我的证书 (portal: the
 * applicant's own). Back-office reads need {@code BackOfficeAction.VIEW_CERTIFICATES}, revocation
 * {@code REVOKE_CERTIFICATE} (a UKEY session under the default policy); a certificate of another unit looks missing
 * ({@link CertificateRefusedException#NOT_FOUND}). Revoked certificates stay listed with their status.
 */
public interface TitleCertificates {

    /** How many of the unit's certificates match. */
    long count(CertificateQuery query);

    /** One page (first row from 0, at most 500 rows); sort null: newest first. */
    List<TitleCertificate> find(
            CertificateQuery query, int first, int pageSize, CertificateSort sort, boolean ascending);

    /** One of the unit's certificates. */
    TitleCertificate get(long certificateId);

    /** The signed PDF of one of the unit's certificates (audited as a download). */
    CertificateFile download(long certificateId);

    /**
     * 注销 with a reason (required, at most {@link #MAX_REASON} characters). Audited.
     *
     * @throws CertificateRefusedException {@link CertificateRefusedException#REASON_REQUIRED},
     *                                     {@link CertificateRefusedException#ALREADY_REVOKED}, NOT_FOUND
     */
    void revoke(long certificateId, String reason);

    /** 我的证书: the applicant's certificates (ID number masked), newest first; refused for a unit account. */
    List<TitleCertificate> mine(PortalUser applicant);

    /**
     * The signed PDF of one of the applicant's own certificates.
     *
     * @throws cn.hrss.zcrd.shared.NotFoundException for an unknown one
     * @throws org.springframework.security.access.AccessDeniedException for anyone else's
     */
    CertificateFile downloadMine(long certificateId, PortalUser applicant);

    /** The longest revocation reason. */
    int MAX_REASON = 500;
}
