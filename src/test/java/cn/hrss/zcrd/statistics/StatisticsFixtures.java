package cn.hrss.zcrd.statistics;

import cn.hrss.zcrd.certificate.CertificateStatus;
import cn.hrss.zcrd.declaration.DeclarationState;
import cn.hrss.zcrd.unit.BusinessType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Declarations, certificates and units written straight into their tables with batched JDBC inserts (what the
 * statistics read, and nothing of the flows that make them: those have their own tests), for {@code StatisticsIT}
 * and {@code StatisticsBenchmark}. Ids are taken above the tables' current maximum (the tests of one JVM run one
 * after the other). Fixture declarations are not open ({@code open_marker} null), so one applicant holds them all.
 */
final class StatisticsFixtures {

    static final int CHUNK = 2_000;

    record Unit(long id, String regionCode) {}

    record Declared(
            long id,
            Unit unit,
            BusinessType type,
            String seriesCode,
            String levelCode,
            DeclarationState state,
            Instant firstSubmittedAt) {}

    /** A certificate; {@code predecessor} is the one it replaced (补发/更正), or null. */
    record Issued(long id, Declared declaration, CertificateStatus status, Instant issuedAt, Issued predecessor) {}

    private final JdbcTemplate jdbc;
    private final long applicant;

    StatisticsFixtures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.applicant = account("PERSON", "STP" + random(12), "统计申报人");
    }

    /** The next {@code count} ids of {@code table}, reserved for this fixture's explicit inserts. */
    long ids(String table, int count) {
        Long max = jdbc.queryForObject("select max(id) from " + table, Long.class);
        long first = (max == null ? 0 : max) + 1;
        // move the auto-increment past them, so the application's own inserts meanwhile never collide
        jdbc.execute("alter table " + table + " auto_increment = " + (first + count));
        return first;
    }

    /** One unit (with its account) in each region. */
    List<Unit> units(List<String> regionCodes) {
        List<Unit> units = new ArrayList<>();
        for (String region : regionCodes) {
            String code = "ST" + random(16);
            long account = account("UNIT", code, "统计单位" + code);
            jdbc.update(
                    "insert into unit (account_id, credit_code, name, region_code, unit_type, contact_person, phone, "
                            + "created_at, version) values (?, ?, ?, ?, 'PUBLIC_INSTITUTION', '统计', '05310000000', "
                            + "now(6), 0)",
                    account,
                    code,
                    "统计单位" + code,
                    region);
            units.add(new Unit(
                    jdbc.queryForObject("select id from unit where credit_code = ?", Long.class, code), region));
        }
        return units;
    }

    void declarations(List<Declared> declarations) {
        List<Object[]> rows = new ArrayList<>();
        for (Declared d : declarations) {
            Timestamp at = Timestamp.from(d.firstSubmittedAt());
            boolean closed = d.state() == DeclarationState.CERTIFIED || d.state() == DeclarationState.WITHDRAWN;
            rows.add(new Object[] {
                d.id(),
                applicant,
                "统计" + d.id() % 1000,
                "370102199001" + String.format("%06d", d.id() % 1_000_000),
                d.firstSubmittedAt().atZone(java.time.ZoneOffset.UTC).getYear(),
                d.levelCode(),
                d.seriesCode(),
                d.unit().id(),
                d.state().name(),
                closed || d.state() == DeclarationState.RETURNED
                        ? null
                        : d.unit().id(),
                at,
                at,
                at,
                at,
                d.type().name()
            });
        }
        batches(
                "insert into declaration (id, version, applicant_account_id, applicant_name, applicant_id_number, "
                        + "declaration_year, level_code, series_code, title_id, specialty_id, declaration_method_id, "
                        + "declaring_unit_id, declaring_unit_is_work_unit, work_start_date, "
                        + "professional_work_start_date, graduation_school, graduation_date, education, major_studied, "
                        + "state, current_unit_id, open_marker, created_at, updated_at, first_submitted_at, "
                        + "submitted_at, business_type) values (?, 0, ?, ?, ?, ?, ?, ?, 102, 1001, 5, ?, true, "
                        + "'2010-07-10', '2010-07-10', '山东大学', '2010-07-01', 'BACHELOR', '机械设计', ?, ?, null, "
                        + "?, ?, ?, ?, ?)",
                rows);
    }

    /**
     * The certificates with their library entries, one batch row per call and a batch item each (a successor is an
     * item of the same entry naming its predecessor). Predecessors must come before their successors.
     */
    void certificates(List<Issued> certificates) {
        if (certificates.isEmpty()) {
            return;
        }
        Unit anyUnit = certificates.get(0).declaration().unit();
        jdbc.update(
                "insert into certificate_batch (unit_id, state, total, issued, publish_date, number_year, started_by, "
                        + "started_by_login, started_by_name, started_with_ukey, created_at, updated_at) "
                        + "values (?, 'COMPLETED', ?, ?, '2020-01-01', 2020, 1, 'statistics', '统计', true, now(6), now(6))",
                anyUnit.id(),
                certificates.size(),
                certificates.size());
        long batch = jdbc.queryForObject("select max(id) from certificate_batch", Long.class);
        Map<Long, Long> entries = new LinkedHashMap<>();
        for (Issued c : certificates) {
            entries.putIfAbsent(c.declaration().id(), 0L);
        }
        long entry = ids("certificate_library_entry", entries.size());
        List<Object[]> entryRows = new ArrayList<>();
        for (Issued c : certificates) {
            Declared d = c.declaration();
            if (entries.get(d.id()) == 0L) {
                entries.put(d.id(), entry);
                entryRows.add(new Object[] {
                    entry++,
                    d.id(),
                    applicant,
                    d.unit().id(),
                    d.levelCode(),
                    d.seriesCode(),
                    Timestamp.from(d.firstSubmittedAt()),
                    d.type().name()
                });
            }
        }
        batches(
                "insert into certificate_library_entry (id, declaration_id, applicant_account_id, unit_id, "
                        + "holder_name, id_number, declaration_year, level_code, level_name, series_code, series_name, "
                        + "title_name, specialty_name, final_approved_at, business_type) values (?, ?, ?, ?, '统计', "
                        + "'370102199001010010', 2020, ?, '级别', ?, '系列', '职称', '专业', ?, ?)",
                entryRows);
        List<Object[]> items = new ArrayList<>();
        List<Object[]> issued = new ArrayList<>();
        int position = 0;
        for (Issued c : certificates) {
            long entryId = entries.get(c.declaration().id());
            String number = String.format("ST%016d", c.id());
            items.add(new Object[] {
                c.id(),
                batch,
                entryId,
                position++,
                number,
                c.predecessor() == null ? 0L : c.predecessor().id()
            });
            issued.add(new Object[] {
                c.id(),
                number,
                c.declaration().unit().id(),
                c.id(),
                batch,
                entryId,
                c.declaration().id(),
                applicant,
                Timestamp.from(c.issuedAt()),
                c.status().name(),
                c.predecessor() == null ? null : c.predecessor().id()
            });
        }
        batches(
                "insert into certificate_batch_item (id, batch_id, entry_id, position, number, issued, "
                        + "predecessor_key) values (?, ?, ?, ?, ?, true, ?)",
                items);
        batches(
                "insert into title_certificate (id, number, unit_id, number_year, number_sequence, batch_id, entry_id, "
                        + "declaration_id, applicant_account_id, holder_name, id_number, title_name, series_name, "
                        + "specialty_name, level_name, publish_date, unit_name, electronic_seal_id, verification_key, "
                        + "sha256, pdf_size, issued_at, status, predecessor_id, evidence_until) "
                        + "values (?, ?, ?, 2020, ?, ?, ?, ?, ?, "
                        + "'统计', '370102199001010010', '职称', '系列', '专业', '级别', '2020-01-01', '统计单位', 0, "
                        + "'0123456789abcdef0123456789abcdef', "
                        + "'0000000000000000000000000000000000000000000000000000000000000000', 1, ?, ?, ?, "
                        // not due for an archive time-stamp: the archive job leaves these PDF-less rows alone
                        + "'2099-01-01')",
                issued);
    }

    private void batches(String sql, List<Object[]> rows) {
        for (int i = 0; i < rows.size(); i += CHUNK) {
            jdbc.batchUpdate(sql, rows.subList(i, Math.min(rows.size(), i + CHUNK)));
        }
    }

    private long account(String kind, String login, String name) {
        jdbc.update(
                "insert into portal_account (kind, login_name, display_name, password_hash, enabled, created_at, "
                        + "password_changed_at, version) values (?, ?, ?, '{noop}statistics', false, now(6), now(6), 0)",
                kind,
                login,
                name);
        return jdbc.queryForObject(
                "select id from portal_account where kind = ? and login_name = ?", Long.class, kind, login);
    }

    private static String random(int digits) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < digits; i++) {
            s.append(ThreadLocalRandom.current().nextInt(10));
        }
        return s.toString();
    }
}
