package cn.hrss.zcrd.review;

import cn.hrss.zcrd.account.PortalAccountKind;
import cn.hrss.zcrd.account.PortalUser;
import cn.hrss.zcrd.declaration.DeclarationQueue;
import cn.hrss.zcrd.declaration.QueueQuery;
import cn.hrss.zcrd.declaration.QueueSort;
import cn.hrss.zcrd.declaration.QueueStatus;
import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.support.IntegrationTest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: run by {@code ops/bench/review-queue}. Seeds {@code bench.declarations} (100,000) declarations over
 * {@code bench.units} (2,000) units with bulk SQL, skewed as a province is: one unit (an issuing unit) holds a fifth
 * of them, nine competent departments a fifth together, the rest spread evenly. Then prints p50/p99 of what the
 * review page asks per request — the count for the paginator plus one page — over {@code bench.runs} runs.
 */
@IntegrationTest
class ReviewQueueBenchmark {

    static final int DECLARATIONS = Integer.getInteger("bench.declarations", 100_000);
    static final int UNITS = Integer.getInteger("bench.units", 2_000);
    static final int RUNS = Integer.getInteger("bench.runs", 300);

    @Autowired
    DeclarationQueue queue;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void reviewQueueOver100000Declarations() {
        long start = System.nanoTime();
        seed();
        System.out.printf(
                "%nBENCH review queue: seeded %,d declarations over %,d units in %.1f s%n",
                DECLARATIONS, UNITS, (System.nanoTime() - start) / 1e9);
        PortalUser biggest = unitUser(1);
        PortalUser department = unitUser(5);
        PortalUser typical = unitUser(UNITS / 2);
        System.out.printf(
                "BENCH review queue: largest unit holds %,d, a department %,d, a typical unit %,d%n",
                queue.count(biggest, QueueQuery.of(QueueStatus.CURRENT)),
                queue.count(department, QueueQuery.of(QueueStatus.CURRENT)),
                queue.count(typical, QueueQuery.of(QueueStatus.CURRENT)));

        measure("first page, largest unit", biggest, QueueQuery.pending(), QueueSort.SUBMITTED_AT, true);
        measure("first page, department", department, QueueQuery.pending(), QueueSort.SUBMITTED_AT, true);
        measure("first page, typical unit", typical, QueueQuery.pending(), QueueSort.SUBMITTED_AT, true);
        measure(
                "all states by name, largest unit",
                biggest,
                QueueQuery.of(QueueStatus.CURRENT),
                QueueSort.APPLICANT_NAME,
                false);
        measure(
                "name+level+series+dates, largest",
                biggest,
                new QueueQuery(
                        "王",
                        null,
                        "ZHULI",
                        "GONGCHENG",
                        null,
                        LocalDate.now(BusinessTime.DEFAULT_ZONE).minusDays(365),
                        LocalDate.now(BusinessTime.DEFAULT_ZONE),
                        null,
                        null),
                QueueSort.SUBMITTED_AT,
                true);
        measure(
                "ID number prefix, largest unit",
                biggest,
                new QueueQuery(null, "37010219900001", null, null, QueueStatus.CURRENT, null, null, null, null),
                QueueSort.SUBMITTED_AT,
                true);
        measure(
                "approved (to report), largest",
                biggest,
                QueueQuery.of(QueueStatus.APPROVED),
                QueueSort.SUBMITTED_AT,
                true);
        measure(
                "name, typical unit",
                typical,
                new QueueQuery("李", null, null, null, QueueStatus.CURRENT, null, null, null, null),
                QueueSort.SUBMITTED_AT,
                true);
    }

    private void measure(String label, PortalUser unit, QueueQuery query, QueueSort sort, boolean ascending) {
        for (int i = 0; i < 20; i++) {
            queue.count(unit, query);
            queue.page(unit, query, 0, 10, sort, ascending);
        }
        long[] nanos = new long[RUNS];
        long total = 0;
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            total = queue.count(unit, query);
            queue.page(unit, query, (i % 3) * 10, 10, sort, ascending);
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf(
                "BENCH review queue: %-34s matches %,7d  p50 %6.2f ms  p99 %6.2f ms%n",
                label, total, nanos[RUNS / 2] / 1e6, nanos[RUNS * 99 / 100] / 1e6);
    }

    private PortalUser unitUser(int n) {
        Map<String, Object> row = jdbc.queryForMap(
                "select u.account_id, u.credit_code, u.name from bench_unit b "
                        + "join unit u on u.id = b.unit_id where b.n = ?",
                n);
        return new PortalUser(
                ((Number) row.get("account_id")).longValue(),
                PortalAccountKind.UNIT,
                (String) row.get("credit_code"),
                (String) row.get("name"));
    }

