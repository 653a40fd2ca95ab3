package cn.hrss.zcrd.statistics.internal;

import cn.hrss.zcrd.catalog.TitleCatalog;
import cn.hrss.zcrd.shared.FacesMessages;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.statistics.Statistics;
import cn.hrss.zcrd.statistics.StatisticsQuery;
import cn.hrss.zcrd.statistics.StatisticsReport;
import cn.hrss.zcrd.statistics.StatisticsReport.Dimension;
import cn.hrss.zcrd.unit.BusinessType;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import java.io.Serializable;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.primefaces.model.StreamedContent;
import org.springframework.stereotype.Component;

/**
 * 统计分析 ({@code /sdmanager/statistics.xhtml}): the filter form (起始年月, 截止年月, 业务类型, 系列, 级别), the totals
 * and one section per dimension with its chart and table; 导出Excel writes the report of the form as it stands.
 * Opening the page shows the last twelve months; the service checks who may look and scopes to their region (a
 * refusal is the 403 refusal page).
 */
@Component("statisticsView")
@ViewScoped
public class StatisticsView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How many years back the month pickers go. */
    static final int YEARS_OFFERED = 10;

    private final Statistics statistics;
    private final TitleCatalog catalog;
    private final StatisticsExport export;
    private final YearMonth currentMonth;
    private String from;
    private String to;
    private String businessType;
    private String series;
    private String level;
    private StatisticsReport report;
    private List<Section> sections;

    /** One dimension on the page: its chart's Chart.js configuration and its table. */
    public record Section(
            String id, String titleKey, String chart, List<Line> rows, boolean declarations, boolean certificates)
            implements Serializable {}

    /** A table row, its label resolved. */
    public record Line(String code, String label, long declarations, long certificates) implements Serializable {}

    StatisticsView(Statistics statistics, TitleCatalog catalog, StatisticsExport export) {
        this.statistics = statistics;
        this.catalog = catalog;
        this.export = export;
        this.currentMonth = statistics.currentMonth();
        StatisticsQuery initial = StatisticsQuery.twelveMonthsTo(currentMonth);
        this.from = initial.from().toString();
        this.to = initial.to().toString();
        show(statistics.report(initial));
    }

    /** 查询 */
    public void search() {
        StatisticsReport made = make();
        if (made != null) {
            show(made);
        }
    }

    /** 导出Excel: the form's figures (checked and scoped as 查询), or nothing and the problems at their fields. */
    public StreamedContent export() {
        StatisticsReport made = make();
        return made == null ? null : export.download(made);
    }

    private StatisticsReport make() {
        List<FieldProblem> problems = new ArrayList<>();
        YearMonth start = month(from, "from", problems);
        YearMonth end = month(to, "to", problems);
        BusinessType type = null;
        if (businessType != null && !businessType.isBlank()) {
            try {
                type = BusinessType.valueOf(businessType);
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.of("type", "statistics.filter.unknown"));
            }
        }
        try {
            if (problems.isEmpty()) {
                return statistics.report(new StatisticsQuery(start, end, type, series, level));
            }
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        FacesMessages.atFields("filter", problems);
        return null;
    }

    private static YearMonth month(String text, String field, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(FieldProblem.of(field, "field.required"));
            return null;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(field, "statistics.filter.unknown"));
            return null;
        }
    }

    private void show(StatisticsReport made) {
        this.report = made;
        UnaryOperator<String> messages = FacesMessages::text;
        String declarations = messages.apply("statistics.column.declarations");
        String certificates = messages.apply("statistics.column.certificates");
        List<Section> shown = new ArrayList<>();
        for (Dimension dimension : Dimension.values()) {
            List<Line> lines = made.rows(dimension).stream()
                    .map(r -> new Line(r.code(), r.label().text(messages), r.declarations(), r.certificates()))
                    .toList();
            List<String> labels = lines.stream().map(Line::label).toList();
            List<Long> declared = lines.stream().map(Line::declarations).toList();
            List<Long> issued = lines.stream().map(Line::certificates).toList();
            String chart = switch (dimension) {
                case STATE -> ChartConfig.doughnut(labels, declarations, declared);
                case STATUS -> ChartConfig.doughnut(labels, certificates, issued);
                default ->
                    ChartConfig.bars(
                            labels,
                            List.of(
                                    new ChartConfig.Series(declarations, declared, ChartConfig.DECLARATIONS_COLOUR),
                                    new ChartConfig.Series(certificates, issued, ChartConfig.CERTIFICATES_COLOUR)),
                            dimension == Dimension.MONTH);
            };
            shown.add(new Section(
                    dimension.name().toLowerCase(java.util.Locale.ROOT),
                    dimension.messageKey(),
                    chart,
                    lines,
                    dimension != Dimension.STATUS,
                    dimension != Dimension.STATE));
        }
        this.sections = List.copyOf(shown);
    }

    /** The months offered by 起始年月 / 截止年月, newest first. */
    public List<SelectItem> getMonthOptions() {
        List<SelectItem> items = new ArrayList<>();
        YearMonth first = YearMonth.of(currentMonth.getYear() - YEARS_OFFERED + 1, 1);
        for (YearMonth m = currentMonth; !m.isBefore(first); m = m.minusMonths(1)) {
            items.add(new SelectItem(m.toString(), m.toString()));
        }
        return items;
    }

    public List<SelectItem> getBusinessTypeOptions() {
        return Arrays.stream(BusinessType.values())
                .map(t -> new SelectItem(t.name(), FacesMessages.text(t.messageKey())))
                .toList();
    }

    public List<SelectItem> getSeriesOptions() {
        return catalog.series().stream()
                .map(s -> new SelectItem(s.code(), s.name()))
                .toList();
    }

    public List<SelectItem> getLevelOptions() {
        return catalog.levels().stream()
                .map(l -> new SelectItem(l.code(), l.name()))
                .toList();
    }

    public StatisticsReport getReport() {
        return report;
    }

    public List<Section> getSections() {
        return sections;
    }

    /** Whether the figures hold anything at all (else the page says so above the empty charts). */
    public boolean isNothingCounted() {
        return report.declarations() == 0 && report.certificates() == 0;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getBusinessType() {
        return businessType;
    }

    public void setBusinessType(String businessType) {
        this.businessType = businessType;
    }

    public String getSeries() {
        return series;
    }

    public void setSeries(String series) {
        this.series = series;
    }

    public String getLevel() {
        return level;
    }

    public void setLevel(String level) {
        this.level = level;
    }
}
