package cn.hrss.zcrd.unit;

import java.time.Instant;
import java.util.List;

/**
 * An application for issuing authority as the portal and the back office list it, names resolved.
 *
 * @param unitRegionCode the applying unit's region (the back office's data scope)
 * @param levelCodes     the levels applied for, lowest first; {@code levelNames} in the same order
 * @param opinion        the bureau's opinion (required when rejected), or null
 * @param withdrawnReason why the bureau withdrew the authority (已撤销), else null; with who and when
 */
public record IssuingAuthorityInfo(
        long id,
        long unitId,
        String unitName,
        String unitCreditCode,
        String unitRegionCode,
        String bureauCode,
        String bureauName,
        List<String> levelCodes,
        List<String> levelNames,
        IssuingAuthorityStatus status,
        String opinion,
        Instant appliedAt,
        String decidedByName,
        Instant decidedAt,
        String withdrawnReason,
        String withdrawnByName,
        Instant withdrawnAt) {

    public IssuingAuthorityInfo {
        levelCodes = List.copyOf(levelCodes);
        levelNames = List.copyOf(levelNames);
    }

    /** The level names joined for display, e.g. {@code 员级、助理级}. */
    public String levelList() {
        return String.join("、", levelNames);
    }
}
