package cn.hrss.zcrd.catalog;

/** Tier of an administrative region (行政区划). */
public enum RegionKind {
    /** 省、自治区、直辖市. */
    PROVINCE,
    /** 地级市 (prefecture-level city). */
    CITY,
    /** 市辖区、县、县级市. */
    DISTRICT
}
