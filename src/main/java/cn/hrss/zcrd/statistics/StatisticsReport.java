package cn.hrss.zcrd.statistics;

import java.io.Serializable;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The figures of one {@link StatisticsQuery} within one region: for each dimension its rows in display order (every
 * known value, zeros included, then any other value found), each with the declarations and the certificates it
 * counts. A row of the declaration states counts no certificates, a row of the certificate statuses no declarations.
 *
 * @param scopeCode    the region the figures cover (the viewer's)
 * @param scopePath    that region for display, e.g. {@code 山东省 / 济南市}
 * @param regions      by the region of the declaring unit (申报单位), one level below the scope: a city for the
 *                     province, a district for a city; the scope's own row holds units registered at its own level
 * @param series       by series (系列)
 * @param levels       by level (级别)
 * @param states       declarations by their state now
 * @param statuses     certificates by their status now (有效, 已注销, 已补发, 已更正)
 * @param months       by month: declarations of their first submission, certificates of their issue
 * @param declarations declarations in all
 * @param certificates certificates in all
 */
public record StatisticsReport(
        String scopeCode,
        String scopePath,
        StatisticsQuery query,
        List<Row> regions,
        List<Row> series,
        List<Row> levels,
        List<Row> states,
        List<Row> statuses,
        List<Row> months,
        long declarations,
        long certificates)
        implements Serializable {

    /** What a row is about: a name from the data (region, series, level, month) or a message key (state). */
    public record Label(String name, String key) implements Serializable {

        public static Label named(String name) {
            return new Label(name, null);
        }

        public static Label keyed(String key) {
            return new Label(null, key);
        }

        /** For display: the name, or the message of the key ({@code messages} resolves a key). */
        public String text(UnaryOperator<String> messages) {
            return name != null ? name : messages.apply(key);
        }
    }

    /**
     * One row.
     *
     * @param code         the value counted: region code, series or level code, state or status name, month
     *                     {@code 2026-01}
     * @param label        what to show
     * @param declarations the declarations it counts
     * @param certificates the certificates it counts
     */
    public record Row(String code, Label label, long declarations, long certificates) implements Serializable {}

    /** The dimensions, in the order the page, its charts and the export show them. */
    public enum Dimension {
        REGION,
        SERIES,
        LEVEL,
        STATE,
        STATUS,
        MONTH;

        /** Message key of the dimension's name. */
        public String messageKey() {
            return "statistics.dimension." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The rows of one dimension. */
    public List<Row> rows(Dimension dimension) {
        return switch (dimension) {
            case REGION -> regions;
            case SERIES -> series;
            case LEVEL -> levels;
            case STATE -> states;
            case STATUS -> statuses;
            case MONTH -> months;
        };
    }
}
