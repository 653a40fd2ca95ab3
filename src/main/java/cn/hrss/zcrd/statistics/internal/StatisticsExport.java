package cn.hrss.zcrd.statistics.internal;

import cn.hrss.zcrd.audit.AuditTrail;
import cn.hrss.zcrd.audit.ListExportAudit;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.FacesMessages;
import cn.hrss.zcrd.shared.XlsxExport;
import cn.hrss.zcrd.shared.XlsxExport.Column;
import cn.hrss.zcrd.statistics.StatisticsQuery;
import cn.hrss.zcrd.statistics.StatisticsReport;
import cn.hrss.zcrd.statistics.StatisticsReport.Dimension;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.primefaces.model.StreamedContent;
import org.springframework.stereotype.Component;

/**
 * 统计分析 → 导出Excel: every table of the page in one sheet (统计维度, 项目, 申报数, 发证数), from a report the
 * service made for the signed-in user (so its region and checks), audited as {@code LIST_EXPORTED} like every list.
 */
@Component("statisticsExport")
public class StatisticsExport {

    private final AuditTrail trail;
    private final BusinessTime time;

    StatisticsExport(AuditTrail trail, BusinessTime time) {
        this.trail = trail;
        this.time = time;
    }

    /** One line of the sheet: a state counts no certificates, a status no declarations (empty cells). */
    public record Line(String dimension, String item, Long declarations, Long certificates) {}

    public static XlsxExport<Line> columns() {
        return XlsxExport.of(
                Column.text("statistics.column.dimension", 10, Line::dimension),
                Column.text("statistics.column.item", 16, Line::item),
                Column.number("statistics.column.declarations", 10, Line::declarations),
                Column.number("statistics.column.certificates", 10, Line::certificates));
    }

    /** The report's tables as lines, labels through {@code messages}. */
    public static List<Line> lines(StatisticsReport report, UnaryOperator<String> messages) {
        List<Line> lines = new ArrayList<>();
        for (Dimension dimension : Dimension.values()) {
            String name = messages.apply(dimension.messageKey());
            for (StatisticsReport.Row row : report.rows(dimension)) {
                lines.add(new Line(
                        name,
                        row.label().text(messages),
                        dimension == Dimension.STATUS ? null : row.declarations(),
                        dimension == Dimension.STATE ? null : row.certificates()));
            }
        }
        return lines;
    }

    /** The download of the page's report (made by {@code Statistics.report} for this user a moment ago). */
    public StreamedContent download(StatisticsReport report) {
        StatisticsQuery query = report.query();
        ListExportAudit.Filter filter = ListExportAudit.filter()
                .with("region", report.scopePath())
                .with("from", query.from())
                .with("to", query.to())
                .with("businessType", query.businessType())
                .with("series", query.seriesCode())
                .with("level", query.levelCode());
        return ListExportAudit.download(
                columns(),
                "statistics.title",
                time,
                XlsxExport.Pages.of(lines(report, FacesMessages::text)),
                trail,
                filter);
    }
}
