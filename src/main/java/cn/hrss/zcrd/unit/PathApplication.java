package cn.hrss.zcrd.unit;

/**
 * The 新增 form of 上报路径申请: the superior unit (chosen from the unit directory), title level and series, and the
 * business the path is applied for. Any field may be null (then it is refused at its field).
 */
public record PathApplication(Long superiorUnitId, String levelCode, String seriesCode, BusinessType businessType) {}
