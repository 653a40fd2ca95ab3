package cn.hrss.zcrd.certificate;

/** Orders of 职称认定证书管理 (id as tie-breaker). */
public enum CertificateSort {
    NUMBER,
    NAME,
    PUBLISH_DATE,
    ISSUED_AT,
    STATUS
}
