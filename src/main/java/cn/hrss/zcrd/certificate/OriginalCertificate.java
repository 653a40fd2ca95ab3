package cn.hrss.zcrd.certificate;

import java.time.LocalDate;

/**
 * The certificate a transferred person brought along, as a 职称确认 certificate prints it.
 *
 * @param issuingAuthority 发证机关
 * @param number           原证书编号
 * @param obtainedOn       取得时间
 */
public record OriginalCertificate(String issuingAuthority, String number, LocalDate obtainedOn) {}
