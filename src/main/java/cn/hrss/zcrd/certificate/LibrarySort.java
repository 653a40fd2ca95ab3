package cn.hrss.zcrd.certificate;

/** Orders of the certificate library's list (each with the entry id as tie-breaker, so paging is stable). */
public enum LibrarySort {
    FINAL_APPROVED_AT,
    NAME,
    ID_NUMBER,
    LEVEL,
    SERIES
}
