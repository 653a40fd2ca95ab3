package cn.hrss.zcrd.certificate.internal.pages;

import cn.hrss.zcrd.certificate.CertificateLibrary;
import cn.hrss.zcrd.certificate.LibraryEntry;
import cn.hrss.zcrd.certificate.LibraryQuery;
import cn.hrss.zcrd.certificate.LibrarySort;
import cn.hrss.zcrd.shared.PagedRows;
import java.util.List;
import java.util.Map;

/** The certificate library as a PrimeFaces lazy model: one count per query and one page query, in the database. */
public class LibraryRows extends PagedRows<LibraryEntry, LibraryQuery, LibrarySort> {

    private final CertificateLibrary library;

    LibraryRows(CertificateLibrary library) {
        super(
                LibraryQuery.all(),
                null,
                false,
                Map.of(
                        "holderName", LibrarySort.NAME,
                        "idNumber", LibrarySort.ID_NUMBER,
                        "levelName", LibrarySort.LEVEL,
                        "seriesName", LibrarySort.SERIES),
                LibrarySort.FINAL_APPROVED_AT);
        this.library = library;
    }

    /** The page size the certificate pages ask for: the table's, at most 100; 20 when it asks for none. */
    static int pageSize(int asked) {
        return asked > 0 ? Math.min(asked, 100) : 20;
    }

    @Override
    protected long count(LibraryQuery query) {
        return library.count(query);
    }

    @Override
    protected List<LibraryEntry> page(
            LibraryQuery query, int first, int pageSize, LibrarySort sort, boolean ascending) {
        return library.find(query, first, pageSize(pageSize), sort, ascending);
    }

    @Override
    protected long id(LibraryEntry row) {
        return row.id();
    }
}
