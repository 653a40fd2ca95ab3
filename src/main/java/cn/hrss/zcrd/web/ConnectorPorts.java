package cn.hrss.zcrd.web;

import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The ports the three connectors actually listen on (they may be random in tests): the mutual-TLS UKEY port, the
 * public HTTPS port (portal, password back office, verification) and the plain HTTP port (only {@code /pki/}, the
 * health probe and redirects to HTTPS). Security tells the faces apart by the local port a request arrived on.
 */
@Component
public class ConnectorPorts {

    private volatile int ukeyPort = -1;
    private volatile int httpsPort = -1;
    private volatile int httpPort = -1;

    @EventListener
    void onStarted(WebServerInitializedEvent event) {
        if (event.getWebServer() instanceof TomcatWebServer tomcat) {
            for (Connector connector : tomcat.getTomcat().getService().findConnectors()) {
                if (isUkeyConnector(connector)) {
                    ukeyPort = connector.getLocalPort();
                } else if (connector.getSecure() || "https".equals(connector.getScheme())) {
                    httpsPort = connector.getLocalPort();
                } else {
                    httpPort = connector.getLocalPort();
                }
            }
        }
    }

    /** The mutual-TLS connector: TLS that asks every client for a certificate. */
    public static boolean isUkeyConnector(Connector connector) {
        if (!connector.getSecure()) {
            return false;
        }
        for (SSLHostConfig host : connector.findSslHostConfigs()) {
            if (host.getCertificateVerification() != SSLHostConfig.CertificateVerification.NONE) {
                return true;
            }
        }
        return false;
    }

    public int ukeyPort() {
        return ukeyPort;
    }

    /** The public HTTPS listener: portal, password fallback of the back office, verification. */
    public int httpsPort() {
        return httpsPort;
    }

    /** Plain HTTP: {@code /pki/} and the health probe; everything else is redirected to {@link #httpsPort()}. */
    public int httpPort() {
        return httpPort;
    }

    public boolean isUkeyPort(int localPort) {
        return localPort == ukeyPort;
    }

    public boolean isPlainHttpPort(int localPort) {
        return localPort == httpPort;
    }
}
