package cn.hrss.zcrd.unit;

import java.io.Serializable;
import java.time.Instant;

/**
 * A reporting path as listed on 上报路径申请 / 上报路径审核 and as the review chain uses it, names resolved.
 *
 * @param unitName         the unit that reports along it
 * @param superiorUnitName the unit it reports to
 * @param opinion          the superior's opinion (required when rejected), or null
 */
public record ReportingPathInfo(
        long id,
        long unitId,
        String unitName,
        long superiorUnitId,
        String superiorUnitName,
        String levelCode,
        String levelName,
        String seriesCode,
        String seriesName,
        BusinessType businessType,
        ReportingPathStatus status,
        String opinion,
        Instant appliedAt,
        String decidedByName,
        Instant decidedAt)
        implements Serializable {

    /** Whether a declaration of this level and series may be reported along it now. */
    public boolean serves(String level, String series) {
        return status == ReportingPathStatus.EFFECTIVE && levelCode.equals(level) && seriesCode.equals(series);
    }
}
