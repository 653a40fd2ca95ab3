package cn.hrss.zcrd.shared;

import jakarta.faces.context.FacesContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * A list page's rows as a PrimeFaces lazy model, paged and sorted in the database: the applied query is counted once
 * (paging through it does not count again) and each page is one query with the column the table sorts by. A list
 * says how to count, how to fetch a page and which sort each column stands for; the rest is here, once.
 *
 * @param <T> a row (a record with an id)
 * @param <Q> the applied query (serialisable: it lives in a view-scoped bean)
 * @param <S> the sort a column stands for
 */
public abstract class PagedRows<T, Q, S> extends LazyDataModel<T> {

    private final S defaultSort;
    private final boolean defaultAscending;
    private final Map<String, S> columns;
    private final S otherColumn;
    private Q query;
    /** the paginator's total, counted once per query */
    private Long total;

    /**
     * Rows of {@code query}, in {@code defaultSort} order while the table sorts by no column; a column the table
     * sorts by is sorted by what {@code columns} maps its field to, any other by {@code otherColumn}.
     */
    protected PagedRows(Q query, S defaultSort, boolean defaultAscending, Map<String, S> columns, S otherColumn) {
        this.query = query;
        this.defaultSort = defaultSort;
        this.defaultAscending = defaultAscending;
        this.columns = Map.copyOf(columns);
        this.otherColumn = otherColumn;
    }

    /** Applies a new query: counts again at the next load. */
    public void apply(Q newQuery) {
        this.query = newQuery;
        this.total = null;
    }

    /** Counts again at the next load (after something changed what the query finds). */
    public void refresh() {
        this.total = null;
    }

    public Q query() {
        return query;
    }

    /** How many the applied query finds (counted once per query, like the paginator's total). */
    public long total() {
        if (total == null) {
            total = count(query);
        }
        return total;
    }

    /** How many {@code query} finds. */
    protected abstract long count(Q query);

    /** One page of {@code query} in the sort's order ({@code pageSize} as the table asks, 0 when it does not). */
    protected abstract List<T> page(Q query, int first, int pageSize, S sort, boolean ascending);

    /** The row's database id (its row key). */
    protected abstract long id(T row);

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(total(), Integer.MAX_VALUE);
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        S sort = defaultSort;
        boolean ascending = defaultAscending;
        for (SortMeta meta : sortBy.values()) {
            if (meta.getOrder() == SortOrder.UNSORTED) {
                continue;
            }
            sort = columns.getOrDefault(meta.getField(), otherColumn);
            ascending = meta.getOrder() == SortOrder.ASCENDING;
            break;
        }
        return page(query, first, pageSize, sort, ascending);
    }

    @Override
    public String getRowKey(T row) {
        return Long.toString(id(row));
    }

    @Override
    public T getRowData(String rowKey) {
        List<T> page = getWrappedData();
        return page == null
                ? null
                : page.stream()
                        .filter(r -> Objects.equals(getRowKey(r), rowKey))
                        .findFirst()
                        .orElse(null);
    }

    /** Shows the first page of the data table {@code tableId} (after 查询 applied a new query). */
    public static void firstPage(String tableId) {
        if (FacesContext.getCurrentInstance().getViewRoot().findComponent(tableId) instanceof DataTable table) {
            table.setFirst(0);
        }
    }
}
