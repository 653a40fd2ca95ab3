package cn.hrss.zcrd.catalog;

import java.io.Serializable;

/**
 * 申报级别 (title level), e.g. {@code ZHONGJI} 中级; {@code sortOrder} runs from 员级 (lowest) to 正高级.
 *
 * @param fullTimeRecognition whether full-time recognition (全日制职称认定) may grant this level (员级, 助理级, 中级)
 */
public record Level(long id, String code, String name, boolean fullTimeRecognition, int sortOrder, boolean enabled)
        implements Serializable {}
