package cn.hrss.zcrd.audit;

import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.FacesMessages;
import cn.hrss.zcrd.shared.XlsxExport;
import java.util.Objects;
import java.util.StringJoiner;
import org.primefaces.model.StreamedContent;

/**
 * The audit row of a back-office list exported to Excel ({@code LIST_EXPORTED}): who (the current user), which list,
 * with which filter and how many rows. Build the filter with {@link #filter()}; an ID number in it is masked.
 */
public final class ListExportAudit {

    public static final String ACTION = "LIST_EXPORTED";

    private ListExportAudit() {}

    /** The entry for {@code rows} rows of the list named {@code listName} exported with {@code filter}. */
    public static AuditEntry entry(String listName, Filter filter, long rows) {
        return AuditEntry.action(ACTION)
                .detail("list=" + listName + "; filter=" + filter + "; rows=" + rows)
                .build();
    }

    /**
     * The 导出Excel download ({@link XlsxExport#download}) of the list named by {@code listKey}, which records its
     * export with {@code filter} in {@code trail} once the rows are written (the name is resolved now, in the
     * request).
     */
    public static <T> StreamedContent download(
            XlsxExport<T> export,
            String listKey,
            BusinessTime time,
            XlsxExport.Pages<T> pages,
            AuditTrail trail,
            Filter filter) {
        String list = FacesMessages.text(listKey);
        return export.download(listKey, time, pages, rows -> trail.record(entry(list, filter, rows)));
    }

    public static Filter filter() {
        return new Filter();
    }

    /** The filter's set fields as {@code name: value, …} ({@code 全部} when none is set). */
    public static final class Filter {

        private final StringJoiner parts = new StringJoiner(", ");

        private Filter() {}

        /** Adds the field when it has a value. */
        public Filter with(String name, Object value) {
            if (value != null && !value.toString().isBlank()) {
                parts.add(name + ": " + value.toString().replace(";", ","));
            }
            return this;
        }

        /** Adds an ID number filter, masked after its first six characters (the region). */
        public Filter withIdNumber(String name, String idNumber) {
            if (idNumber != null && !idNumber.isBlank()) {
                String s = idNumber.strip();
                with(name, s.length() <= 6 ? s : s.substring(0, 6) + "*".repeat(Math.min(12, s.length() - 6)));
            }
            return this;
        }

        @Override
        public String toString() {
            return parts.length() == 0 ? "全部" : parts.toString();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Filter f && Objects.equals(toString(), f.toString());
        }

        @Override
        public int hashCode() {
            return toString().hashCode();
        }
    }
}
