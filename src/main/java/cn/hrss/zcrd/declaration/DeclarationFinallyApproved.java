package cn.hrss.zcrd.declaration;

import cn.hrss.zcrd.unit.BusinessType;
import java.time.Instant;

/**
 * 终审通过 (for a transfer-in confirmation: 确认通过): what the certificate module needs to put the person into its
 * certificate library.
 *
 * @param approvingUnitId the unit holding issuing authority that gave the final approval
 * @param businessType    full-time recognition, or transfer-in (its certificate is a 职称确认 certificate)
 * @param transfer        the title held and where it came from, for a transfer-in confirmation; null otherwise
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
        Instant occurredAt,
        BusinessType businessType,
        TransferInfo transfer) {}
