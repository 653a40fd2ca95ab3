package cn.hrss.zcrd.unit.internal;

import cn.hrss.zcrd.unit.ReportingPathInfo;
import java.util.List;
import java.util.Optional;

/**
 * What the rules of 上报路径申请 look at.
 *
 * @param liveSameKind  the unit's pending or effective path for the same level and series, if any
 * @param superiorChain the units reached from the superior by following live paths of the same level and series
 *                      upwards (the superior's superior first), as far as they go
 */
public record PathApplicationFacts(
        long unitId,
        long superiorUnitId,
        String superiorName,
        String levelName,
        String seriesName,
        Optional<ReportingPathInfo> liveSameKind,
        List<Long> superiorChain) {}
