package cn.hrss.zcrd.certificate.internal.pages;

import cn.hrss.zcrd.certificate.CertificateQuery;
import cn.hrss.zcrd.certificate.CertificateSort;
import cn.hrss.zcrd.certificate.TitleCertificate;
import cn.hrss.zcrd.certificate.TitleCertificates;
import cn.hrss.zcrd.shared.PagedRows;
import java.util.List;
import java.util.Map;

/** The unit's certificates as a PrimeFaces lazy model, paged and sorted in the database. */
public class CertificateRows extends PagedRows<TitleCertificate, CertificateQuery, CertificateSort> {

    private final TitleCertificates certificates;

    CertificateRows(TitleCertificates certificates) {
        super(
                CertificateQuery.all(),
                null,
                false,
                Map.of(
                        "number", CertificateSort.NUMBER,
                        "holderName", CertificateSort.NAME,
                        "publishDate", CertificateSort.PUBLISH_DATE,
                        "status", CertificateSort.STATUS),
                CertificateSort.ISSUED_AT);
        this.certificates = certificates;
    }

    @Override
    protected long count(CertificateQuery query) {
        return certificates.count(query);
    }

    @Override
    protected List<TitleCertificate> page(
            CertificateQuery query, int first, int pageSize, CertificateSort sort, boolean ascending) {
        return certificates.find(query, first, LibraryRows.pageSize(pageSize), sort, ascending);
    }

    @Override
    protected long id(TitleCertificate row) {
        return row.id();
    }
}
