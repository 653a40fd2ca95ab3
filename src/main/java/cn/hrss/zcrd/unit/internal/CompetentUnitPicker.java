package cn.hrss.zcrd.unit.internal;

import cn.hrss.zcrd.unit.UnitDirectory;
import cn.hrss.zcrd.unit.UnitPage;
import cn.hrss.zcrd.unit.UnitSummary;
import java.io.Serializable;

/**
 * A competent department (主管部门) picked from the unit directory by fuzzy search, paged
 * ({@code WEB-INF/includes/competent-picker.xhtml}). Used by 单位注册 and by the bureau's correction of a unit's
 * competent department.
 */
public final class CompetentUnitPicker implements Serializable {

    static final int PAGE_SIZE = 10;

    private final UnitDirectory directory;
    private String search;
    private UnitSummary chosen;
    private UnitPage results;

    CompetentUnitPicker(UnitDirectory directory) {
        this.directory = directory;
    }

    /** 查询: the directory's first page for the text typed. */
    public void find() {
        results = directory.search(search, 0, PAGE_SIZE);
    }

    public void page(int page) {
        results = directory.search(search, page, PAGE_SIZE);
    }

    public void choose(UnitSummary unit) {
        chosen = unit;
        results = null;
    }

    /** Shows {@code unit} as chosen (null: none). */
    void show(UnitSummary unit) {
        chosen = unit;
        results = null;
    }

    public void clear() {
        chosen = null;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public UnitSummary getChosen() {
        return chosen;
    }

    public UnitPage getResults() {
        return results;
    }

    public boolean isHasPreviousPage() {
        return results != null && results.page() > 0;
    }

    public boolean isHasNextPage() {
        return results != null && (long) (results.page() + 1) * results.size() < results.total();
    }
}
