package cn.hrss.zcrd.web;

import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The ports the three connectors actually listen on (they may be random in tests): the mutual-TLS UKEY port, the
 * public HTTPS port (portal, password back office, verification) and the plain HTTP port (only {@code /pki/} and
 * redirects to HTTPS); and the management port ({@code management.server.port}: probes and metrics, a web server of
 * its own). Security tells the faces apart by the local port a request arrived on.
 */
@Component
public class ConnectorPorts {

    /** The server namespace of Spring Boot's management web server. */
    private static final String MANAGEMENT = "management";

    private volatile int ukeyPort = -1;
    private volatile int httpsPort = -1;
    private volatile int httpPort = -1;
    private volatile int managementPort = -1;

    @EventListener
    void onStarted(WebServerInitializedEvent event) {
        // the management server's event reaches this (parent) context too: its one plain connector is not a face
        if (isManagementServer(event)) {
            managementPort = event.getWebServer().getPort();
            return;
        }
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

    /** Plain HTTP: {@code /pki/}; everything else is redirected to {@link #httpsPort()}. */
    public int httpPort() {
        return httpPort;
    }

    /** The management server: health probes and metrics, never a face; -1 before it started or without one. */
    public int managementPort() {
        return managementPort;
    }

    /**
     * Whether the started web server is Spring Boot's management server (its event reaches the application context
     * too, after the faces' server): listeners that want the faces' server must skip it.
     */
    public static boolean isManagementServer(WebServerInitializedEvent event) {
        return MANAGEMENT.equals(event.getApplicationContext().getServerNamespace());
    }

    public boolean isUkeyPort(int localPort) {
        return localPort == ukeyPort;
    }

    public boolean isPlainHttpPort(int localPort) {
        return localPort == httpPort;
    }

    public boolean isManagementPort(int localPort) {
        return localPort == managementPort;
    }
}