    private void seed() {
        List.of(
                        "drop table if exists bench_unit",
                        "drop table if exists bench_person",
                        "create table bench_unit (n int primary key, unit_id bigint not null)",
                        "create table bench_person (n int primary key, account_id bigint not null)")
                .forEach(jdbc::execute);
        // units and their accounts
        jdbc.update("insert into portal_account (kind, login_name, display_name, password_hash, enabled, created_at, "
                + "password_changed_at, version) select 'UNIT', concat('RQU', lpad(seq, 12, '0')), concat('基准审核单位', "
                + "seq), '{noop}bench', false, now(6), now(6), 0 from seq_1_to_" + UNITS);
        jdbc.update("insert into unit (account_id, credit_code, name, region_code, unit_type, contact_person, phone, "
                + "created_at, version) select a.id, a.login_name, a.display_name, '370102', 'PUBLIC_INSTITUTION', "
                + "'基准', '05310000000', now(6), 0 from portal_account a where a.login_name like 'RQU%'");
        jdbc.update("insert into bench_unit (n, unit_id) select row_number() over (order by u.id), u.id from unit u "
                + "where u.credit_code like 'RQU%'");
        // applicants (accounts only: a declaration refers to the account)
        jdbc.update("insert into portal_account (kind, login_name, display_name, password_hash, enabled, created_at, "
                + "password_changed_at, version) select 'PERSON', concat('RQP', lpad(seq, 12, '0')), 'bench', "
                + "'{noop}bench', false, now(6), now(6), 0 from seq_1_to_" + DECLARATIONS);
        jdbc.update("insert into bench_person (n, account_id) select row_number() over (order by a.id), a.id "
                + "from portal_account a where a.login_name like 'RQP%'");
        String surnames = "'王','李','张','刘','陈','杨','黄','赵','周','吴','徐','孙','马','朱','胡','郭','何','林','高','罗'";
        String given = "'伟','芳','娜','敏','静','磊','强','洋','艳','杰','军','勇','涛','明','超','霞','平','刚','丽','鹏',"
                + "'华','飞','鑫','波','斌','宇','浩','凯','健','俊'";
        int others = UNITS - 10;
        // state by (seq div 5) % 20, independent of the unit: 8/20 submitted, 4 reported, 3 approved, 2 finally
        // approved, 2 returned, 1 draft
        String state = "case when (s.seq div 5) % 20 < 8 then 'SUBMITTED' when (s.seq div 5) % 20 < 12 "
                + "then 'REPORTED' when (s.seq div 5) % 20 < 15 then 'UNIT_APPROVED' when (s.seq div 5) % 20 < 17 "
                + "then 'FINAL_APPROVED' when (s.seq div 5) % 20 < 19 then 'RETURNED' else 'DRAFT' end";
        String holder = "case when s.seq % 5 = 0 then 1 when s.seq % 5 = 1 then 2 + (s.seq div 5) % 9 "
                + "else 11 + s.seq % " + others + " end";
        jdbc.update("insert into declaration (version, applicant_account_id, applicant_name, applicant_id_number, "
                + "declaration_year, level_code, series_code, title_id, specialty_id, declaration_method_id, "
                + "declaring_unit_id, declaring_unit_is_work_unit, work_start_date, professional_work_start_date, "
                + "graduation_school, graduation_date, education, major_studied, state, current_unit_id, open_marker, "
                + "created_at, updated_at, first_submitted_at, submitted_at) "
                + "select 0, p.account_id, concat(elt(1 + s.seq % 20, " + surnames + "), elt(1 + (s.seq div 20) % 30, "
                + given + "), elt(1 + (s.seq div 600) % 30, " + given
                + ")), concat('3701021990', lpad(s.seq, 8, '0')), "
                + "year(now()), elt(1 + s.seq % 3, 'YUAN', 'ZHULI', 'ZHONGJI'), elt(1 + (s.seq div 3) % 7, "
                + "'GONGCHENG', 'WEISHENG', 'JIAOYU', 'JINGJI', 'KUAIJI', 'TONGJI', 'NONGYE'), 102, 1001, 5, "
                + "d.unit_id, true, '2020-07-10', '2020-07-10', '山东大学', '2020-07-01', 'BACHELOR', '机械设计', "
                + state + ", case when (s.seq div 5) % 20 >= 17 then null else h.unit_id end, "
                + "case when (s.seq div 5) % 20 = 19 then null else true end, now(6), now(6), "
                + "case when (s.seq div 5) % 20 = 19 then null else now(6) - interval (s.seq % 730) day "
                + "- interval (s.seq % 86400) second end, "
                + "case when (s.seq div 5) % 20 = 19 then null else now(6) - interval (s.seq % 730) day "
                + "- interval (s.seq % 86400) second end "
                + "from seq_1_to_" + DECLARATIONS + " s join bench_person p on p.n = s.seq "
                + "join bench_unit h on h.n = (" + holder + ") "
                + "join bench_unit d on d.n = 11 + s.seq % " + others);
        jdbc.execute("analyze table declaration");
        jdbc.execute("analyze table unit");
    }
}
