package cn.hrss.zcrd.seal;

import java.time.Instant;

/**
 * The bureau approved version {@code version} of a unit's seal impression; from now on it is the version in force.
 * This is the moment the unit's electronic seal (signing key in the platform token + seal CA certificate) is
 * generated for that version.
 *
 * @param impressionId the stored impression (its PNG is read through the seal module's API)
 * @param unitName     the unit's registered name, for the seal certificate's subject
 * @param creditCode   the unit's unified social credit code, for the seal certificate's subject
 */
public record SealImpressionApproved(
        long impressionId, long unitId, int version, String unitName, String creditCode, Instant occurredAt) {}
