package cn.hrss.zcrd.unit.internal;

import cn.hrss.zcrd.unit.Unit;
import cn.hrss.zcrd.unit.UnitVerificationStatus;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface UnitRepository extends JpaRepository<Unit, Long> {

    Optional<Unit> findByAccountId(Long accountId);

    Optional<Unit> findByCreditCode(String creditCode);

    boolean existsByCreditCode(String creditCode);

    boolean existsByNameKey(String nameKey);

    /** Another unit than {@code unitId} holds the name key (a rejected unit's corrected name). */
    boolean existsByNameKeyAndIdNot(String nameKey, Long unitId);

    /** 单位注册审核: the units of the regions in the status (null: all), pending first, oldest submission first. */
    @Query("select u from Unit u where u.regionCode in :regions and (:status is null or u.verification = :status) "
            + "order by case when u.verification = cn.hrss.zcrd.unit.UnitVerificationStatus.PENDING then 0 else 1 end,"
            + " u.verificationSubmittedAt, u.id")
    List<Unit> ofRegions(@Param("regions") Collection<String> regions, @Param("status") UnitVerificationStatus status);

    @Query("select count(u) from Unit u where u.regionCode in :regions and u.verification = :status")
    long countOfRegions(@Param("regions") Collection<String> regions, @Param("status") UnitVerificationStatus status);
}
