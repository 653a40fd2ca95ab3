package cn.hrss.zcrd.unit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * 上报路径: a unit's way up to its superior unit for one title level and series (SPEC §5). A new path is
 * {@link ReportingPathStatus#PENDING 未生效}; only the superior unit it names may approve it (已生效) or reject it
 * with an opinion (已驳回). Plain state machine: each transition checks the state and the deciding unit and throws
 * {@link UnitRuleException} otherwise. Concurrency: {@link Version} — of two simultaneous decisions one fails.
 */
@Entity
@Table(name = "reporting_path")
public class ReportingPath extends DecidedApplication {

    @Column(name = "superior_unit_id", nullable = false, updatable = false)
    private long superiorUnitId;

    @Column(name = "level_code", nullable = false, updatable = false, length = 32)
    private String levelCode;

    @Column(name = "series_code", nullable = false, updatable = false, length = 32)
    private String seriesCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "business_type", nullable = false, updatable = false, length = 32)
    private BusinessType businessType;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private ReportingPathStatus status;

    protected ReportingPath() {}

    /** A new path, 未生效. The caller has checked the application rules (not to itself, no duplicate, no cycle). */
    public ReportingPath(
            long unitId,
            long superiorUnitId,
            String levelCode,
            String seriesCode,
            BusinessType businessType,
            long appliedByAccountId,
            Instant now) {
        super(unitId, appliedByAccountId, now);
        if (unitId == superiorUnitId) {
            throw new UnitRuleException("unit.path.error.self");
        }
        this.superiorUnitId = superiorUnitId;
        this.levelCode = Objects.requireNonNull(levelCode, "levelCode");
        this.seriesCode = Objects.requireNonNull(seriesCode, "seriesCode");
        this.businessType = Objects.requireNonNull(businessType, "businessType");
        this.status = ReportingPathStatus.PENDING;
    }

    /** 通过 by the superior unit: the path becomes 已生效. */
    public void approve(long decidingUnitId, long accountId, String name, String opinion, Instant now) {
        requireDecidable(decidingUnitId);
        status = ReportingPathStatus.EFFECTIVE;
        decide(accountId, name, opinion, now);
    }

    /** 驳回 by the superior unit, with an opinion: the path is dead and the unit may apply again. */
    public void reject(long decidingUnitId, long accountId, String name, String opinion, Instant now) {
        requireDecidable(decidingUnitId);
        if (opinion == null || opinion.isBlank()) {
            throw new UnitRuleException("unit.path.error.reject-needs-opinion");
        }
        status = ReportingPathStatus.REJECTED;
        close();
        decide(accountId, name, opinion, now);
    }

    /** Whether {@code unitId} may decide on this path now: it is the superior and the path is pending. */
    public boolean decidableBy(long unitId) {
        return unitId == superiorUnitId && status == ReportingPathStatus.PENDING;
    }

    private void requireDecidable(long decidingUnitId) {
        if (decidingUnitId != superiorUnitId) {
            // a unit never decides on its own path, nor on one addressed to someone else
            throw new UnitRuleException("unit.path.error.not-superior");
        }
        if (status != ReportingPathStatus.PENDING) {
            throw new UnitRuleException("unit.path.error.decided");
        }
    }

    /** Whether a declaration of this level and series may be reported along it now. */
    public boolean serves(String level, String series) {
        return status == ReportingPathStatus.EFFECTIVE && levelCode.equals(level) && seriesCode.equals(series);
    }

    public long getSuperiorUnitId() {
        return superiorUnitId;
    }

    public String getLevelCode() {
        return levelCode;
    }

    public String getSeriesCode() {
        return seriesCode;
    }

    public BusinessType getBusinessType() {
        return businessType;
    }

    public ReportingPathStatus getStatus() {
        return status;
    }
}
