package cn.hrss.zcrd.unit;

import java.io.Serializable;
import java.time.Instant;

/** A unit as the bureau's 单位注册审核 and the unit's own home show its verification. */
public record UnitVerificationInfo(
        long unitId,
        String name,
        String creditCode,
        String regionCode,
        String regionName,
        UnitType unitType,
        String contactPerson,
        String phone,
        UnitVerificationStatus status,
        String reason,
        Instant submittedAt,
        String decidedByName,
        Instant decidedAt)
        implements Serializable {

    public boolean isPending() {
        return status == UnitVerificationStatus.PENDING;
    }

    public boolean isRejected() {
        return status == UnitVerificationStatus.REJECTED;
    }
}
