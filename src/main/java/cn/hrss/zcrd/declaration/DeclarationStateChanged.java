package cn.hrss.zcrd.declaration;

import java.time.Instant;

/**
 * Published after every transition of a declaration (when the aggregate is saved).
 *
 * @param actingUnitId  the unit that acted; {@code null} when the applicant acted
 * @param currentUnitId the unit the declaration is with afterwards; {@code null} when with the applicant or closed
 */
public record DeclarationStateChanged(
        long declarationId,
        DeclarationAction action,
        DeclarationState from,
        DeclarationState to,
        Long actingUnitId,
        Long currentUnitId,
        Instant occurredAt) {}
