package cn.hrss.zcrd.account;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.support.SelfSigned;
import java.security.cert.X509Certificate;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Accounts and UKEY bindings on a fresh MariaDB database migrated by Flyway. */
@IntegrationTest
class BackOfficeAccountsIT {

    @Autowired
    BackOfficeStaff staff;

    @Autowired
    BackOfficeAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void flywayMigratedAFreshMariaDbDatabase(@Autowired Flyway flyway) {
        assertThat(jdbc.queryForObject("select version()", String.class)).containsIgnoringCase("mariadb");
        assertThat(flyway.info().applied())
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m.getState().isApplied()).isTrue());
        assertThat(jdbc.queryForList("show tables", String.class)).contains("back_office_account", "ukey_binding");
    }

    @Test
    void anAccountAndItsUkeyRoundTripThroughTheDatabase() throws Exception {
        BackOfficeAccount created = accounts.create("round-trip", "赵六", BackOfficeRole.UNIT_OPERATOR, "Secret-pass1");
        X509Certificate ukey = SelfSigned.certificate("CN=round-trip-ukey");
        staff.ukeys().bindUkey(created.getId(), ukey);

        BackOfficeAccount loaded = accounts.findByUsername("round-trip").orElseThrow();
        assertThat(loaded.getDisplayName()).isEqualTo("赵六");
        assertThat(loaded.getRole()).isEqualTo(BackOfficeRole.UNIT_OPERATOR);
        String hash = jdbc.queryForObject(
                "select password_hash from back_office_account where username = ?", String.class, "round-trip");
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("Secret-pass1");
        assertThat(passwordEncoder.matches("Secret-pass1", hash)).isTrue();

        var user = staff.ukeyLogin(ukey);
        assertThat(user.getUsername()).isEqualTo("round-trip");
        assertThat(user.getMethod()).isEqualTo(AuthenticationMethod.UKEY);
        assertThat(staff.ukeys().bindingsOf(created.getId()))
                .singleElement()
                .satisfies(b -> assertThat(b.getSubjectDn()).isEqualTo("CN=round-trip-ukey"));
    }
}
