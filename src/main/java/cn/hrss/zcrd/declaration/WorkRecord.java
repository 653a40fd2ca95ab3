package cn.hrss.zcrd.declaration;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One entry of the 工作经历 module. Field problems are named {@code work[i].component}.
 *
 * @param startDate 起始时间 *
 * @param endDate   终止时间; {@code null} = 至今
 * @param unitName  工作单位 *
 * @param duty      职务/岗位 *
 */
public record WorkRecord(LocalDate startDate, LocalDate endDate, String unitName, String duty)
        implements Serializable {}
