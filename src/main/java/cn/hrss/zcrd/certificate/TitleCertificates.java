package cn.hrss.zcrd.certificate;

import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.approval.ApprovalRequest;
import java.util.List;
import java.util.Optional;

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

    /**
     * At most {@code pageSize} (capped at 500) of the unit's matching certificates that follow {@code last} (null:
     * the first ones) in the list's default order (newest first), found by their key, not counted off — an export
     * reads the whole list page after page.
     */
    List<TitleCertificate> findAfter(CertificateQuery query, TitleCertificate last, int pageSize);

    /** One of the unit's certificates. */
    TitleCertificate get(long certificateId);

    /** The signed PDF of one of the unit's certificates (audited as a download). */
    CertificateFile download(long certificateId);

    /**
     * 注销 with a reason (required, at most {@link #MAX_REASON} characters). Audited. Under the four-eyes rule
     * ({@code zcrd.approvals.required-for: REVOKE_CERTIFICATE}, on by default) this only stores a request that
     * another operator of the unit approves in a UKEY session on the approvals page; the certificate is revoked then.
     *
     * @return the stored request, or empty when the certificate was revoked at once (no second person configured)
     * @throws CertificateRefusedException {@link CertificateRefusedException#REASON_REQUIRED},
     *                                     {@link CertificateRefusedException#ALREADY_REVOKED}, NOT_FOUND
     * @throws cn.hrss.zcrd.shared.RefusedException {@code approval.already-pending} when a request waits already
     */
    Optional<ApprovalRequest> revoke(long certificateId, String reason);

    /** Whether 注销 needs a second person's approval ({@code zcrd.approvals.required-for}). */
    boolean revocationNeedsApproval();

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
