package cn.hrss.zcrd.catalog;

import java.io.Serializable;

/**
 * 申报职称: the title a series gives at one level, e.g. 工程师 (工程, 中级) or 主管护师 (卫生 / 护理, 中级).
 *
 * @param trackCode the track inside the series, or {@code null} when the title serves the whole series
 */
public record Title(
        long id,
        String code,
        String name,
        String levelCode,
        String seriesCode,
        String trackCode,
        int sortOrder,
        boolean enabled)
        implements Serializable {}
