package cn.hrss.zcrd.certificate;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * The filter of 职称认定证书管理; every component optional (null or blank: any). Always within the operator's unit.
 *
 * @param name       holder name, a part of it
 * @param idNumber   ID number, exactly
 * @param number     certificate number, exactly
 * @param issuedFrom 公布时间 on or after
 * @param issuedTo   公布时间 on or before
 * @param status     有效 / 已注销
 */
public record CertificateQuery(
        String name, String idNumber, String number, LocalDate issuedFrom, LocalDate issuedTo, CertificateStatus status)
        implements Serializable {

    public static CertificateQuery all() {
        return new CertificateQuery(null, null, null, null, null, null);
    }
}
