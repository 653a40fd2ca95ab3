package cn.hrss.zcrd.certificate;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * The filter of 证书库管理 → 职称认定: every component is optional (null or blank: any). The unit is always the
 * operator's own; it is not part of the query.
 *
 * @param name         holder name, a part of it
 * @param idNumber     ID number, exactly (upper-case X accepted in either case)
 * @param levelCode    级别
 * @param seriesCode   系列
 * @param approvedFrom final approval (终审通过) on or after this day
 * @param approvedTo   final approval on or before this day
 * @param year         申报年度 of the declaration
 */
public record LibraryQuery(
        String name,
        String idNumber,
        String levelCode,
        String seriesCode,
        LocalDate approvedFrom,
        LocalDate approvedTo,
        Integer year)
        implements Serializable {

    public static LibraryQuery all() {
        return new LibraryQuery(null, null, null, null, null, null, null);
    }
}
