package cn.hrss.zcrd.catalog;

/**
 * An administrative region (行政区划), identified by its six-digit GB/T 2260 code, e.g. {@code 370100} 济南市.
 *
 * @param parentCode the enclosing region, {@code null} for the province
 */
public record Region(String code, String name, RegionKind kind, String parentCode, int sortOrder, boolean enabled) {}
