package cn.hrss.zcrd.unit;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * An application for issuing authority as the portal and the back office list it, names resolved.
 *
 * @param unitRegionCode the applying unit's region (the back office's data scope)
 * @param levelCodes     the levels applied for, lowest first; {@code levelNames} in the same order
 * @param opinion        the bureau's opinion (required when rejected), or null
 * @param withdrawnReason why the bureau withdrew the authority (已撤销), else null; with who and when
 * @param suspendedReason why the bureau last suspended the authority (已暂停, or resumed since), else null
 * @param resumedReason   why the bureau last resumed a suspended authority, else null
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
        Instant withdrawnAt,
        String suspendedReason,
        String suspendedByName,
        Instant suspendedAt,
        String resumedReason,
        String resumedByName,
        Instant resumedAt)
        implements Serializable {

    public IssuingAuthorityInfo {
        levelCodes = List.copyOf(levelCodes);
        levelNames = List.copyOf(levelNames);
    }

    /** Why issuing is stopped (the suspension's or the withdrawal's reason), or null while not stopped. */
    public String stopReason() {
        return switch (status) {
            case SUSPENDED -> suspendedReason;
            case WITHDRAWN -> withdrawnReason;
            default -> null;
        };
    }

    /** The level names joined for display, e.g. {@code 员级、助理级}. */
    public String levelList() {
        return String.join("、", levelNames);
    }
}
