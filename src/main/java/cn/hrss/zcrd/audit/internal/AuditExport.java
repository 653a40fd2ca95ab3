package cn.hrss.zcrd.audit.internal;

import cn.hrss.zcrd.audit.AuditQuery;
import cn.hrss.zcrd.audit.AuditRecord;
import cn.hrss.zcrd.audit.AuditTrail;
import cn.hrss.zcrd.audit.ListExportAudit;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.XlsxExport;
import cn.hrss.zcrd.shared.XlsxExport.Column;
import jakarta.faces.context.FacesContext;
import java.util.ResourceBundle;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.primefaces.model.StreamedContent;
import org.springframework.stereotype.Component;

/**
 * 导出Excel of 审计日志: the form's filter through {@link AuditTrail#search} — a system admin only, a city's admin
 * its region's rows only, as on the page — with the columns of the page; the export is itself audited.
 */
@Component("auditExport")
public class AuditExport {

    static final String LIST = "audit.title";

    private final AuditTrail trail;
    private final BusinessTime time;

    AuditExport(AuditTrail trail, BusinessTime time) {
        this.trail = trail;
        this.time = time;
    }

    /**
     * The page's columns.
     *
     * @param labels the text of a bundle key, or null when there is none
     */
    public XlsxExport<AuditRecord> columns(UnaryOperator<String> labels) {
        AuditDetail detail = new AuditDetail(labels, time::seconds);
        return XlsxExport.of(
                Column.text("audit.column.time", 20, r -> time.seconds(r.occurredAt())),
                Column.text(
                        "audit.column.actor",
                        24,
                        r -> label(
                                        labels,
                                        "audit.actor." + r.actor().kind().name(),
                                        r.actor().kind().name())
                                + (r.actor().loginName() == null
                                        ? ""
                                        : " " + r.actor().loginName())
                                + (r.actor().accountId() == null
                                        ? ""
                                        : " (" + r.actor().accountId() + ")")),
                Column.text(
                        "audit.column.method",
                        10,
                        r -> label(
                                labels,
                                "audit.method." + r.actor().authenticatedBy().name(),
                                r.actor().authenticatedBy().name())),
                Column.text("audit.column.address", 16, AuditRecord::clientAddress),
                Column.text("audit.column.action", 20, r -> label(labels, "audit.action." + r.action(), r.action())),
                Column.text(
                        "audit.column.target",
                        20,
                        r -> r.target() == null
                                ? ""
                                : r.target().type() + " " + r.target().id()),
                Column.text(
                        "audit.column.outcome",
                        8,
                        r -> label(
                                labels,
                                "audit.outcome." + r.outcome().name(),
                                r.outcome().name())),
                Column.text(
                        "audit.column.detail",
                        60,
                        r -> detail.lines(r.detail()).stream()
                                .map(l -> l.label() == null ? l.value() : l.label() + "：" + l.value())
                                .collect(Collectors.joining("\n"))));
    }

    /** 审计日志 as the form filters it. */
    public StreamedContent audit(AuditQuery query) {
        FacesContext context = FacesContext.getCurrentInstance();
        ResourceBundle bundle = context.getApplication().getResourceBundle(context, "msg");
        UnaryOperator<String> labels = key -> bundle.containsKey(key) ? bundle.getString(key) : null;
        ListExportAudit.Filter filter = ListExportAudit.filter()
                .with("from", time.seconds(query.from()))
                .with("to", time.seconds(query.to()))
                .with("action", query.action())
                .with("actor", query.actorLoginName())
                .with("method", query.authenticatedBy())
                .with("outcome", query.outcome())
                .with("address", query.clientAddress());
        String list = bundle.getString(LIST);
        return columns(labels)
                .download(LIST, time, pages(query), rows -> trail.record(ListExportAudit.entry(list, filter, rows)));
    }

    /** The rows of {@code query} page by page, in the page's table's order (a system admin's scope). */
    public XlsxExport.Pages<AuditRecord> pages(AuditQuery query) {
        return (last, size) -> trail.rowsAfter(query, last, size);
    }

    private static String label(UnaryOperator<String> labels, String key, String fallback) {
        String text = labels.apply(key);
        return text == null ? fallback : text;
    }
}
