package cn.hrss.zcrd.declaration;

import cn.hrss.zcrd.unit.BusinessType;
import java.io.Serializable;
import java.time.Instant;

/**
 * A row of 我的申报信息.
 *
 * @param formAvailable whether 认定表预览 may be offered (the declaration has been submitted at least once)
 * @param statusKey     the label of where it stands ({@link Declaration#statusKey()}: the state, or the latest step
 *                      of its certificate's life)
 * @param certificateNumber the certificate in force (or the revoked one); null before issuance
 * @param businessType  full-time recognition or transfer-in confirmation
 */
public record DeclarationSummary(
        long id,
        int declarationYear,
        String levelName,
        String titleName,
        String specialtyName,
        DeclarationState state,
        Instant createdAt,
        Instant submittedAt,
        boolean formAvailable,
        String statusKey,
        String certificateNumber,
        BusinessType businessType)
        implements Serializable {}
