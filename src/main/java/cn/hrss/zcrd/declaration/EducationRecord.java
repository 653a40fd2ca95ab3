package cn.hrss.zcrd.declaration;

import cn.hrss.zcrd.catalog.Education;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * One entry of the 学历学位 module. Field problems are named {@code education[i].component}.
 *
 * @param school         学校 *
 * @param major          专业 *
 * @param level          学历 *
 * @param degree         学位 * ({@link Degree#NONE} when none)
 * @param startDate      入学时间 *
 * @param endDate        毕业时间 * (not before the start, not in the future)
 * @param diplomaNumber  毕业证书编号 * (letters, digits and hyphens)
 */
public record EducationRecord(
        String school,
        String major,
        Education level,
        Degree degree,
        LocalDate startDate,
        LocalDate endDate,
        String diplomaNumber)
        implements Serializable {}
