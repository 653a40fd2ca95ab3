package cn.hrss.zcrd.shared;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a list page's ticks chose for an action on many rows (数据上报, 证书入库): the ticked row ids
 * ({@code #{view.selection.ticked[row.id]}}) or — 全选查询结果 — everything the applied query finds
 * ({@code #{view.selection.allMatching}}). Kept in the view-scoped bean; the ids are only a request, the service
 * checks each row again.
 */
public class RowSelection implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<Long, Boolean> ticked = new HashMap<>();
    private boolean allMatching;

    /** The ticked ids, ascending. */
    public List<Long> ids() {
        return ticked.entrySet().stream()
                .filter(e -> Boolean.TRUE.equals(e.getValue()))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** Nothing chosen any more (a new query, or the action done). */
    public void clear() {
        ticked.clear();
        allMatching = false;
    }

    public Map<Long, Boolean> getTicked() {
        return ticked;
    }

    public boolean isAllMatching() {
        return allMatching;
    }

    public void setAllMatching(boolean allMatching) {
        this.allMatching = allMatching;
    }
}
