package cn.hrss.zcrd.unit.internal;

import cn.hrss.zcrd.unit.ReportingPath;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ReportingPathRepository extends JpaRepository<ReportingPath, Long> {

    /** 上报路径申请: the unit's own paths, newest first. */
    List<ReportingPath> findByUnitIdOrderByAppliedAtDescIdDesc(long unitId);

    /** 上报路径审核: the paths addressed to the unit, pending first, then newest first. */
    @Query("select p from ReportingPath p where p.superiorUnitId = :unitId order by "
            + "case when p.status = cn.hrss.zcrd.unit.ReportingPathStatus.PENDING then 0 else 1 end, "
            + "p.appliedAt desc, p.id desc")
    List<ReportingPath> addressedTo(@Param("unitId") long unitId);

    /** The unit's pending or effective path for the level and series (at most one: uk_reporting_path_active). */
    @Query("select p from ReportingPath p where p.unitId = :unitId and p.levelCode = :level "
            + "and p.seriesCode = :series and p.status <> cn.hrss.zcrd.unit.ReportingPathStatus.REJECTED")
    Optional<ReportingPath> live(
            @Param("unitId") long unitId, @Param("level") String levelCode, @Param("series") String seriesCode);

    /** Every path of the unit for the level and series, newest first (for the review chain's message). */
    List<ReportingPath> findByUnitIdAndLevelCodeAndSeriesCodeOrderByAppliedAtDescIdDesc(
            long unitId, String levelCode, String seriesCode);
}
