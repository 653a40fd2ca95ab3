package cn.hrss.zcrd.statistics.internal;

import cn.hrss.zcrd.statistics.StatisticsReport.Dimension;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The read-only SQL of 统计分析 over the declaration, certificate and unit tables of other modules (why: see the
 * module's package-info). Every query is one {@code GROUP BY} of one dimension over one time range, answered from
 * the indexes of V104 without reading rows: declarations by {@code first_submitted_at}, certificates by
 * {@code issued_at} (joined to their declaration by primary key only when a filter or the dimension needs the
 * declaration). Region: the declaring unit's; it is counted per unit first and joined to the unit table after the
 * count (a few thousand units instead of every row), and a region scope is a semi-join on the units of the region.
 * A month is a {@code CASE} over the month boundaries computed in the business zone, so the database's and the JVM's
 * zones never decide which month a time falls in.
 */
@Component
public class StatisticsSql {

    /**
     * What to count.
     *
     * @param monthStarts  the first instant of each month of the range, oldest first, then the end of the range
     *                     (exclusive): {@code n + 1} instants for {@code n} months
     * @param businessType {@code BusinessType} name, or null for all
     * @param seriesCode   or null for all
     * @param levelCode    or null for all
     * @param regionCodes  the declaring unit's region must be one of these; null: any region
     */
    public record Filter(
            List<Instant> monthStarts,
            String businessType,
            String seriesCode,
            String levelCode,
            Collection<String> regionCodes) {

        public Filter {
            monthStarts = List.copyOf(monthStarts);
            if (monthStarts.size() < 2) {
                throw new IllegalArgumentException("a range of at least one month");
            }
            regionCodes = regionCodes == null ? null : List.copyOf(regionCodes);
        }

        Instant from() {
            return monthStarts.get(0);
        }

        Instant to() {
            return monthStarts.get(monthStarts.size() - 1);
        }

        boolean needsDeclaration() {
            return businessType != null || seriesCode != null || levelCode != null || regionCodes != null;
        }
    }

    private final JdbcTemplate jdbc;

    StatisticsSql(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Declarations sent at least once, by the month of their first submission, counted by {@code dimension}: key →
     * count (REGION: region code; SERIES, LEVEL: code; STATE: state name; MONTH: the month's index in the range).
     */
    public Map<String, Long> declarations(Dimension dimension, Filter filter) {
        String time = "d.first_submitted_at";
        String key = switch (dimension) {
            case REGION -> "d.declaring_unit_id";
            case SERIES -> "d.series_code";
            case LEVEL -> "d.level_code";
            case STATE -> "d.state";
            case MONTH -> null;
            case STATUS -> throw new IllegalArgumentException("a declaration has no certificate status");
        };
        return count(dimension, "declaration d", time, key, filter);
    }

    /**
     * Certificates by the month of their issue, counted by {@code dimension} (as {@link #declarations}; STATUS:
     * the status name). Series, level, business type and region are those of the certificate's declaration.
     */
    public Map<String, Long> certificates(Dimension dimension, Filter filter) {
        String time = "t.issued_at";
        String key = switch (dimension) {
            case REGION -> "d.declaring_unit_id";
            case SERIES -> "d.series_code";
            case LEVEL -> "d.level_code";
            case STATUS -> "t.status";
            case MONTH -> null;
            case STATE -> throw new IllegalArgumentException("a certificate has a status, not a state");
        };
        boolean join = filter.needsDeclaration() || (key != null && key.startsWith("d."));
        String from =
                join ? "title_certificate t JOIN declaration d ON d.id = t.declaration_id" : "title_certificate t";
        return count(dimension, from, time, key, filter);
    }

    private Map<String, Long> count(Dimension dimension, String from, String time, String key, Filter filter) {
        List<Object> args = new ArrayList<>();
        String expression = key != null ? key : monthCase(time, filter, args);
        StringBuilder where = new StringBuilder(" WHERE ")
                .append(time)
                .append(" >= ? AND ")
                .append(time)
                .append(" < ?");
        args.add(Timestamp.from(filter.from()));
        args.add(Timestamp.from(filter.to()));
        if (filter.businessType() != null) {
            where.append(" AND d.business_type = ?");
            args.add(filter.businessType());
        }
        if (filter.seriesCode() != null) {
            where.append(" AND d.series_code = ?");
            args.add(filter.seriesCode());
        }
        if (filter.levelCode() != null) {
            where.append(" AND d.level_code = ?");
            args.add(filter.levelCode());
        }
        if (filter.regionCodes() != null) {
            if (filter.regionCodes().isEmpty()) {
                return Map.of();
            }
            where.append(" AND d.declaring_unit_id IN (SELECT s.id FROM unit s WHERE s.region_code IN (")
                    .append(String.join(
                            ", ",
                            java.util.Collections.nCopies(filter.regionCodes().size(), "?")))
                    .append("))");
            args.addAll(filter.regionCodes());
        }
        String sql = dimension == Dimension.REGION
                // count per unit, then add the units up by region
                ? "SELECT u.region_code, SUM(x.n) FROM (SELECT " + expression + " AS k, COUNT(*) AS n FROM " + from
                        + where + " GROUP BY " + expression + ") x JOIN unit u ON u.id = x.k GROUP BY u.region_code"
                : "SELECT x.k, COUNT(*) FROM (SELECT " + expression + " AS k FROM " + from + where + ") x GROUP BY x.k";
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query(
                sql,
                rs -> {
                    counts.merge(rs.getString(1), rs.getLong(2), Long::sum);
                },
                args.toArray());
        return counts;
    }

    /** {@code CASE WHEN time < (start of month 2) THEN 0 WHEN … ELSE n - 1 END}: the month's index in the range. */
    private static String monthCase(String time, Filter filter, List<Object> args) {
        int months = filter.monthStarts().size() - 1;
        if (months == 1) {
            return "0";
        }
        StringBuilder sql = new StringBuilder("CASE");
        for (int i = 1; i < months; i++) {
            sql.append(" WHEN ").append(time).append(" < ? THEN ").append(i - 1);
            args.add(Timestamp.from(filter.monthStarts().get(i)));
        }
        return sql.append(" ELSE ").append(months - 1).append(" END").toString();
    }
}
