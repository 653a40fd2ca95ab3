package cn.hrss.zcrd.certificate;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * 职称认定人员证书入库: starts a batch that issues certificates in the background (numbers, PDF, signature with the
 * unit's electronic seal, storage) and reports its progress. Starting needs
 * {@code BackOfficeAction.ISSUE_CERTIFICATE} (a UKEY session under the default policy), an electronic seal in force
 * for the operator's unit, and every selected person final-approved by that unit in a level it holds issuing
 * authority for; otherwise nothing is stored and {@link CertificateRefusedException} (or the guard's
 * {@code BackOfficeAccessDeniedException}) says why. A batch is resumable: after a crash or a token failure it is
 * completed (at start-up, by the periodic retry or by {@link #resume}) with no certificate lost or duplicated and no
 * number skipped or reused.
 */
public interface CertificateIssuance {

    /** The most entries one batch may hold ({@code zcrd.certificate.issuance.max-batch-size}). */
    int maxBatchSize();

    /**
     * A batch for the selected library entries.
     *
     * @param publishDate 公布时间 printed on the certificates
     * @return the batch id (for {@link #progress})
     */
    long start(Collection<Long> entryIds, LocalDate publishDate);

    /** A batch for every entry matching {@code query} in the operator's library (全部入库). */
    long startAll(LibraryQuery query, LocalDate publishDate);

    /** The progress of one of the operator's unit's batches (VIEW_CERTIFICATES). */
    BatchProgress progress(long batchId);

    /** The unit's unfinished batches and its most recent ones, newest first, at most {@code limit}. */
    List<BatchProgress> recent(int limit);

    /**
     * 继续: resumes an interrupted batch of the operator's unit now (ISSUE_CERTIFICATE); a running or finished one
     * is left alone.
     */
    void resume(long batchId);
}
