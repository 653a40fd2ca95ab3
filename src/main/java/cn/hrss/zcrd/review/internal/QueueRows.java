package cn.hrss.zcrd.review.internal;

import cn.hrss.zcrd.account.CurrentPortalUser;
import cn.hrss.zcrd.account.PortalAccountKind;
import cn.hrss.zcrd.declaration.DeclarationQueue;
import cn.hrss.zcrd.declaration.QueueItem;
import cn.hrss.zcrd.declaration.QueueQuery;
import cn.hrss.zcrd.declaration.QueueSort;
import cn.hrss.zcrd.shared.BusinessTime;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import java.util.List;
import java.util.Map;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * A unit's queue as a PrimeFaces lazy model: one count and one page query per request, both in the database, for
 * the signed-in unit (taken afresh on every load, never kept in the view).
 */
public class QueueRows extends LazyDataModel<QueueItem> {

    /** How far back the 申报年度 filter offers years. */
    static final int YEARS_BACK = 10;

    private final transient DeclarationQueue queue;
    private QueueQuery query;
    /** the paginator's total, counted once per query: paging through it does not count again */
    private Long total;

    QueueRows(DeclarationQueue queue, QueueQuery query) {
        this.queue = queue;
        this.query = query;
    }

    void apply(QueueQuery newQuery) {
        this.query = newQuery;
        this.total = null;
    }

    /** Counts again on the next load (after the unit changed what the query finds). */
    void refresh() {
        this.total = null;
    }

    QueueQuery query() {
        return query;
    }

    /** How many the applied query finds (counted once per query, like the paginator's total). */
    long total() {
        if (total == null) {
            total = queue.count(user(), query);
        }
        return total;
    }

    /** The choices of the 申报年度 filter, newest first. */
    static List<Integer> years(BusinessTime time) {
        return time.declarationYears(YEARS_BACK);
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(total(), Integer.MAX_VALUE);
    }

    @Override
    public List<QueueItem> load(
            int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        QueueSort sort = QueueSort.SUBMITTED_AT;
        boolean ascending = true;
        for (SortMeta meta : sortBy.values()) {
            if (meta.getOrder() == SortOrder.UNSORTED) {
                continue;
            }
            sort = switch (meta.getField()) {
                case "applicantName" -> QueueSort.APPLICANT_NAME;
                case "applicantIdNumber" -> QueueSort.ID_NUMBER;
                case "state" -> QueueSort.STATE;
                case "declarationYear" -> QueueSort.DECLARATION_YEAR;
                default -> QueueSort.SUBMITTED_AT;
            };
            ascending = meta.getOrder() == SortOrder.ASCENDING;
            break;
        }
        return queue.page(
                user(), query, first, pageSize > 0 ? pageSize : DeclarationQueue.MAX_PAGE_SIZE, sort, ascending);
    }

    @Override
    public String getRowKey(QueueItem row) {
        return Long.toString(row.id());
    }

    @Override
    public QueueItem getRowData(String rowKey) {
        List<QueueItem> page = getWrappedData();
        return page == null
                ? null
                : page.stream()
                        .filter(r -> Long.toString(r.id()).equals(rowKey))
                        .findFirst()
                        .orElse(null);
    }

    private static cn.hrss.zcrd.account.PortalUser user() {
        return CurrentPortalUser.requireKind(PortalAccountKind.UNIT);
    }

    static void firstPage(String tableId) {
        UIComponent table = FacesContext.getCurrentInstance().getViewRoot().findComponent(tableId);
        if (table instanceof DataTable dataTable) {
            dataTable.setFirst(0);
        }
    }
}
