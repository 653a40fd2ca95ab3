package cn.hrss.zcrd.audit;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What {@link AuditChainVerifier} found: how much it checked and every problem, ordered by the place in the chain
 * (the first is where the trail stops being trustworthy).
 *
 * @param rows rows read
 * @param lastSeq the sequence number the chain reaches
 * @param checkpoints checkpoints checked
 * @param lastCheckpointSeq the highest sequence number covered by a checkpoint (0: none)
 * @param findings the problems, first one first
 */
public record AuditChainReport(
        long rows, long lastSeq, long checkpoints, long lastCheckpointSeq, List<Finding> findings)
        implements Serializable {

    public AuditChainReport {
        findings = findings.stream()
                .sorted(Comparator.comparingLong((Finding f) -> f.seq() == null ? Long.MAX_VALUE : f.seq())
                        .thenComparing(Finding::kind))
                .toList();
    }

    public boolean clean() {
        return findings.isEmpty();
    }

    public Optional<Finding> first() {
        return findings.stream().findFirst();
    }

    /** The kind of a problem; the label is {@code audit.integrity.kind.<NAME>}. */
    public enum Kind {
        /** a row's content no longer matches its hash, or its hash no longer matches its successor's link */
        EDITED,
        /** rows missing from the chain (a gap in the sequence, or fewer rows than the head or a checkpoint says) */
        DELETED,
        /** a row that was not appended by the application (no place in the chain, out of order, beyond the head) */
        INSERTED,
        /** the chain recomputed up to a checkpoint differs from what the checkpoint signed */
        CHECKPOINT_MISMATCH,
        /** a checkpoint signed by a key that is not the platform's audit checkpoint key */
        CHECKPOINT_FOREIGN_KEY,
        /** a checkpoint whose signature does not verify */
        CHECKPOINT_SIGNATURE,
        /** a checkpoint whose time-stamp is missing, does not cover its signature or is not from a trusted TSA */
        CHECKPOINT_TIME_STAMP
    }

    /**
     * One problem.
     *
     * @param kind what is wrong
     * @param seq the place in the chain (null for a row with none)
     * @param recordId the {@code audit_record} id concerned, or null (a deleted row, a checkpoint)
     * @param detail a technical description (English, for operators)
     */
    public record Finding(Kind kind, Long seq, Long recordId, String detail) implements Serializable {

        @Override
        public String toString() {
            return kind + " at seq " + (seq == null ? "-" : seq)
                    + (recordId == null ? "" : " (record id " + recordId + ")") + ": " + detail;
        }
    }
}
