package cn.hrss.zcrd.unit;

/** One line of the unit directory: enough to pick a unit in a dialog. */
public record UnitSummary(long id, String name, String creditCode, String regionCode) {}
