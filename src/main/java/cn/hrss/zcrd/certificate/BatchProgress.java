package cn.hrss.zcrd.certificate;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The progress of one issuance batch (职称认定人员证书入库), as stored in the database: a page polls it to draw a
 * progress bar that survives a reload.
 *
 * @param total       how many certificates the batch issues
 * @param issued      how many are stored (signed) so far
 * @param problemKey  message key of the last problem (e.g. the token was unavailable), null when none
 * @param finishedAt  when it completed, null before
 */
public record BatchProgress(
        long id,
        long unitId,
        BatchState state,
        int total,
        int issued,
        LocalDate publishDate,
        String startedBy,
        Instant createdAt,
        Instant finishedAt,
        String problemKey)
        implements Serializable {

    /** 0–100. */
    public int percent() {
        return total == 0 ? 100 : (int) (100L * issued / total);
    }

    public boolean finished() {
        return state.finished();
    }
}
