package cn.hrss.zcrd.unit.internal;

import cn.hrss.zcrd.unit.IssuingAuthorityApplication;
import cn.hrss.zcrd.unit.IssuingAuthorityStatus;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface IssuingAuthorityRepository extends JpaRepository<IssuingAuthorityApplication, Long> {

    /** The unit's applications, newest first (the first one is the status shown on the portal). */
    List<IssuingAuthorityApplication> findByUnitIdOrderByAppliedAtDescIdDesc(long unitId);

    /**
     * The unit's pending, granted and suspended applications (at most one pending: uk_issuing_authority_active;
     * granted and suspended ones cover disjoint levels).
     */
    @Query("select a from IssuingAuthorityApplication a where a.unitId = :unitId "
            + "and a.status in (cn.hrss.zcrd.unit.IssuingAuthorityStatus.PENDING, "
            + "cn.hrss.zcrd.unit.IssuingAuthorityStatus.GRANTED, "
            + "cn.hrss.zcrd.unit.IssuingAuthorityStatus.SUSPENDED) order by a.appliedAt, a.id")
    List<IssuingAuthorityApplication> live(@Param("unitId") long unitId);

    /** Whether the unit holds granted authority for the level. */
    @Query("select count(a) > 0 from IssuingAuthorityApplication a join a.levelCodes l where a.unitId = :unitId "
            + "and a.status = cn.hrss.zcrd.unit.IssuingAuthorityStatus.GRANTED and l = :level")
    boolean holds(@Param("unitId") long unitId, @Param("level") String levelCode);

    /** Applications to the bureaus in a status (null: any), oldest first (the order a reviewer works in). */
    @Query("select a from IssuingAuthorityApplication a where a.bureauCode in :bureaus "
            + "and (:status is null or a.status = :status) order by a.appliedAt, a.id")
    List<IssuingAuthorityApplication> ofBureaus(
            @Param("bureaus") Collection<String> bureauCodes, @Param("status") IssuingAuthorityStatus status);
}
