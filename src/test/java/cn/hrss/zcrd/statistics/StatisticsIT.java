package cn.hrss.zcrd.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.account.BackOfficeAccessDeniedException;
import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.certificate.CertificateStatus;
import cn.hrss.zcrd.declaration.DeclarationState;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.statistics.StatisticsFixtures.Declared;
import cn.hrss.zcrd.statistics.StatisticsFixtures.Issued;
import cn.hrss.zcrd.statistics.StatisticsFixtures.Unit;
import cn.hrss.zcrd.statistics.StatisticsReport.Dimension;
import cn.hrss.zcrd.statistics.StatisticsReport.Row;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.RegionalStaff;
import cn.hrss.zcrd.unit.BusinessType;
import cn.hrss.zcrd.web.ConnectorPorts;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * 统计分析 (issue 17 item 8): a known mix of declarations and certificates — two cities (a district unit and a
 * city-level unit in 济南, a district unit in 青岛), three series, three levels, every state, both businesses, all
 * months of a year, some just outside it and some on a month's edge in the business zone — written into the tables;
 * then every figure of the service equals the count of those fixtures computed here (as a reader would count the
 * list), for the province and for a city (which sees its own city only), with filters; the export opens with Apache
 * POI and holds the same figures, and is audited.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsIT extends StatisticsServicesBase {

    static final ZoneId ZONE = BusinessTime.DEFAULT_ZONE;
    /** A year no other test writes declarations in, within the page's month pickers (ten years back). */
    static final int YEAR = YearMonth.now(ZONE).getYear() - 8;

    static final ResourceBundle BUNDLE = ResourceBundle.getBundle("messages.messages", Locale.SIMPLIFIED_CHINESE);

    @Autowired
    ConnectorPorts ports;

    final List<Declared> declared = new ArrayList<>();
    final List<Issued> issued = new ArrayList<>();
    RegionalStaff province;
    RegionalStaff jinan;
    RegionalStaff operator;

    @BeforeAll
    void seed() throws Exception {
        StatisticsFixtures fixtures = new StatisticsFixtures(jdbc);
        List<Unit> units = fixtures.units(List.of("370102", "370100", "370202"));
        Random random = new Random(17);
        List<String> series = List.of("GONGCHENG", "WEISHENG", "KUAIJI");
        List<String> levels = List.of("YUAN", "ZHULI", "ZHONGJI");
        List<DeclarationState> states = List.of(
                DeclarationState.SUBMITTED,
                DeclarationState.UNIT_APPROVED,
                DeclarationState.REPORTED,
                DeclarationState.FINAL_APPROVED,
                DeclarationState.CERTIFIED,
                DeclarationState.CERTIFIED,
                DeclarationState.RETURNED,
                DeclarationState.WITHDRAWN);
        Instant yearStart = start(YearMonth.of(YEAR, 1));
        Instant yearEnd = start(YearMonth.of(YEAR + 1, 1));
        long id = fixtures.ids("declaration", 200);
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < 180; i++) {
            // from ten days before the year to ten days after it
            long span = Duration.between(yearStart, yearEnd).plusDays(20).getSeconds();
            times.add(yearStart.minus(Duration.ofDays(10)).plusSeconds((long) (random.nextDouble() * span)));
        }
        // the edges of the business zone's months: 00:00 and 23:59:59 there are 16:00 and 15:59:59 UTC the day before
        Instant april = start(YearMonth.of(YEAR, 4));
        times.addAll(List.of(
                yearStart, yearStart.minusSeconds(1), april, april.minusSeconds(1), yearEnd.minusSeconds(1), yearEnd));
        for (Instant at : times) {
            declared.add(new Declared(
                    id++,
                    units.get(random.nextInt(units.size())),
                    random.nextInt(5) == 0 ? BusinessType.TRANSFER_IN : BusinessType.FULL_TIME_RECOGNITION,
                    series.get(random.nextInt(series.size())),
                    levels.get(random.nextInt(levels.size())),
                    states.get(random.nextInt(states.size())),
                    at));
        }
        fixtures.declarations(declared);
        long certificate = fixtures.ids("certificate_batch_item", 200);
        List<CertificateStatus> statuses = List.of(CertificateStatus.values());
        for (Declared d : declared) {
            if (d.state() == DeclarationState.CERTIFIED) {
                CertificateStatus status = statuses.get(random.nextInt(statuses.size()));
                Instant at = d.firstSubmittedAt().plus(Duration.ofHours(random.nextInt(24 * 40)));
                Issued first = new Issued(certificate++, d, status, at, null);
                issued.add(first);
                if (status.replaced()) {
                    issued.add(
                            new Issued(certificate++, d, CertificateStatus.VALID, at.plus(Duration.ofDays(9)), first));
                }
            }
        }
        fixtures.certificates(issued);
        province = staff.regional(BackOfficeRole.BUREAU_REVIEWER, "370000", "统计省级审核员");
        jinan = staff.regional(BackOfficeRole.BUREAU_REVIEWER, "370100", "统计济南审核员");
        operator = staff.regional(BackOfficeRole.UNIT_OPERATOR, "370000", "统计发证单位");
    }

    @BeforeEach
    @Test
    void theProvinceSeesEveryFigureAsTheFixturesCountIt() {
        province.signIn();
        StatisticsQuery year = new StatisticsQuery(YearMonth.of(YEAR, 1), YearMonth.of(YEAR, 12), null, null, null);

        StatisticsReport report = statistics.report(year);

        assertThat(report.scopePath()).isEqualTo("山东省");
        assertEquals(report, year, d -> true);
        // by city: 济南 holds its district's unit and its city-level unit
        assertThat(nonZero(report.regions()).keySet()).containsExactly("370100", "370200");
        assertThat(report.regions().stream().map(Row::code)).contains("370300", "371700");
        // the edges: 00:00 on the 1st counts in its month, 23:59:59 the day before in the month before
        assertThat(report.declarations())
                .isEqualTo(declared.stream().filter(inYear(year)).count())
                .isLessThan(declared.size());
    }

    @Test
    void aCitySeesItsOwnCityOnlyByDistrict() {
        jinan.signIn();
        StatisticsQuery year = new StatisticsQuery(YearMonth.of(YEAR, 1), YearMonth.of(YEAR, 12), null, null, null);

        StatisticsReport report = statistics.report(year);

        assertThat(report.scopePath()).isEqualTo("山东省 / 济南市");
        Predicate<Declared> jinanOnly = d -> d.unit().regionCode().startsWith("3701");
        assertEquals(report, year, jinanOnly);
        // its districts (历下区 with data, the others at zero) and its own city-level row; nothing of 青岛
        assertThat(nonZero(report.regions()).keySet()).containsExactly("370100", "370102");
        assertThat(report.regions().stream().map(Row::code))
                .contains("370103", "370126")
                .doesNotContain("370200", "370202");
        assertThat(report.declarations())
                .isLessThan(declared.stream().filter(inYear(year)).count());
    }

    @Test
    void filtersNarrowEveryFigure() {
        province.signIn();
        StatisticsQuery spring = new StatisticsQuery(YearMonth.of(YEAR, 3), YearMonth.of(YEAR, 4), null, null, null);
        assertEquals(statistics.report(spring), spring, d -> true);
        assertThat(statistics.report(spring).months().stream().map(Row::code))
                .containsExactly(YEAR + "-03", YEAR + "-04");

        StatisticsQuery transfers = spring.withBusinessType(BusinessType.TRANSFER_IN);
        assertEquals(statistics.report(transfers), transfers, d -> true);

        StatisticsQuery engineers = new StatisticsQuery(
                YearMonth.of(YEAR, 1),
                YearMonth.of(YEAR, 12),
                BusinessType.FULL_TIME_RECOGNITION,
                "GONGCHENG",
                "ZHULI");
        StatisticsReport narrowed = statistics.report(engineers);
        assertEquals(narrowed, engineers, d -> true);
        assertThat(narrowed.series()).extracting(Row::code).containsExactly("GONGCHENG");
        assertThat(narrowed.levels()).extracting(Row::code).containsExactly("ZHULI");

        jinan.signIn();
        assertEquals(
                statistics.report(engineers),
                engineers,
                d -> d.unit().regionCode().startsWith("3701"));
    }

    @Test
    void onlyAdminsAndBureauReviewersMayLookAndABadRangeIsRefusedAtItsField() {
        StatisticsQuery year = new StatisticsQuery(YearMonth.of(YEAR, 1), YearMonth.of(YEAR, 12), null, null, null);
        operator.signIn();
        assertThatThrownBy(() -> statistics.report(year))
                .isInstanceOf(BackOfficeAccessDeniedException.class)
                .hasMessageContaining("VIEW_STATISTICS");
        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> statistics.report(year)).isInstanceOf(BackOfficeAccessDeniedException.class);

        jinan.signIn();
        assertThat(problems(new StatisticsQuery(YearMonth.of(YEAR, 5), YearMonth.of(YEAR, 4), null, null, null)))
                .containsExactly(FieldProblem.of("to", "statistics.range.reversed"));
        assertThat(problems(new StatisticsQuery(YearMonth.of(YEAR - 5, 1), YearMonth.of(YEAR, 1), null, null, null)))
                .containsExactly(FieldProblem.of("to", "statistics.range.too-long", 60));
        assertThat(problems(year.withSeries("NOSUCH").withLevel("<b>")))
                .containsExactly(
                        FieldProblem.of("series", "statistics.filter.unknown"),
                        FieldProblem.of("level", "statistics.filter.unknown"));
    }

    @Test
    void theExportOfTheCitysPageHoldsTheSameFiguresAndIsAudited() throws Exception {
        var session = jinan.session(Faces.ukeyBase(ports));
        String page = "/sdmanager/statistics.xhtml";
        String body = session.get(page).body();
        assertThat(body).contains("统计范围：山东省 / 济南市").contains("id=\"region-chart\"");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("filter", "filter");
        fields.put("filter:from", YEAR + "-01");
        fields.put("filter:to", YEAR + "-12");
        fields.put("filter:type", "");
        fields.put("filter:series", "");
        fields.put("filter:level", "");
        fields.put("filter:search", "");
        String shown = session.submitOn(body, page, fields).body();
        jinan.signIn();
        StatisticsReport report =
                statistics.report(new StatisticsQuery(YearMonth.of(YEAR, 1), YearMonth.of(YEAR, 12), null, null, null));
        assertThat(shown)
                .contains(YEAR + "-01 至 " + YEAR + "-12：申报 " + report.declarations() + " 件，发证 " + report.certificates()
                        + " 本。");

        fields.remove("filter:search");
        fields.put("filter:export", "");
        HttpResponse<byte[]> file = session.submitForBytes(shown, page, fields);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment")
                .contains("filename*=UTF-8''%E7%BB%9F%E8%AE%A1%E5%88%86%E6%9E%90_"); // 统计分析_

        List<List<String>> sheet = read(file.body());
        assertThat(sheet.get(0)).containsExactly("统计维度", "项目", "申报数", "发证数");
        List<List<String>> expected = new ArrayList<>();
        for (Dimension dimension : Dimension.values()) {
            for (Row row : report.rows(dimension)) {
                expected.add(List.of(
                        BUNDLE.getString(dimension.messageKey()),
                        row.label().text(BUNDLE::getString),
                        dimension == Dimension.STATUS ? "" : Long.toString(row.declarations()),
                        dimension == Dimension.STATE ? "" : Long.toString(row.certificates())));
            }
        }
        assertThat(sheet.subList(1, sheet.size())).isEqualTo(expected);
        assertThat(sheet)
                .contains(List.of(
                        "按地区",
                        "历下区",
                        Long.toString(declared.stream()
                                .filter(inYear(report.query()))
                                .filter(d -> d.unit().regionCode().equals("370102"))
                                .count()),
                        Long.toString(issued.stream()
                                .filter(issuedIn(report.query()))
                                .filter(c -> c.declaration().unit().regionCode().equals("370102"))
                                .count())));
        assertThat(jdbc.queryForList(
                        "select detail from audit_record where action_code = 'LIST_EXPORTED' and actor_login = ?",
                        String.class,
                        jinan.account().getUsername()))
                .containsExactly("list=统计分析; filter=region: 山东省 / 济南市, from: " + YEAR + "-01, to: " + YEAR
                        + "-12; rows=" + expected.size());
    }

    // ------------------------------------------------------------------------------------ counting the fixtures

    /** Every dimension of {@code report} equals the fixtures counted by hand (rows with nothing are zero). */
    private void assertEquals(StatisticsReport report, StatisticsQuery query, Predicate<Declared> scope) {
        Predicate<Declared> counted = inYear(query).and(scope).and(matches(query));
        Predicate<Issued> issuedCounted = issuedIn(query)
                .and(c -> scope.test(c.declaration()))
                .and(c -> matches(query).test(c.declaration()));
        List<Declared> ds = declared.stream().filter(counted).toList();
        List<Issued> cs = issued.stream().filter(issuedCounted).toList();
        String scopeCode = report.scopeCode();
        Function<String, String> regionRow = code -> scopeCode.equals("370000") ? code.substring(0, 4) + "00" : code;

        assertThat(nonZero(report.regions()))
                .as("by region")
                .isEqualTo(both(
                        count(ds, d -> regionRow.apply(d.unit().regionCode())),
                        count(cs, c -> regionRow.apply(c.declaration().unit().regionCode()))));
        assertThat(nonZero(report.series()))
                .as("by series")
                .isEqualTo(both(
                        count(ds, Declared::seriesCode),
                        count(cs, c -> c.declaration().seriesCode())));
        assertThat(nonZero(report.levels()))
                .as("by level")
                .isEqualTo(both(
                        count(ds, Declared::levelCode),
                        count(cs, c -> c.declaration().levelCode())));
        assertThat(nonZero(report.states()))
                .as("by state")
                .isEqualTo(both(count(ds, d -> d.state().name()), Map.of()));
        assertThat(nonZero(report.statuses()))
                .as("by status")
                .isEqualTo(both(Map.of(), count(cs, c -> c.status().name())));
        assertThat(nonZero(report.months()))
                .as("by month")
                .isEqualTo(both(
                        count(
                                ds,
                                d -> YearMonth.from(d.firstSubmittedAt().atZone(ZONE))
                                        .toString()),
                        count(cs, c -> YearMonth.from(c.issuedAt().atZone(ZONE)).toString())));
        assertThat(report.declarations()).isEqualTo(ds.size());
        assertThat(report.certificates()).isEqualTo(cs.size());
        assertThat(ds).as("the fixtures have something to count").isNotEmpty();
    }

    private static Predicate<Declared> inYear(StatisticsQuery query) {
        return d -> within(d.firstSubmittedAt(), query);
    }

    private static Predicate<Issued> issuedIn(StatisticsQuery query) {
        return c -> within(c.issuedAt(), query);
    }

    private static boolean within(Instant at, StatisticsQuery query) {
        YearMonth month = YearMonth.from(at.atZone(ZONE));
        return !month.isBefore(query.from()) && !month.isAfter(query.to());
    }

    private static Predicate<Declared> matches(StatisticsQuery query) {
        return d -> (query.businessType() == null || d.type() == query.businessType())
                && (query.seriesCode() == null || d.seriesCode().equals(query.seriesCode()))
                && (query.levelCode() == null || d.levelCode().equals(query.levelCode()));
    }

    private static <T> Map<String, Long> count(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    /** code → [declarations, certificates] of the codes either counts. */
    private static Map<String, List<Long>> both(Map<String, Long> declarations, Map<String, Long> certificates) {
        Map<String, List<Long>> both = new TreeMap<>();
        declarations.keySet().forEach(k -> both.put(k, null));
        certificates.keySet().forEach(k -> both.put(k, null));
        both.replaceAll((k, v) -> List.of(declarations.getOrDefault(k, 0L), certificates.getOrDefault(k, 0L)));
        return both;
    }

    private static Map<String, List<Long>> nonZero(List<Row> rows) {
        Map<String, List<Long>> map = new TreeMap<>();
        rows.stream()
                .filter(r -> r.declarations() + r.certificates() > 0)
                .forEach(r -> map.put(r.code(), List.of(r.declarations(), r.certificates())));
        return map;
    }

    private List<FieldProblem> problems(StatisticsQuery query) {
        try {
            statistics.report(query);
            throw new AssertionError("accepted " + query);
        } catch (InvalidInputException e) {
            return e.problems();
        }
    }

    private static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(ZONE).toInstant();
    }

    private static List<List<String>> read(byte[] xlsx) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<List<String>> rows = new ArrayList<>();
            for (org.apache.poi.ss.usermodel.Row row : workbook.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    Cell cell = row.getCell(i);
                    cells.add(
                            cell == null
                                    ? ""
                                    : cell.getCellType() == CellType.NUMERIC
                                            ? Long.toString((long) cell.getNumericCellValue())
                                            : cell.getStringCellValue());
                }
                rows.add(cells);
            }
            return rows;
        }
    }
}
