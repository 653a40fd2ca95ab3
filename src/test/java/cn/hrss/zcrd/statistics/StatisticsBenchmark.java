package cn.hrss.zcrd.statistics;

import cn.hrss.zcrd.account.BackOfficeRole;
import cn.hrss.zcrd.catalog.Region;
import cn.hrss.zcrd.catalog.Regions;
import cn.hrss.zcrd.certificate.CertificateStatus;
import cn.hrss.zcrd.declaration.DeclarationState;
import cn.hrss.zcrd.statistics.StatisticsFixtures.Declared;
import cn.hrss.zcrd.statistics.StatisticsFixtures.Issued;
import cn.hrss.zcrd.statistics.StatisticsFixtures.Unit;
import cn.hrss.zcrd.statistics.StatisticsReport.Dimension;
import cn.hrss.zcrd.statistics.internal.StatisticsSql;
import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.BrowserlessSession;
import cn.hrss.zcrd.support.Faces;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.RegionalStaff;
import cn.hrss.zcrd.unit.BusinessType;
import cn.hrss.zcrd.web.ConnectorPorts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Not a test: run by {@code ops/bench/statistics}. Seeds {@code bench.declarations} (100,000) declarations of the
 * last 24 months over {@code bench.units} (2,000) units in every district of the province, a third of them with a
 * certificate (some revoked, re-issued or corrected, with their successors), with batched JDBC inserts
 * ({@link StatisticsFixtures}); then prints p50/p99 of each statistics query (one dimension, declarations or
 * certificates) for the province and for a city, unfiltered (the page's default: twelve months) and filtered, the
 * service's whole report (ten queries) and the page over HTTP (UKEY session, rendered with its six charts).
 */
@IntegrationTest
class StatisticsBenchmark {

    static final int DECLARATIONS = Integer.getInteger("bench.declarations", 100_000);
    static final int UNITS = Integer.getInteger("bench.units", 2_000);
    static final int RUNS = Integer.getInteger("bench.runs", 30);

    @Autowired
    BackOfficeStaff staff;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Regions regions;

    @Autowired
    Statistics statistics;

    @Autowired
    StatisticsSql sql;

    @Autowired
    ConnectorPorts ports;

    @Test
    void statisticsOver100000Declarations() throws Exception {
        long start = System.nanoTime();
        int certificates = seed();
        System.out.printf(
                "%nBENCH statistics: seeded %,d declarations and %,d certificates over %,d units in %.1f s%n",
                DECLARATIONS, certificates, UNITS, (System.nanoTime() - start) / 1e9);

        RegionalStaff province = staff.regional(BackOfficeRole.BUREAU_REVIEWER, "370000", "基准省级");
        RegionalStaff jinan = staff.regional(BackOfficeRole.BUREAU_REVIEWER, "370100", "基准济南");
        StatisticsQuery year = StatisticsQuery.twelveMonthsTo(statistics.currentMonth());
        StatisticsQuery filtered = year.withBusinessType(BusinessType.FULL_TIME_RECOGNITION)
                .withSeries("GONGCHENG")
                .withLevel("ZHONGJI");
        for (RegionalStaff staff : List.of(province, jinan)) {
            staff.signIn();
            String scope = staff.account().getRegionCode();
            for (StatisticsQuery query : List.of(year, filtered)) {
                String what = (scope.equals("370000") ? "province" : "city") + (query == year ? "" : " filtered");
                StatisticsSql.Filter filter = statistics.filter(query, scope);
                for (Dimension dimension : Dimension.values()) {
                    if (dimension != Dimension.STATUS) {
                        measure(what + " declarations by " + dimension, () -> sql.declarations(dimension, filter));
                    }
                    if (dimension != Dimension.STATE) {
                        measure(what + " certificates by " + dimension, () -> sql.certificates(dimension, filter));
                    }
                }
                StatisticsReport report = measure(what + " whole report (10 queries)", () -> statistics.report(query));
                System.out.printf(
                        "BENCH statistics: %s counts %,d declarations and %,d certificates%n",
                        what, report.declarations(), report.certificates());
            }
            SecurityContextHolder.clearContext();
            BrowserlessSession session = staff.session(Faces.ukeyBase(ports));
            measure((scope.equals("370000") ? "province" : "city") + " page over HTTP (default)", () -> {
                try {
                    var page = session.get("/sdmanager/statistics.xhtml");
                    if (page.statusCode() != 200 || !page.body().contains("region-chart")) {
                        throw new AssertionError("page answered " + page.statusCode());
                    }
                    return page;
                } catch (java.io.IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    private <T> T measure(String label, Supplier<T> call) {
        T result = null;
        for (int i = 0; i < 3; i++) {
            result = call.get();
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            result = call.get();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf(
                "BENCH statistics: %-52s p50 %7.1f ms  p99 %7.1f ms%n",
                label, nanos[RUNS / 2] / 1e6, nanos[RUNS * 99 / 100] / 1e6);
        return result;
    }

    private int seed() {
        StatisticsFixtures fixtures = new StatisticsFixtures(jdbc);
        List<String> districts = new ArrayList<>();
        for (Region city : regions.children(regions.province().code())) {
            districts.add(city.code());
            regions.children(city.code()).forEach(d -> districts.add(d.code()));
        }
        List<String> unitRegions = new ArrayList<>();
        for (int i = 0; i < UNITS; i++) {
            unitRegions.add(districts.get(i % districts.size()));
        }
        List<Unit> units = fixtures.units(unitRegions);
        Random random = new Random(8);
        List<String> series = List.of("GONGCHENG", "WEISHENG", "JIAOYU", "JINGJI", "KUAIJI", "TONGJI", "NONGYE");
        List<String> levels = List.of("YUAN", "ZHULI", "ZHONGJI", "FUGAO", "ZHENGGAO");
        DeclarationState[] states = DeclarationState.values();
        Instant now = Instant.now();
        long id = fixtures.ids("declaration", DECLARATIONS);
        List<Declared> declared = new ArrayList<>(DECLARATIONS);
        for (int i = 0; i < DECLARATIONS; i++) {
            DeclarationState state =
                    i % 3 == 0 ? DeclarationState.CERTIFIED : states[1 + random.nextInt(states.length - 1)];
            declared.add(new Declared(
                    id++,
                    units.get(random.nextInt(units.size())),
                    random.nextInt(10) == 0 ? BusinessType.TRANSFER_IN : BusinessType.FULL_TIME_RECOGNITION,
                    series.get(random.nextInt(series.size())),
                    levels.get(random.nextInt(levels.size())),
                    state,
                    now.minusSeconds(random.nextInt(730 * 86_400))));
        }
        fixtures.declarations(declared);
        List<Issued> issued = new ArrayList<>();
        long certificate = fixtures.ids("certificate_batch_item", DECLARATIONS);
        CertificateStatus[] statuses = {
            CertificateStatus.VALID,
            CertificateStatus.VALID,
            CertificateStatus.VALID,
            CertificateStatus.VALID,
            CertificateStatus.REVOKED,
            CertificateStatus.REISSUED,
            CertificateStatus.CORRECTED
        };
        for (Declared d : declared) {
            if (d.state() == DeclarationState.CERTIFIED) {
                CertificateStatus status = statuses[random.nextInt(statuses.length)];
                Instant at = d.firstSubmittedAt().plus(Duration.ofHours(24 + random.nextInt(24 * 60)));
                Issued first = new Issued(certificate++, d, status, at.isAfter(now) ? now : at, null);
                issued.add(first);
                if (status.replaced()) {
                    issued.add(new Issued(certificate++, d, CertificateStatus.VALID, first.issuedAt(), first));
                }
            }
        }
        fixtures.certificates(issued);
        jdbc.execute("analyze table declaration");
        jdbc.execute("analyze table title_certificate");
        jdbc.execute("analyze table unit");
        return issued.size();
    }
}
