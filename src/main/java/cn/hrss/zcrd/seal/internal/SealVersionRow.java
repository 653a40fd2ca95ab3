package cn.hrss.zcrd.seal.internal;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.io.Serializable;

/**
 * What a row about one version of a unit's seal holds ({@link SealImpression}, {@link ElectronicSealRecord}): its
 * id, the optimistic lock that tells two simultaneous decisions apart, the unit and the seal version.
 */
@MappedSuperclass
public abstract class SealVersionRow implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    @Column(name = "lock_version", nullable = false)
    private long lockVersion;

    @Column(name = "unit_id", nullable = false, updatable = false)
    private long unitId;

    @Column(name = "seal_version", nullable = false, updatable = false)
    private int sealVersion;

    protected SealVersionRow() {}

    protected SealVersionRow(long unitId, int sealVersion) {
        this.unitId = unitId;
        this.sealVersion = sealVersion;
    }

    public Long getId() {
        return id;
    }

    public long getUnitId() {
        return unitId;
    }

    public int getSealVersion() {
        return sealVersion;
    }
}
