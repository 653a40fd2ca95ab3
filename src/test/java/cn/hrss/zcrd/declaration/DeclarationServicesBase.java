package cn.hrss.zcrd.declaration;

import cn.hrss.zcrd.web.ConnectorPorts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the declaration tests share: the declaration services, the {@link DeclarationFixtures}, the ports and the
 * database. A subclass carries {@code @IntegrationTest} (and {@code @WithBrowser} where it uses Chromium).
 */
abstract class DeclarationServicesBase {

    @Autowired
    Declarations declarations;

    @Autowired
    DeclarationFixtures fixtures;

    @Autowired
    ConnectorPorts ports;

    @Autowired
    JdbcTemplate jdbc;
}
