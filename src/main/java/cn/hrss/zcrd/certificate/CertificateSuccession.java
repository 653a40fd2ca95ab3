package cn.hrss.zcrd.certificate;

import cn.hrss.zcrd.approval.ApprovalRequest;
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
 *
 * <p>Under the four-eyes rule ({@code zcrd.approvals.required-for: REISSUE_CERTIFICATE, CORRECT_CERTIFICATE}, on by
 * default) a request only stores an approval request (reason and, for 更正, the corrected values) after every check;
 * another operator of the unit approves it in a UKEY session and only then is the successor issued — the checks
 * made again, as the approver. While such a request waits, a second 补发/更正 of the certificate is refused
 * ({@link CertificateRefusedException#SUCCESSION_PENDING}).
 */
public interface CertificateSuccession {

    /**
     * 补发 (lost or damaged): the same data under a new number.
     *
     * @param reason required, at most {@link TitleCertificates#MAX_REASON} characters
     * @return the four-eyes request stored, or the batch started at once
     * @throws cn.hrss.zcrd.shared.RefusedException {@code approval.already-pending} when such a request waits
     */
    Started reissue(long certificateId, String reason);

    /**
     * 更正: a data error fixed under a new number; at least one value must differ from the old certificate's.
     *
     * @return the four-eyes request stored, or the batch started at once
     */
    Started correct(long certificateId, Correction correction);

    /** Whether 补发 and 更正 need a second operator's approval ({@code zcrd.approvals.required-for}). */
    boolean successionNeedsApproval();

    /**
     * What a 补发 or 更正 led to: a four-eyes request waiting for a second operator, or (none required) the batch of
     * one item started at once.
     */
    record Started(ApprovalRequest request, Long batchId) implements Serializable {

        public static Started requested(ApprovalRequest request) {
            return new Started(request, null);
        }

        public static Started batch(long batchId) {
            return new Started(null, batchId);
        }

        /** Whether only a request was stored (nothing issued yet). */
        public boolean requested() {
            return request != null;
        }
    }

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
