package cn.hrss.zcrd.declaration;

import cn.hrss.zcrd.unit.BusinessType;
import java.io.Serializable;
import java.time.Instant;

/**
 * One row of a unit's review queue.
 *
 * @param withThisUnit whether the declaration is with the asking unit now (it may decide on it)
 */
public record QueueItem(
        long id,
        String applicantName,
        String applicantIdNumber,
        int declarationYear,
        String levelCode,
        String levelName,
        String seriesCode,
        String seriesName,
        String titleName,
        DeclarationState state,
        String declaringUnitName,
        Instant submittedAt,
        boolean withThisUnit,
        BusinessType businessType)
        implements Serializable {}
