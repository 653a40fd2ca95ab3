package cn.hrss.zcrd.certificate.internal.pages;

import cn.hrss.zcrd.certificate.CertificateLibrary;
import cn.hrss.zcrd.certificate.LibraryEntry;
import cn.hrss.zcrd.certificate.LibraryQuery;
import cn.hrss.zcrd.certificate.LibrarySort;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** The certificate library as a PrimeFaces lazy model: one count per query and one page query, in the database. */
public class LibraryRows extends LazyDataModel<LibraryEntry> {

    private final transient CertificateLibrary library;
    private LibraryQuery query = LibraryQuery.all();
    private Long total;

    LibraryRows(CertificateLibrary library) {
        this.library = library;
    }

    void apply(LibraryQuery newQuery) {
        this.query = newQuery;
        this.total = null;
    }

    /** Counts again at the next load (after a batch took people out of the library). */
    void refresh() {
        this.total = null;
    }

    LibraryQuery query() {
        return query;
    }

    /** How many people the applied query finds (counted once per query). */
    long total() {
        if (total == null) {
            total = library.count(query);
        }
        return total;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(total(), Integer.MAX_VALUE);
    }

    @Override
    public List<LibraryEntry> load(
            int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        LibrarySort sort = null;
        boolean ascending = false;
        for (SortMeta meta : sortBy.values()) {
            if (meta.getOrder() == SortOrder.UNSORTED) {
                continue;
            }
            sort = switch (meta.getField()) {
                case "holderName" -> LibrarySort.NAME;
                case "idNumber" -> LibrarySort.ID_NUMBER;
                case "levelName" -> LibrarySort.LEVEL;
                case "seriesName" -> LibrarySort.SERIES;
                default -> LibrarySort.FINAL_APPROVED_AT;
            };
            ascending = meta.getOrder() == SortOrder.ASCENDING;
            break;
        }
        return library.find(query, first, pageSize > 0 ? Math.min(pageSize, 100) : 20, sort, ascending);
    }

    @Override
    public String getRowKey(LibraryEntry row) {
        return Long.toString(row.id());
    }

    @Override
    public LibraryEntry getRowData(String rowKey) {
        List<LibraryEntry> page = getWrappedData();
        return page == null
                ? null
                : page.stream()
                        .filter(r -> Long.toString(r.id()).equals(rowKey))
                        .findFirst()
                        .orElse(null);
    }
}
