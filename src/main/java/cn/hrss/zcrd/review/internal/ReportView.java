package cn.hrss.zcrd.review.internal;

import cn.hrss.zcrd.account.CurrentPortalUser;
import cn.hrss.zcrd.account.PortalAccountKind;
import cn.hrss.zcrd.declaration.DeclarationQueue;
import cn.hrss.zcrd.declaration.QueueQuery;
import cn.hrss.zcrd.declaration.QueueStatus;
import cn.hrss.zcrd.review.ReportResult;
import cn.hrss.zcrd.review.ReviewDecisions;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.FacesMessages;
import cn.hrss.zcrd.shared.RowSelection;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * 职称认定上报: the unit's approved, not yet reported declarations (lazily paged); the selected ones go up with
 * 数据上报 along the effective reporting path that matches each one's level and series.
 */
@Component("reportView")
@ViewScoped
public class ReportView implements Serializable {

    /** The most 全选查询结果 reports at once (each is checked and reported in its own transaction). */
    static final int MAX_REPORT_ALL = 2_000;

    /** How many of the reported people the success message names. */
    static final int NAMES_SHOWN = 20;

    private final DeclarationQueue queue;
    private final ReviewDecisions decisions;
    private final BusinessTime businessTime;
    private final QueueRows rows;
    private final QueueForm form = new QueueForm(null);
    private final RowSelection selection = new RowSelection();

    ReportView(DeclarationQueue queue, ReviewDecisions decisions, BusinessTime businessTime) {
        CurrentPortalUser.requireKind(PortalAccountKind.UNIT);
        this.queue = queue;
        this.decisions = decisions;
        this.businessTime = businessTime;
        this.rows = new QueueRows(queue, QueueQuery.of(QueueStatus.APPROVED));
    }

    /** 查询 */
    public void search() {
        rows.apply(getFormQuery());
        selection.clear();
        QueueRows.firstPage("report:declarations");
    }

    /** The query of the form as submitted (what 查询 applies; 导出Excel exports it). */
    public QueueQuery getFormQuery() {
        // the page offers no submission days: the form's from and to stay empty
        return form.query(QueueStatus.APPROVED);
    }

    /**
     * 数据上报: the ticked declarations, or — 全选查询结果 — every declaration the applied query finds (not only the
     * page shown). Either way the ids are only a request: the service checks each one again (with this unit,
     * approved, a matching effective path) and reports or refuses it on its own.
     */
    public void report() {
        List<Long> ids;
        if (selection.isAllMatching()) {
            ids = queue.ids(CurrentPortalUser.requireKind(PortalAccountKind.UNIT), rows.query(), MAX_REPORT_ALL + 1);
            if (ids.size() > MAX_REPORT_ALL) {
                FacesMessages.page(FacesMessage.SEVERITY_ERROR, "review.report.too-many", MAX_REPORT_ALL);
                return;
            }
        } else {
            ids = selection.ids();
        }
        if (ids.isEmpty()) {
            FacesMessages.page(FacesMessage.SEVERITY_WARN, "review.report.none-selected");
            return;
        }
        ReportResult result = decisions.report(ids, CurrentPortalUser.requireKind(PortalAccountKind.UNIT), null);
        if (!result.reported().isEmpty()) {
            FacesMessages.page(
                    FacesMessage.SEVERITY_INFO,
                    "review.report.done",
                    result.reported().size(),
                    String.join(
                                    "、",
                                    result.reported().stream()
                                            .limit(NAMES_SHOWN)
                                            .map(r -> r.applicantName() + " → " + r.superiorUnitName())
                                            .toList())
                            + (result.reported().size() > NAMES_SHOWN ? "…" : ""));
        }
        for (ReportResult.Refused refused : result.refused()) {
            String reason = FacesMessages.text(
                    refused.reason().messageKey(), refused.reason().arguments().toArray());
            FacesMessages.page(
                    FacesMessage.SEVERITY_ERROR,
                    "review.report.refused",
                    refused.applicantName() == null ? String.valueOf(refused.declarationId()) : refused.applicantName(),
                    reason);
        }
        selection.clear();
        rows.refresh();
    }

    /** How many declarations the applied query finds (what 全选查询结果 reports). */
    public long getMatching() {
        return rows.total();
    }

    public List<Integer> getYears() {
        return QueueRows.years(businessTime);
    }

    /** The query form (name, ID number, level, series, year, business). */
    public QueueForm getForm() {
        return form;
    }

    public QueueRows getRows() {
        return rows;
    }

    /** The ticked declarations, or 全选查询结果. */
    public RowSelection getSelection() {
        return selection;
    }

    public String time(Instant instant) {
        return businessTime.minutes(instant);
    }
}
