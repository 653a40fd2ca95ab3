package cn.hrss.zcrd.web.internal;

import cn.hrss.zcrd.web.ConnectorPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Three connectors: the main one (server.port, 8443) is HTTPS and requires a client certificate from the UKEY CA
 * (Boot's SSL bundle {@code ukey-tls}); the public HTTPS one (zcrd.https.port, 8444; bundle {@code public-tls}, no
 * client certificate) serves the portal, the password fallback of the back office and verification; the plain HTTP
 * one (zcrd.http.port, 8080) serves only what validators fetch over HTTP by convention ({@code /pki/}) and the health
 * probe, and redirects everything else to HTTPS ({@link HttpsRedirect}).
 */
@Configuration(proxyBeanMethods = false)
class ConnectorConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> additionalConnectors(
            @Value("${zcrd.http.port}") int httpPort,
            @Value("${zcrd.http.address:}") String httpAddress,
            @Value("${zcrd.https.port}") int httpsPort,
            @Value("${zcrd.https.address:${zcrd.http.address:}}") String httpsAddress,
            @Value("${zcrd.https.bundle:public-tls}") String bundleName,
            SslBundles bundles) {
        return factory -> {
            Connector http = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
            http.setPort(httpPort);
            if (!httpAddress.isBlank()) {
                http.setProperty("address", httpAddress);
            }
            factory.addAdditionalConnectors(http, publicHttps(httpsPort, httpsAddress, bundles.getBundle(bundleName)));
        };
    }

    /** Server-authenticated TLS only: a browser is asked for no certificate here. */
    private static Connector publicHttps(int port, String address, SslBundle bundle) {
        Connector https = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        https.setPort(port);
        if (!address.isBlank()) {
            https.setProperty("address", address);
        }
        https.setScheme("https");
        https.setSecure(true);
        https.setProperty("SSLEnabled", "true");
        SSLHostConfig host = new SSLHostConfig();
        host.setCertificateVerification("none");
        host.setProtocols("TLSv1.2+TLSv1.3");
        SSLHostConfigCertificate certificate =
                new SSLHostConfigCertificate(host, SSLHostConfigCertificate.Type.UNDEFINED);
        certificate.setCertificateKeystore(bundle.getStores().getKeyStore());
        String password = bundle.getStores().getKeyStorePassword();
        certificate.setCertificateKeystorePassword(password == null ? "" : password);
        host.addCertificate(certificate);
        https.addSslHostConfig(host);
        return https;
    }

    /** Before anything else (limits, sessions, security): plain HTTP is answered with a redirect. */
    @Bean
    FilterRegistrationBean<HttpsRedirect> httpsRedirect(
            ConnectorPorts ports, @Value("${zcrd.https.redirect-port:0}") int redirectPort) {
        FilterRegistrationBean<HttpsRedirect> registration =
                new FilterRegistrationBean<>(new HttpsRedirect(ports, redirectPort));
        registration.addUrlPatterns("/*");
        registration.setOrder(-1000);
        return registration;
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
