package cn.hrss.zcrd.unit.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One correction of a unit's region and competent department by the bureau: old → new, who, when, why. */
@Entity
@Table(name = "unit_data_change")
public class UnitDataChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "unit_id", nullable = false, updatable = false)
    private long unitId;

    @Column(name = "old_region_code", nullable = false, updatable = false, length = 12)
    private String oldRegionCode;

    @Column(name = "new_region_code", nullable = false, updatable = false, length = 12)
    private String newRegionCode;

    @Column(name = "old_competent_unit_id", updatable = false)
    private Long oldCompetentUnitId;

    @Column(name = "new_competent_unit_id", updatable = false)
    private Long newCompetentUnitId;

    @Column(name = "reason", nullable = false, updatable = false, length = 500)
    private String reason;

    @Column(name = "changed_by_account_id", nullable = false, updatable = false)
    private long changedByAccountId;

    @Column(name = "changed_by_name", nullable = false, updatable = false, length = 100)
    private String changedByName;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;

    protected UnitDataChange() {}

    public UnitDataChange(
            long unitId,
            String oldRegionCode,
            String newRegionCode,
            Long oldCompetentUnitId,
            Long newCompetentUnitId,
            String reason,
            long changedByAccountId,
            String changedByName,
            Instant changedAt) {
        this.unitId = unitId;
        this.oldRegionCode = oldRegionCode;
        this.newRegionCode = newRegionCode;
        this.oldCompetentUnitId = oldCompetentUnitId;
        this.newCompetentUnitId = newCompetentUnitId;
        this.reason = reason;
        this.changedByAccountId = changedByAccountId;
        this.changedByName = changedByName;
        this.changedAt = changedAt;
    }

    public Long getId() {
        return id;
    }

    public long getUnitId() {
        return unitId;
    }

    public String getOldRegionCode() {
        return oldRegionCode;
    }

    public String getNewRegionCode() {
        return newRegionCode;
    }

    public Long getOldCompetentUnitId() {
        return oldCompetentUnitId;
    }

    public Long getNewCompetentUnitId() {
        return newCompetentUnitId;
    }

    public String getReason() {
        return reason;
    }

    public String getChangedByName() {
        return changedByName;
    }

    public Instant getChangedAt() {
        return changedAt;
    }
}
