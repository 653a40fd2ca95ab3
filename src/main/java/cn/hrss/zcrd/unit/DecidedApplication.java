package cn.hrss.zcrd.unit;

import cn.hrss.zcrd.shared.Decision;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.shared.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * What a unit's application that another party decides records (a {@link ReportingPath} the superior unit decides,
 * an {@link IssuingAuthorityApplication} the bureau decides): the unit, who applied and when, whether it still
 * counts against the unique key of live applications, and the 通过 / 驳回. The version ({@link VersionedEntity}) makes
 * one of two simultaneous decisions fail.
 */
@MappedSuperclass
public abstract class DecidedApplication extends VersionedEntity {

    /** The longest opinion or reason kept (the columns' size). */
    static final int MAX_OPINION = 500;

    @Column(name = "unit_id", nullable = false, updatable = false)
    private long unitId;

    /** TRUE while live, NULL once closed: the unique keys of live applications skip NULL */
    @Column(name = "active_marker")
    private Boolean activeMarker;

    @Column(name = "applied_by_account_id", nullable = false, updatable = false)
    private long appliedByAccountId;

    @Column(name = "applied_at", nullable = false, updatable = false)
    private Instant appliedAt;

    /** 通过 or 驳回 (decided_by_*, opinion, decided_at) */
    private Decision decision;

    protected DecidedApplication() {}

    /** Refuses, on the field {@code opinion}, an opinion or reason longer than the columns keep. */
    static void checkOpinionLength(String opinion) {
        if (opinion != null && opinion.strip().length() > MAX_OPINION) {
            throw new InvalidInputException(
                    FieldProblem.of("opinion", "declaration.text.too-long", String.valueOf(MAX_OPINION)));
        }
    }

    /** A new live application of {@code unitId}. */
    protected DecidedApplication(long unitId, long appliedByAccountId, Instant now) {
        this.unitId = unitId;
        this.appliedByAccountId = appliedByAccountId;
        this.appliedAt = now;
        this.activeMarker = Boolean.TRUE;
    }

    /** Records the 通过 or 驳回. */
    protected void decide(long accountId, String name, String opinion, Instant now) {
        decision = Decision.by(accountId, name, opinion, now);
    }

    /** No longer live: the unit may apply again. */
    protected void close() {
        activeMarker = null;
    }

    public long getUnitId() {
        return unitId;
    }

    public Instant getAppliedAt() {
        return appliedAt;
    }

    /** 通过 or 驳回 ({@link Decision#NONE} while pending). */
    public Decision getDecision() {
        return Decision.orNone(decision);
    }
}
