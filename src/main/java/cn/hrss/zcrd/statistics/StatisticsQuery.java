package cn.hrss.zcrd.statistics;

import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.unit.BusinessType;
import java.io.Serializable;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The filters of 统计分析: the months {@code from} … {@code to} (both included, in the business zone: a declaration
 * counts in the month it was first submitted, a certificate in the month it was issued), and optionally one business
 * type, one series (code) and one level (code); null means all.
 */
public record StatisticsQuery(
        YearMonth from, YearMonth to, BusinessType businessType, String seriesCode, String levelCode)
        implements Serializable {

    /** The longest range one query may span, in months. */
    public static final int MAX_MONTHS = 60;

    public StatisticsQuery {
        seriesCode = blankToNull(seriesCode);
        levelCode = blankToNull(levelCode);
    }

    /** The twelve months up to and including {@code month}, every business, series and level. */
    public static StatisticsQuery twelveMonthsTo(YearMonth month) {
        return new StatisticsQuery(month.minusMonths(11), month, null, null, null);
    }

    public StatisticsQuery withBusinessType(BusinessType type) {
        return new StatisticsQuery(from, to, type, seriesCode, levelCode);
    }

    public StatisticsQuery withSeries(String code) {
        return new StatisticsQuery(from, to, businessType, code, levelCode);
    }

    public StatisticsQuery withLevel(String code) {
        return new StatisticsQuery(from, to, businessType, seriesCode, code);
    }

    /** The months of the range, oldest first. */
    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /** What is wrong with the range, at the fields {@code from} / {@code to}; empty when it can be asked. */
    public List<FieldProblem> rangeProblems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (from == null) {
            problems.add(FieldProblem.of("from", "field.required"));
        }
        if (to == null) {
            problems.add(FieldProblem.of("to", "field.required"));
        }
        if (from != null && to != null) {
            if (from.isAfter(to)) {
                problems.add(FieldProblem.of("to", "statistics.range.reversed"));
            } else if (ChronoUnit.MONTHS.between(from, to) + 1 > MAX_MONTHS) {
                problems.add(FieldProblem.of("to", "statistics.range.too-long", MAX_MONTHS));
            }
        }
        return problems;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
