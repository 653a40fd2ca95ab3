package cn.hrss.zcrd.statistics;

import cn.hrss.zcrd.support.BackOfficeStaff;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What the statistics tests share: the service, the back-office staff who ask it, the database the figures are
 * written into; nobody signed in after a test. A subclass carries {@code @IntegrationTest}.
 */
abstract class StatisticsServicesBase {

    @Autowired
    BackOfficeStaff staff;

    @Autowired
    Statistics statistics;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }
}
