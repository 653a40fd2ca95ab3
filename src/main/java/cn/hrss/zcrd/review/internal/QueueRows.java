package cn.hrss.zcrd.review.internal;

import cn.hrss.zcrd.account.CurrentPortalUser;
import cn.hrss.zcrd.account.PortalAccountKind;
import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.declaration.DeclarationQueue;
import cn.hrss.zcrd.declaration.QueueItem;
import cn.hrss.zcrd.declaration.QueueQuery;
import cn.hrss.zcrd.declaration.QueueSort;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.PagedRows;
import java.util.List;
import java.util.Map;

/**
 * A unit's queue as a PrimeFaces lazy model: one count and one page query per request, both in the database, for
 * the signed-in unit (taken afresh on every load, never kept in the view).
 */
public class QueueRows extends PagedRows<QueueItem, QueueQuery, QueueSort> {

    /** How far back the 申报年度 filter offers years. */
    static final int YEARS_BACK = 10;

    private final DeclarationQueue queue;

    QueueRows(DeclarationQueue queue, QueueQuery query) {
        super(
                query,
                QueueSort.SUBMITTED_AT,
                true,
                Map.of(
                        "applicantName", QueueSort.APPLICANT_NAME,
                        "applicantIdNumber", QueueSort.ID_NUMBER,
                        "state", QueueSort.STATE,
                        "declarationYear", QueueSort.DECLARATION_YEAR),
                QueueSort.SUBMITTED_AT);
        this.queue = queue;
    }

    /** The choices of the 申报年度 filter, newest first. */
    static List<Integer> years(BusinessTime time) {
        return time.declarationYears(YEARS_BACK);
    }

    @Override
    protected long count(QueueQuery query) {
        return queue.count(user(), query);
    }

    @Override
    protected List<QueueItem> page(QueueQuery query, int first, int pageSize, QueueSort sort, boolean ascending) {
        return queue.page(
                user(), query, first, pageSize > 0 ? pageSize : DeclarationQueue.MAX_PAGE_SIZE, sort, ascending);
    }

    @Override
    protected long id(QueueItem row) {
        return row.id();
    }

    private static PortalUser user() {
        return CurrentPortalUser.requireKind(PortalAccountKind.UNIT);
    }
}
