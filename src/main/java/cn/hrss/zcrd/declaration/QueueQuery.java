package cn.hrss.zcrd.declaration;

import cn.hrss.zcrd.unit.BusinessType;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * The query form of a unit's review queue. Blank or null parts do not filter.
 *
 * @param name     part of the applicant's name (any position)
 * @param idNumber the start of the applicant's ID number (the whole number finds one person)
 * @param from     first day of submission (确定申报), inclusive
 * @param to       last day of submission, inclusive
 * @param status   null means {@link QueueStatus#PENDING}
 * @param business 全日制职称认定 or 外地调入确认; null: both
 * @param year     申报年度 (the year the applicant declared for, as stored on the declaration); null: any
 */
public record QueueQuery(
        String name,
        String idNumber,
        String levelCode,
        String seriesCode,
        QueueStatus status,
        LocalDate from,
        LocalDate to,
        BusinessType business,
        Integer year)
        implements Serializable {

    public static QueueQuery pending() {
        return new QueueQuery(null, null, null, null, QueueStatus.PENDING, null, null, null, null);
    }

    public static QueueQuery of(QueueStatus status) {
        return new QueueQuery(null, null, null, null, status, null, null, null, null);
    }

    public QueueStatus statusOrDefault() {
        return status == null ? QueueStatus.PENDING : status;
    }
}
