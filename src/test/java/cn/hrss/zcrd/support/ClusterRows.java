package cn.hrss.zcrd.support;

import cn.hrss.zcrd.shared.BusinessTime;
import cn.hrss.zcrd.shared.IdNumber;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Rows the several-node tests start from, written into the cluster's database over JDBC through HAProxy's database
 * front: each statement on a new connection, so it rides over a database failover.
 */
public final class ClusterRows {

    public final JdbcTemplate jdbc;

    public ClusterRows(Cluster cluster) {
        this.jdbc = new JdbcTemplate(
                new DriverManagerDataSource(cluster.jdbcUrl(), cluster.jdbcUser(), cluster.jdbcPassword()));
    }

    /** A unit of the unit directory with its portal account (verified: the directory's default). */
    public record Unit(long id, long accountId, String name, String creditCode) {}

    /** A unit in Jinan's 历下区 (370102) of {@code unitType} (e.g. {@code ENTERPRISE}). */
    public Unit unit(String name, String unitType) {
        String creditCode = TestIdentities.creditCode();
        Timestamp now = Timestamp.from(Instant.now());
        long account = insert(
                "INSERT INTO portal_account (kind, login_name, display_name, password_hash, created_at, "
                        + "password_changed_at) VALUES ('UNIT', ?, ?, '{noop}unused', ?, ?)",
                creditCode,
                name,
                now,
                now);
        long unit = insert(
                "INSERT INTO unit (account_id, credit_code, name, name_key, region_code, unit_type, contact_person, "
                        + "phone, created_at) VALUES (?, ?, ?, ?, '370102', ?, '王联系', '0531-86001234', ?)",
                account,
                creditCode,
                name,
                name,
                unitType,
                now);
        return new Unit(unit, account, name, creditCode);
    }

    /** A person (portal account and applicant) who signs in with {@code password}; returns the ID number. */
    public String person(String name, String password) {
        String idNumber = TestIdentities.idNumber();
        IdNumber id = IdNumber.of(idNumber, LocalDate.now(BusinessTime.DEFAULT_ZONE));
        Timestamp now = Timestamp.from(Instant.now());
        long account = insert(
                "INSERT INTO portal_account (kind, login_name, display_name, password_hash, created_at, "
                        + "password_changed_at) VALUES ('PERSON', ?, ?, ?, ?, ?)",
                idNumber,
                name,
                "{bcrypt}" + new BCryptPasswordEncoder().encode(password),
                now,
                now);
        jdbc.update(
                "INSERT INTO applicant (account_id, id_number, name, birth_date, sex, mobile, email, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                account,
                idNumber,
                name,
                java.sql.Date.valueOf(id.birthDate()),
                id.sex().name(),
                String.format("139%08d", account % 100_000_000),
                "c" + account + "@example.cn",
                now);
        return idNumber;
    }

    /** Runs an INSERT and returns the generated {@code id}. */
    public long insert(String sql, Object... arguments) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    var statement = connection.prepareStatement(sql, new String[] {"id"});
                    for (int i = 0; i < arguments.length; i++) {
                        statement.setObject(i + 1, arguments[i]);
                    }
                    return statement;
                },
                key);
        return key.getKey().longValue();
    }
}
