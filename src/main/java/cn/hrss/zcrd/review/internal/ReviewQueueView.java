package cn.hrss.zcrd.review.internal;

import cn.hrss.zcrd.account.CurrentPortalUser;
import cn.hrss.zcrd.account.PortalAccountKind;
import cn.hrss.zcrd.declaration.DeclarationQueue;
import cn.hrss.zcrd.declaration.DeclarationState;
import cn.hrss.zcrd.declaration.QueueItem;
import cn.hrss.zcrd.declaration.QueueQuery;
import cn.hrss.zcrd.declaration.QueueStatus;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.unit.BusinessType;
import jakarta.faces.view.ViewScoped;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * 职称认定审核: the query form and the lazily paged list of the unit's declarations (paging and sorting in the
 * database); 审核 opens one ({@code declaration.xhtml?id=…}).
 */
@Component("reviewQueue")
@ViewScoped
public class ReviewQueueView implements Serializable {

    private final DeclarationQueue queue;
    private final BusinessTime businessTime;
    private final QueueRows rows;
    private final QueueForm form;
    private QueueStatus status = QueueStatus.PENDING;

    ReviewQueueView(DeclarationQueue queue, BusinessTime businessTime) {
        CurrentPortalUser.requireKind(PortalAccountKind.UNIT);
        this.queue = queue;
        this.businessTime = businessTime;
        // 外地调入确认 in the unit menu opens this queue with ?business=TRANSFER_IN (the businesses share the review)
        this.form = new QueueForm(requestedBusiness());
        this.rows = new QueueRows(queue, form.query(QueueStatus.PENDING));
    }

    private static BusinessType requestedBusiness() {
        String value = jakarta.faces.context.FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get("business");
        return java.util.Arrays.stream(BusinessType.values())
                .filter(b -> b.name().equals(value))
                .findFirst()
                .orElse(null);
    }

    /** 查询: applies the form, back to the first page. */
    public void search() {
        rows.apply(getFormQuery());
        QueueRows.firstPage("queue:declarations");
    }

    /** The query of the form as submitted (what 查询 applies; 导出Excel exports it). */
    public QueueQuery getFormQuery() {
        return form.query(status);
    }

    /** 重置 */
    public void reset() {
        form.clear();
        status = QueueStatus.PENDING;
        search();
    }

    /** The query form (name, ID number, level, series, year, submission days, business). */
    public QueueForm getForm() {
        return form;
    }

    public QueueRows getRows() {
        return rows;
    }

    public QueueStatus[] getStatuses() {
        return QueueStatus.values();
    }

    public String time(Instant instant) {
        return businessTime.minutes(instant);
    }

    /** Whether the row's 审核 link offers a decision (it is with this unit and waiting for review). */
    public boolean awaitsDecision(QueueItem row) {
        return row.withThisUnit()
                && (row.state() == DeclarationState.SUBMITTED || row.state() == DeclarationState.REPORTED);
    }

    public List<Integer> getYears() {
        return QueueRows.years(businessTime);
    }

    public QueueStatus getStatus() {
        return status;
    }

    public void setStatus(QueueStatus status) {
        this.status = status;
    }
}
