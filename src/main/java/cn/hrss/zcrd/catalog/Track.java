package cn.hrss.zcrd.catalog;

import java.io.Serializable;

/**
 * A line of titles inside a series that has several (卫生: 医疗, 药学, 护理, 技术; 教育: 中小学教师, 高等学校教师;
 * 农业: 农艺, 畜牧, 兽医). It decides which specialties a title offers.
 */
public record Track(long id, String code, String seriesCode, String name, int sortOrder, boolean enabled)
        implements Serializable {}
