package cn.hrss.zcrd.declaration;

import java.time.Instant;

/**
 * 终审通过: what the certificate module needs to put the person into its certificate library.
 *
 * @param approvingUnitId the unit holding issuing authority that gave the final approval
 */
public record DeclarationFinallyApproved(
        long declarationId,
        long applicantAccountId,
        int declarationYear,
        String levelCode,
        String seriesCode,
        long titleId,
        long specialtyId,
        long approvingUnitId,
        Instant occurredAt) {}
