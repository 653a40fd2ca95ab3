package cn.hrss.zcrd.review;

import cn.hrss.zcrd.declaration.DeclarationQueue;
import cn.hrss.zcrd.declaration.Declarations;
import cn.hrss.zcrd.support.BackOfficeStaff;
import cn.hrss.zcrd.unit.ReportingPaths;
import cn.hrss.zcrd.web.ConnectorPorts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the review tests share: the services a declaration goes up the chain through, the review fixtures, the
 * back-office staff, the ports and the database. A subclass carries {@code @IntegrationTest}.
 */
public abstract class ReviewServicesBase {

    @Autowired
    protected ReviewFixtures fixtures;

    @Autowired
    protected ReviewDecisions decisions;

    @Autowired
    protected Declarations declarations;

    @Autowired
    protected DeclarationQueue queue;

    @Autowired
    protected ReportingPaths paths;

    @Autowired
    protected ConnectorPorts ports;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected BackOfficeStaff staff;
}
