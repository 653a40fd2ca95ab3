package cn.hrss.zcrd.web.internal;

import cn.hrss.zcrd.account.BackOfficeProperties;
import cn.hrss.zcrd.signing.ExternalCa;
import cn.hrss.zcrd.web.ConnectorPorts;
import cn.hrss.zcrd.web.UkeyRevocationList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
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
import org.springframework.core.Ordered;

/**
 * Three connectors: the main one (server.port, 8443) is HTTPS and requires a client certificate from the UKEY CA
 * (Boot's SSL bundle {@code ukey-tls}); the public HTTPS one (zcrd.https.port, 8444; bundle {@code public-tls}, no
 * client certificate) serves the portal, the password fallback of the back office and verification; the plain HTTP
 * one (zcrd.http.port, 8080) serves only what validators fetch over HTTP by convention ({@code /pki/}), and
 * redirects everything else to HTTPS ({@link HttpsRedirect}). Probes and metrics have a server of their own
 * (management.server.port, {@link ManagementSecurity}).
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

    /**
     * First of all (before sessions, limits, security): behind the load balancer, the public face's requests carry
     * the client's address ({@link ForwardedClientAddress}).
     */
    @Bean
    FilterRegistrationBean<ForwardedClientAddress> forwardedClientAddress(
            ConnectorPorts ports, @Value("${zcrd.http.trusted-proxies:}") List<String> trustedProxies) {
        FilterRegistrationBean<ForwardedClientAddress> registration =
                new FilterRegistrationBean<>(new ForwardedClientAddress(trustedProxies, ports::httpsPort));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
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

    /**
     * The UKEY CA's CRL on the TLS connector: a revoked UKEY fails the handshake. In external-CA mode for UKEY
     * certificates the listener also trusts the licensed CA's anchors and checks its CRLs (see {@link
     * UkeyRevocationList}); the account binding (exact fingerprint) still decides who logs in.
     */
    @Bean
    TomcatConnectorCustomizer ukeyCrlOnConnector(
            @Value("${zcrd.tls.ukey-crl-file}") Path crlFile,
            UkeyRevocationList revocationList,
            BackOfficeProperties backOffice,
            ExternalCa externalCa) {
        return connector -> {
            if (!Files.isReadable(crlFile)) {
                throw new IllegalStateException("UKEY CA CRL " + crlFile + " not found; run ops/dev-setup");
            }
            boolean external = backOffice.ukeyCertificates() == BackOfficeProperties.UkeyCertificates.EXTERNAL;
            String file = revocationList.connectorFile().toAbsolutePath().toString();
            for (SSLHostConfig host : connector.findSslHostConfigs()) {
                host.setCertificateRevocationListFile(file);
                if (external) {
                    try {
                        host.setTrustStore(withAnchors(host.getTruststore(), externalCa.anchorCertificates()));
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException("UKEY listener trust store", e);
                    }
                }
            }
        };
    }

    /** A copy of {@code trustStore} (the UKEY CA's, from the SSL bundle) that also trusts {@code anchors}. */
    static KeyStore withAnchors(KeyStore trustStore, List<X509Certificate> anchors) {
        if (anchors.isEmpty()) {
            throw new IllegalStateException("zcrd.backoffice.ukey-certificates is external but no external CA anchor"
                    + " is configured (zcrd.signing.external-ca.anchors)");
        }
        try {
            KeyStore combined = KeyStore.getInstance("PKCS12");
            combined.load(null, null);
            if (trustStore != null) {
                for (String alias : Collections.list(trustStore.aliases())) {
                    if (trustStore.isCertificateEntry(alias)) {
                        combined.setCertificateEntry(alias, trustStore.getCertificate(alias));
                    }
                }
            }
            for (int i = 0; i < anchors.size(); i++) {
                combined.setCertificateEntry("external-ca-anchor-" + i, anchors.get(i));
            }
            return combined;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("UKEY trust store with the external CA's anchors", e);
        }
    }
}
