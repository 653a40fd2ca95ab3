package cn.hrss.zcrd.catalog;

import java.io.Serializable;

/**
 * An HR bureau (人社局, the province's 人力资源和社会保障厅 or a city's 局) responsible for one region and every
 * region below it that has no bureau of its own; back-office data scope follows it.
 */
public record Bureau(long id, String code, String name, String regionCode, int sortOrder, boolean enabled)
        implements Serializable {}
