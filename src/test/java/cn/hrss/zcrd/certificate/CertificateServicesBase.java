package cn.hrss.zcrd.certificate;

import cn.hrss.zcrd.declaration.Declarations;
import cn.hrss.zcrd.support.SignsOut;
import cn.hrss.zcrd.web.ConnectorPorts;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the certificate tests share: the library, issuance and certificate services, the declarations, the ports and
 * the database; nobody is left signed in after a test. A subclass carries {@code @IntegrationTest}.
 */
@ExtendWith(SignsOut.class)
abstract class CertificateServicesBase {

    @Autowired
    CertificateLibrary library;

    @Autowired
    CertificateIssuance issuance;

    @Autowired
    TitleCertificates certificates;

    @Autowired
    Declarations declarations;

    @Autowired
    ConnectorPorts ports;

    @Autowired
    JdbcTemplate jdbc;
}
