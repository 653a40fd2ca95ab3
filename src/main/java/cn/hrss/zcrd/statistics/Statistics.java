package cn.hrss.zcrd.statistics;

import cn.hrss.zcrd.account.BackOfficeAction;
import cn.hrss.zcrd.account.BackOfficeGuard;
import cn.hrss.zcrd.account.BackOfficeUser;
import cn.hrss.zcrd.catalog.Level;
import cn.hrss.zcrd.catalog.Region;
import cn.hrss.zcrd.catalog.Regions;
import cn.hrss.zcrd.catalog.Series;
import cn.hrss.zcrd.catalog.TitleCatalog;
import cn.hrss.zcrd.certificate.CertificateStatus;
import cn.hrss.zcrd.declaration.DeclarationState;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.statistics.StatisticsReport.Dimension;
import cn.hrss.zcrd.statistics.StatisticsReport.Label;
import cn.hrss.zcrd.statistics.StatisticsReport.Row;
import cn.hrss.zcrd.statistics.internal.StatisticsSql;
import cn.hrss.zcrd.statistics.internal.StatisticsSql.Filter;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 统计分析: the figures of a {@link StatisticsQuery} within the signed-in back-office user's region (its own region
 * and everything below it). Who may: {@link BackOfficeAction#VIEW_STATISTICS}; a refusal is recorded by the guard.
 */
@Service
public class Statistics {

    private final BackOfficeGuard guard;
    private final Regions regions;
    private final TitleCatalog catalog;
    private final BusinessTime time;
    private final StatisticsSql sql;

    Statistics(BackOfficeGuard guard, Regions regions, TitleCatalog catalog, BusinessTime time, StatisticsSql sql) {
        this.guard = guard;
        this.regions = regions;
        this.catalog = catalog;
        this.time = time;
        this.sql = sql;
    }

    /** The current business month (the default range ends there). */
    public YearMonth currentMonth() {
        return YearMonth.from(time.today());
    }

    /** The region the signed-in user's figures cover, checked as {@link #report} checks it. */
    public String scope() {
        BackOfficeUser user = guard.require(BackOfficeAction.VIEW_STATISTICS);
        // an account without a region sees nothing: refused (and recorded) as out of scope
        return guard.requireRegion(BackOfficeAction.VIEW_STATISTICS, user.regionCode())
                .regionCode();
    }

    /**
     * The figures within the user's region.
     *
     * @throws InvalidInputException a field problem ({@code from}, {@code to}, {@code series}, {@code level})
     */
    @Transactional(readOnly = true)
    public StatisticsReport report(StatisticsQuery query) {
        String scope = scope();
        List<FieldProblem> problems = new ArrayList<>(query.rangeProblems());
        if (query.seriesCode() != null && catalog.findSeries(query.seriesCode()).isEmpty()) {
            problems.add(FieldProblem.of("series", "statistics.filter.unknown"));
        }
        if (query.levelCode() != null && catalog.findLevel(query.levelCode()).isEmpty()) {
            problems.add(FieldProblem.of("level", "statistics.filter.unknown"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Filter filter = filter(query, scope);
        List<YearMonth> months = query.months();

        List<Row> byRegion = regionRows(
                scope, sql.declarations(Dimension.REGION, filter), sql.certificates(Dimension.REGION, filter));
        List<Row> bySeries = rows(
                seriesShown(query),
                Series::code,
                s -> Label.named(s.name()),
                sql.declarations(Dimension.SERIES, filter),
                sql.certificates(Dimension.SERIES, filter),
                code -> catalog.findSeries(code).map(Series::name).orElse(code));
        List<Row> byLevel = rows(
                levelsShown(query),
                Level::code,
                l -> Label.named(l.name()),
                sql.declarations(Dimension.LEVEL, filter),
                sql.certificates(Dimension.LEVEL, filter),
                code -> catalog.findLevel(code).map(Level::name).orElse(code));
        List<Row> byState = rows(
                Arrays.stream(DeclarationState.values())
                        .filter(s -> s != DeclarationState.DRAFT)
                        .toList(),
                DeclarationState::name,
                s -> Label.keyed(s.messageKey()),
                sql.declarations(Dimension.STATE, filter),
                Map.of(),
                code -> code);
        List<Row> byStatus = rows(
                List.of(CertificateStatus.values()),
                CertificateStatus::name,
                s -> Label.keyed(s.messageKey()),
                Map.of(),
                sql.certificates(Dimension.STATUS, filter),
                code -> code);
        Map<String, Long> declarationMonths = sql.declarations(Dimension.MONTH, filter);
        Map<String, Long> certificateMonths = sql.certificates(Dimension.MONTH, filter);
        List<Row> byMonth = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            String index = Integer.toString(i);
            byMonth.add(new Row(
                    months.get(i).toString(),
                    Label.named(months.get(i).toString()),
                    declarationMonths.getOrDefault(index, 0L),
                    certificateMonths.getOrDefault(index, 0L)));
        }
        return new StatisticsReport(
                scope,
                regions.displayPath(scope),
                query,
                byRegion,
                bySeries,
                byLevel,
                byState,
                byStatus,
                byMonth,
                byState.stream().mapToLong(Row::declarations).sum(),
                byStatus.stream().mapToLong(Row::certificates).sum());
    }

    /** What the SQL counts for {@code query} within {@code scope} (the benchmark times the queries one by one). */
    Filter filter(StatisticsQuery query, String scope) {
        List<Instant> starts = new ArrayList<>();
        for (YearMonth month : query.months()) {
            starts.add(time.startOf(month.atDay(1)));
        }
        starts.add(time.startOf(query.to().plusMonths(1).atDay(1)));
        // the province: every unit (also one whose region is no longer in the dictionary)
        Set<String> within = scope.equals(regions.province().code()) ? null : regions.codesWithin(scope);
        return new Filter(
                starts,
                query.businessType() == null ? null : query.businessType().name(),
                query.seriesCode(),
                query.levelCode(),
                within);
    }

    private List<Series> seriesShown(StatisticsQuery query) {
        return catalog.allSeries().stream()
                .filter(s -> query.seriesCode() == null ? s.enabled() : s.code().equals(query.seriesCode()))
                .toList();
    }

    private List<Level> levelsShown(StatisticsQuery query) {
        return catalog.allLevels().stream()
                .filter(l -> query.levelCode() == null ? l.enabled() : l.code().equals(query.levelCode()))
                .toList();
    }

    /** The known values in order (zeros too), then any other value counted, by its code. */
    private static <T> List<Row> rows(
            List<T> known,
            Function<T, String> code,
            Function<T, Label> label,
            Map<String, Long> declarations,
            Map<String, Long> certificates,
            Function<String, String> otherName) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (T value : known) {
            String c = code.apply(value);
            rows.put(
                    c,
                    new Row(c, label.apply(value), declarations.getOrDefault(c, 0L), certificates.getOrDefault(c, 0L)));
        }
        for (Map<String, Long> counted : List.of(declarations, certificates)) {
            for (String c : counted.keySet()) {
                rows.computeIfAbsent(
                        c,
                        k -> new Row(
                                k,
                                Label.named(otherName.apply(k)),
                                declarations.getOrDefault(k, 0L),
                                certificates.getOrDefault(k, 0L)));
            }
        }
        return List.copyOf(rows.values());
    }

    /**
     * Per region one level below the scope (its children in the dictionary's order, zeros too); a unit registered
     * at the scope's own level counts in the scope's own row, first.
     */
    private List<Row> regionRows(String scope, Map<String, Long> declarations, Map<String, Long> certificates) {
        int depth = regions.path(scope).size();
        Map<String, long[]> sums = new LinkedHashMap<>();
        sums.put(scope, new long[2]);
        regions.children(scope).forEach(r -> sums.put(r.code(), new long[2]));
        add(sums, declarations, 0, depth);
        add(sums, certificates, 1, depth);
        List<Row> rows = new ArrayList<>();
        sums.forEach((code, n) -> {
            if (!code.equals(scope) || n[0] + n[1] > 0) {
                String name = regions.find(code).map(Region::name).orElse(code);
                rows.add(new Row(code, Label.named(name), n[0], n[1]));
            }
        });
        return List.copyOf(rows);
    }

    private void add(Map<String, long[]> sums, Map<String, Long> counts, int column, int depth) {
        counts.forEach((regionCode, n) -> {
            List<Region> path = regions.path(regionCode);
            String row = path.size() > depth
                    ? path.get(depth).code()
                    : path.isEmpty() ? regionCode : path.get(path.size() - 1).code();
            sums.computeIfAbsent(row, k -> new long[2])[column] += n;
        });
    }
}
