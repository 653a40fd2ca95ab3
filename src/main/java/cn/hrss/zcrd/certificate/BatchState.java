package cn.hrss.zcrd.certificate;

import java.util.Locale;

/** Where an issuance batch stands; label {@code certificate.batch.state.<name-lower-dashed>}. */
public enum BatchState {
    /** Stored, waiting for a worker. */
    QUEUED,
    /** A node holds its lease and issues certificates. */
    RUNNING,
    /** Stopped half-way (token failure, node stopped): retried automatically, or by 继续 ({@code resume}). */
    INTERRUPTED,
    /** Every entry has its certificate. */
    COMPLETED;

    public boolean finished() {
        return this == COMPLETED;
    }

    public String messageKey() {
        return "certificate.batch.state." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
