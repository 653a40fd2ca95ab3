package cn.hrss.zcrd.catalog;

import java.io.Serializable;

/** 职称系列 (title series), e.g. {@code GONGCHENG} 工程. */
public record Series(long id, String code, String name, int sortOrder, boolean enabled) implements Serializable {}
