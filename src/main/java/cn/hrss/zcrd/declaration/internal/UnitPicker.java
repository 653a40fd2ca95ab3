package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.unit.UnitDirectory;
import cn.hrss.zcrd.unit.UnitPage;
import cn.hrss.zcrd.unit.UnitSummary;
import java.io.Serializable;

/**
 * The unit dialog of the basic form (申报单位 / 工作单位): fuzzy search on any part of the name through
 * {@link UnitDirectory#search}, paging, one row selected, 确定. It only offers units; the service checks that the
 * chosen id exists.
 */
public final class UnitPicker implements Serializable {

    static final int PAGE_SIZE = 10;

    private final UnitDirectory directory;
    private String target;
    private String search;
    private UnitPage results;
    private UnitSummary selected;

    UnitPicker(UnitDirectory directory) {
        this.directory = directory;
    }

    /** Opens the dialog for a field ({@link BasicForm#DECLARING_UNIT} or {@link BasicForm#WORK_UNIT}). */
    public void open(String field) {
        target = BasicForm.WORK_UNIT.equals(field) ? BasicForm.WORK_UNIT : BasicForm.DECLARING_UNIT;
        search = null;
        results = null;
        selected = null;
    }

    /** 查询: the first page of units whose name contains the text. */
    public void find() {
        selected = null;
        results = directory.search(search, 0, PAGE_SIZE);
    }

    public void page(int page) {
        results = directory.search(search, page, PAGE_SIZE);
    }

    public void select(UnitSummary unit) {
        selected = unit;
    }

    void close() {
        results = null;
        selected = null;
    }

    public boolean isSelected(UnitSummary unit) {
        return selected != null && selected.id() == unit.id();
    }

    public boolean isHasPreviousPage() {
        return results != null && results.page() > 0;
    }

    public boolean isHasNextPage() {
        return results != null && (long) (results.page() + 1) * results.size() < results.total();
    }

    /** 1-based number of the page shown, and how many pages there are. */
    public int getPageNumber() {
        return results == null ? 0 : results.page() + 1;
    }

    public long getPageCount() {
        return results == null ? 0 : Math.max(1, (results.total() + results.size() - 1) / results.size());
    }

    public String getTarget() {
        return target;
    }

    public boolean isForWorkUnit() {
        return BasicForm.WORK_UNIT.equals(target);
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public UnitPage getResults() {
        return results;
    }

    public UnitSummary getSelected() {
        return selected;
    }
}
