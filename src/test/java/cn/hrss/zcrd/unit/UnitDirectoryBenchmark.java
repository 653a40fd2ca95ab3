package cn.hrss.zcrd.unit;

import cn.hrss.zcrd.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: run by {@code ops/bench/unit-directory}. Seeds 50,000 units with realistic Chinese names into this
 * run's MariaDB database and prints p50/p99 of the unit picker's fuzzy search.
 */
@IntegrationTest
class UnitDirectoryBenchmark {

    static final int UNITS = Integer.getInteger("bench.units", 50_000);
    static final int RUNS = Integer.getInteger("bench.runs", 300);
    static final String[] CITIES = {
        "济南市", "青岛市", "淄博市", "枣庄市", "东营市", "烟台市", "潍坊市", "济宁市", "泰安市", "威海市", "日照市", "临沂市", "德州市", "聊城市", "滨州市", "菏泽市"
    };
    static final String[] WORDS = {
        "华信", "鲁南", "泰山", "齐鲁", "黄河", "海岱", "蓝海", "东方", "恒达", "宏远", "新华", "金桥", "瑞丰", "嘉禾", "明德", "博远", "正泰", "天元",
        "永安", "润泽"
    };
    static final String[] KINDS = {
        "电子科技有限公司",
        "建筑工程有限公司",
        "人民医院",
        "中心卫生院",
        "第一中学",
        "实验小学",
        "农业技术推广站",
        "会计师事务所",
        "统计调查队",
        "化工集团有限公司",
        "职业技术学院",
        "疾病预防控制中心"
    };

    @Autowired
    UnitDirectory directory;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void fuzzySearchOver50000Units() {
        long seedStart = System.nanoTime();
        seed();
        System.out.printf(
                "%nBENCH unit directory: seeded %,d units in %.1f s%n", UNITS, (System.nanoTime() - seedStart) / 1e9);
        measure("first page, no filter", "");
        measure("common part (人民医院)", "人民医院");
        measure("rare part (泰山瑞丰)", "泰山瑞丰");
        measure("city and kind (青岛市齐鲁)", "青岛市齐鲁");
        measure("no match (不存在的单位)", "不存在的单位");
    }

    private void measure(String label, String text) {
        for (int i = 0; i < 20; i++) {
            directory.search(text, 0, 10);
        }
        long[] nanos = new long[RUNS];
        long total = 0;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            total = directory.search(text, i % 3, 10).total();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(
                "BENCH unit directory: %-28s matches %,7d  p50 %6.2f ms  p99 %6.2f ms%n",
                label, total, nanos[RUNS / 2] / 1e6, nanos[RUNS * 99 / 100] / 1e6);
    }

    private void seed() {
        Random random = new Random(42);
        Timestamp now = Timestamp.from(Instant.now());
        Long firstId = jdbc.queryForObject("select coalesce(max(id), 0) + 1 from portal_account", Long.class);
        int batch = 2_000;
        for (int from = 0; from < UNITS; from += batch) {
            List<Object[]> accounts = new ArrayList<>();
            List<Object[]> units = new ArrayList<>();
            for (int i = from; i < Math.min(UNITS, from + batch); i++) {
                long id = firstId + i;
                String code = String.format("BENCH%013d", i);
                String name = CITIES[random.nextInt(CITIES.length)]
                        + WORDS[random.nextInt(WORDS.length)]
                        + WORDS[random.nextInt(WORDS.length)]
                        + KINDS[random.nextInt(KINDS.length)]
                        + i;
                accounts.add(new Object[] {id, code, name, now, now});
                units.add(new Object[] {id, code, name, now});
            }
            jdbc.batchUpdate(
                    "insert into portal_account (id, kind, login_name, display_name, password_hash, enabled, "
                            + "created_at, password_changed_at, version) values (?, 'UNIT', ?, ?, '{noop}bench', false, ?, ?, 0)",
                    accounts);
            jdbc.batchUpdate(
                    "insert into unit (account_id, credit_code, name, region_code, unit_type, contact_person, "
                            + "phone, created_at, version) values (?, ?, ?, '370102', 'ENTERPRISE', '基准', '05310000000', ?, 0)",
                    units);
        }
        jdbc.execute("analyze table unit");
    }
}
