package cn.hrss.zcrd.review.internal;

import cn.hrss.zcrd.account.CurrentPortalUser;
import cn.hrss.zcrd.account.PortalAccountKind;
import cn.hrss.zcrd.catalog.Level;
import cn.hrss.zcrd.catalog.Series;
import cn.hrss.zcrd.catalog.TitleCatalog;
import cn.hrss.zcrd.declaration.DeclarationQueue;
import cn.hrss.zcrd.declaration.QueueQuery;
import cn.hrss.zcrd.declaration.QueueStatus;
import cn.hrss.zcrd.review.ReportResult;
import cn.hrss.zcrd.review.ReviewDecisions;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.FacesMessages;
import cn.hrss.zcrd.unit.BusinessType;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import java.io.Serializable;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * 职称认定上报: the unit's approved, not yet reported declarations (lazily paged); the selected ones go up with
 * 数据上报 along the effective reporting path that matches each one's level and series.
 */
@Component("reportView")
@ViewScoped
public class ReportView implements Serializable {

    private final transient ReviewDecisions decisions;
    private final transient TitleCatalog catalog;
    private final transient BusinessTime businessTime;
    private final QueueRows rows;
    private final Map<Long, Boolean> selected = new HashMap<>();
    private String name;
    private String idNumber;
    private String levelCode;
    private String seriesCode;
    private BusinessType business;

    ReportView(DeclarationQueue queue, ReviewDecisions decisions, TitleCatalog catalog, BusinessTime businessTime) {
        CurrentPortalUser.requireKind(PortalAccountKind.UNIT);
        this.decisions = decisions;
        this.catalog = catalog;
        this.businessTime = businessTime;
        this.rows = new QueueRows(queue, QueueQuery.of(QueueStatus.APPROVED));
    }

    /** 查询 */
    public void search() {
        rows.apply(getFormQuery());
        selected.clear();
        QueueRows.firstPage("report:declarations");
    }

    /** The query of the form as submitted (what 查询 applies; 导出Excel exports it). */
    public QueueQuery getFormQuery() {
        return new QueueQuery(name, idNumber, levelCode, seriesCode, QueueStatus.APPROVED, null, null, business);
    }

    /** 数据上报: the ticked declarations. */
    public void report() {
        List<Long> ids = selected.entrySet().stream()
                .filter(e -> Boolean.TRUE.equals(e.getValue()))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
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
                                    .map(r -> r.applicantName() + " → " + r.superiorUnitName())
                                    .toList()));
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
        selected.clear();
        rows.refresh();
    }

    public QueueRows getRows() {
        return rows;
    }

    public Map<Long, Boolean> getSelected() {
        return selected;
    }

    public List<Level> getLevels() {
        return catalog.levels().stream().filter(Level::enabled).toList();
    }

    public List<Series> getSeriesList() {
        return catalog.series().stream().filter(Series::enabled).toList();
    }

    public String time(Instant instant) {
        return businessTime.minutes(instant);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getIdNumber() {
        return idNumber;
    }

    public void setIdNumber(String idNumber) {
        this.idNumber = idNumber;
    }

    public String getLevelCode() {
        return levelCode;
    }

    public void setLevelCode(String levelCode) {
        this.levelCode = levelCode;
    }

    public String getSeriesCode() {
        return seriesCode;
    }

    public void setSeriesCode(String seriesCode) {
        this.seriesCode = seriesCode;
    }

    /** 业务类型 filter: 全日制职称认定, 外地调入确认, or both (null). */
    public BusinessType getBusiness() {
        return business;
    }

    public void setBusiness(BusinessType business) {
        this.business = business;
    }

    public BusinessType[] getBusinessTypes() {
        return BusinessType.values();
    }
}
