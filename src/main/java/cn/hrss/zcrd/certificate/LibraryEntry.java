package cn.hrss.zcrd.certificate;

import cn.hrss.zcrd.unit.BusinessType;
import java.io.Serializable;
import java.time.Instant;

/**
 * A final-approved person in the certificate library (one declaration), awaiting a certificate or in a batch.
 *
 * @param id             the library entry (what {@link CertificateIssuance#start} takes)
 * @param idNumber       the whole ID number (the back office sees it; the PDF shows it masked)
 * @param batchId        the batch it is in, null while awaiting one
 * @param certificateNumber the number of its certificate in force once issued (listed only while the unit's
 *                          authority is suspended or withdrawn), else null
 * @param businessType   全日制职称认定 (a 职称认定 certificate follows) or 外地调入确认 (a 职称确认 one)
 */
public record LibraryEntry(
        long id,
        long declarationId,
        String holderName,
        String idNumber,
        String levelCode,
        String levelName,
        String seriesCode,
        String seriesName,
        String titleName,
        String specialtyName,
        int declarationYear,
        Instant finalApprovedAt,
        Long batchId,
        String certificateNumber,
        BusinessType businessType)
        implements Serializable {

    /** Whether it is already in a batch (queued or running): it cannot be selected again. */
    public boolean inBatch() {
        return batchId != null;
    }

    /** Whether it has its certificate already. */
    public boolean issued() {
        return certificateNumber != null;
    }
}
