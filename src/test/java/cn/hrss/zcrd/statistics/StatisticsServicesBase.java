package cn.hrss.zcrd.statistics;

import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.support.SignsOut;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the statistics tests share: the service, the back-office staff who ask it, the database the figures are
 * written into; nobody signed in after a test. A subclass carries {@code @IntegrationTest}.
 */
@ExtendWith(SignsOut.class)
abstract class StatisticsServicesBase {

    @Autowired
    BackOfficeStaff staff;

    @Autowired
    Statistics statistics;

    @Autowired
    JdbcTemplate jdbc;
}
