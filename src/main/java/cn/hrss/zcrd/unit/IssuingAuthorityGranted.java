package cn.hrss.zcrd.unit;

/**
 * Published (synchronously, inside the granting transaction) when a unit's issuing authority takes effect — at
 * once, or when the second reviewer approved the four-eyes request. The back office onboards the unit then: its
 * operator account and the UKEY to issue.
 *
 * @param applicationId the granted application
 * @param unitId the unit
 * @param unitName its name
 * @param creditCode its unified social credit code
 * @param regionCode its region
 */
public record IssuingAuthorityGranted(
        long applicationId, long unitId, String unitName, String creditCode, String regionCode) {}
