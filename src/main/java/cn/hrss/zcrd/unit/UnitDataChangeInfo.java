package cn.hrss.zcrd.unit;

import java.io.Serializable;
import java.time.Instant;

/**
 * One correction of a unit's region and competent department (所在地区 / 主管部门) as the back office shows it, names
 * resolved (region as 省 / 市 / 区; a competent department that no longer exists by its id).
 */
public record UnitDataChangeInfo(
        long id,
        String oldRegionCode,
        String oldRegionName,
        String newRegionCode,
        String newRegionName,
        Long oldCompetentUnitId,
        String oldCompetentName,
        Long newCompetentUnitId,
        String newCompetentName,
        String reason,
        String changedByName,
        Instant changedAt)
        implements Serializable {}
