package cn.hrss.zcrd.unit.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface UnitDataChangeRepository extends JpaRepository<UnitDataChange, Long> {

    /** A unit's corrections, newest first. */
    List<UnitDataChange> findByUnitIdOrderByChangedAtDescIdDesc(long unitId);
}
