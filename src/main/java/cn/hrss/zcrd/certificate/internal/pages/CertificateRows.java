package cn.hrss.zcrd.certificate.internal.pages;

import cn.hrss.zcrd.certificate.CertificateQuery;
import cn.hrss.zcrd.certificate.CertificateSort;
import cn.hrss.zcrd.certificate.TitleCertificate;
import cn.hrss.zcrd.certificate.TitleCertificates;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** The unit's certificates as a PrimeFaces lazy model, paged and sorted in the database. */
public class CertificateRows extends LazyDataModel<TitleCertificate> {

    private final transient TitleCertificates certificates;
    private CertificateQuery query = CertificateQuery.all();
    private Long total;

    CertificateRows(TitleCertificates certificates) {
        this.certificates = certificates;
    }

    void apply(CertificateQuery newQuery) {
        this.query = newQuery;
        this.total = null;
    }

    void refresh() {
        this.total = null;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        if (total == null) {
            total = certificates.count(query);
        }
        return (int) Math.min(total, Integer.MAX_VALUE);
    }

    @Override
    public List<TitleCertificate> load(
            int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        CertificateSort sort = null;
        boolean ascending = false;
        for (SortMeta meta : sortBy.values()) {
            if (meta.getOrder() == SortOrder.UNSORTED) {
                continue;
            }
            sort = switch (meta.getField()) {
                case "number" -> CertificateSort.NUMBER;
                case "holderName" -> CertificateSort.NAME;
                case "publishDate" -> CertificateSort.PUBLISH_DATE;
                case "status" -> CertificateSort.STATUS;
                default -> CertificateSort.ISSUED_AT;
            };
            ascending = meta.getOrder() == SortOrder.ASCENDING;
            break;
        }
        return certificates.find(query, first, pageSize > 0 ? Math.min(pageSize, 100) : 20, sort, ascending);
    }

    @Override
    public String getRowKey(TitleCertificate row) {
        return Long.toString(row.id());
    }

    @Override
    public TitleCertificate getRowData(String rowKey) {
        List<TitleCertificate> page = getWrappedData();
        return page == null
                ? null
                : page.stream()
                        .filter(r -> Long.toString(r.id()).equals(rowKey))
                        .findFirst()
                        .orElse(null);
    }
}
