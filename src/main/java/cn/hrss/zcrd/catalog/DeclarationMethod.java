package cn.hrss.zcrd.catalog;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * 申报方式: a way to full-time recognition, e.g. 全日制大学本科毕业见习期满一年 → 助理级 after one year.
 *
 * @param levelCode         the level it entitles to
 * @param requiredEducation the full-time education it presumes
 * @param requiredYears     whole years of professional work required after graduation; 0 = at graduation
 */
public record DeclarationMethod(
        long id,
        String code,
        String name,
        String levelCode,
        Education requiredEducation,
        int requiredYears,
        int sortOrder,
        boolean enabled)
        implements Serializable {

    public DeclarationMethod {
        Objects.requireNonNull(requiredEducation, "requiredEducation");
        if (requiredYears < 0) {
            throw new IllegalArgumentException("requiredYears < 0: " + requiredYears);
        }
    }

    /**
     * The first day on which {@code requiredYears} whole years have passed since {@code start} (graduation or the
     * start of professional work, whichever the declaration rule counts from); 29 February counts to 28 February.
     */
    public LocalDate eligibleFrom(LocalDate start) {
        return start.plusYears(requiredYears);
    }
}
