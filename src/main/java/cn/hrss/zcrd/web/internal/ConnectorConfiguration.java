package cn.hrss.zcrd.web.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Two connectors: the main one (server.port, 8443) is HTTPS and requires a client certificate from the UKEY CA
 * (Boot's SSL bundle {@code ukey-tls}); the additional one (zcrd.http.port, 8080) is plain HTTP for the portal and
 * the password fallback of the back office.
 */
@Configuration(proxyBeanMethods = false)
class ConnectorConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> plainHttpConnector(
            @Value("${zcrd.http.port}") int httpPort, @Value("${zcrd.http.address:}") String address) {
        return factory -> {
            Connector http = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
            http.setPort(httpPort);
            if (!address.isBlank()) {
                http.setProperty("address", address);
            }
            factory.addAdditionalConnectors(http);
        };
    }

    /** The UKEY CA's CRL on the TLS connector: a revoked UKEY fails the handshake. */
    @Bean
    TomcatConnectorCustomizer ukeyCrlOnConnector(@Value("${zcrd.tls.ukey-crl-file}") Path crlFile) {
        return connector -> {
            if (!Files.isReadable(crlFile)) {
                throw new IllegalStateException("UKEY CA CRL " + crlFile + " not found; run ops/dev-setup");
            }
            for (SSLHostConfig host : connector.findSslHostConfigs()) {
                host.setCertificateRevocationListFile(crlFile.toAbsolutePath().toString());
            }
        };
    }
}
