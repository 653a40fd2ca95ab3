package cn.hrss.zcrd.declaration;

import java.io.Serializable;

/**
 * The 专业技术工作业绩/见习期考核 module.
 *
 * @param achievements    专业技术工作业绩 * (up to 4,000 characters)
 * @param probationResult 见习期考核结果 *
 */
public record Performance(String achievements, ProbationResult probationResult) implements Serializable {}
