package cn.hrss.zcrd.unit.internal;

import cn.hrss.zcrd.shared.ApproveOrRejectPage;
import cn.hrss.zcrd.shared.BusinessTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What the unit module's review pages (发放权限审核, 单位注册审核) share: a queue of rows {@code R} filtered by a status
 * {@code S} ({@code #{page.status}}, {@code #{page.statuses}}), its pending count, the row opened for 通过 / 驳回
 * ({@code #{page.selected}}), and, after a refused action, the row shown again as it now stands.
 */
public abstract class ReviewQueuePage<R, S extends Enum<S>> extends ApproveOrRejectPage {

    private static final long serialVersionUID = 1L;

    private final BusinessTime businessTime;
    private final Class<S> statusType;
    private String status;
    private List<R> rows;
    private long pendingCount;
    private R selected;

    protected ReviewQueuePage(BusinessTime businessTime, Class<S> statusType, String status) {
        this.businessTime = businessTime;
        this.statusType = statusType;
        this.status = status;
    }

    /** 查询 (by status) */
    public abstract void search();

    /** The opened row as it now stands (empty when the reviewer may no longer see it). */
    protected abstract Optional<R> reload(R row);

    /** Shows the queue the search found. */
    protected final void show(List<R> found, long pending) {
        rows = found;
        pendingCount = pending;
    }

    protected final void select(R row) {
        selected = row;
    }

    /** The status of the filter as submitted (null: all). */
    protected final S statusFilter() {
        return status == null || status.isEmpty() ? null : Enum.valueOf(statusType, status);
    }

    /**
     * The outcome of {@code decision} on the opened row (null when none is open); when it is refused, null, the reason
     * shown as {@link ReviewRefusals#shown} does, and the row and the queue read again.
     */
    protected final String decided(Supplier<String> decision, String opinionField, Predicate<String> needsOpinion) {
        if (selected == null) {
            return null;
        }
        String outcome = ReviewRefusals.shown(decision, opinionField, needsOpinion);
        if (outcome != null) {
            return outcome;
        }
        return stay();
    }

    /** Stays on the page: the opened row and the queue read again; null. */
    protected final String stay() {
        selected = reload(selected).orElse(null);
        search();
        return null;
    }

    public String time(Instant instant) {
        return businessTime.minutes(instant);
    }

    /** The status filter's choices: all, then each status. */
    public List<S> getStatuses() {
        return List.of(statusType.getEnumConstants());
    }

    public List<R> getRows() {
        return rows;
    }

    public long getPendingCount() {
        return pendingCount;
    }

    public R getSelected() {
        return selected;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }
}
